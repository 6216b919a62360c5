/**
 * @module CsrfField
 * The hidden field that carries the CSRF token in every POST form.
 */
import type { FC } from "hono/jsx";

/** The name of the CSRF form field. */
export const csrfFieldName = "_csrf";

/** The hidden CSRF field. */
export const CsrfField: FC<{ token: string }> = ({ token }) => (
  <input type="hidden" name={csrfFieldName} value={token} />
);
