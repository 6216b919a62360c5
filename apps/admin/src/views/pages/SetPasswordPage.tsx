/**
 * @module SetPasswordPage
 * Where the holder of a one-time link sets their password (no sign-in needed: the link is
 * the proof), or learns that the link no longer works.
 */
import type { FC } from "hono/jsx";
import { CsrfField } from "../components/CsrfField.js";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.js";
import { TextInput } from "../components/Fields.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the page shows. */
export interface SetPasswordData {
  readonly token: string;
  /** The account the link is for; undefined when the link does not work (any more). */
  readonly email: string | undefined;
  readonly errors: ReadonlyArray<FieldError>;
}

/** The set-password page. */
export const SetPasswordPage: FC<{ ctx: ViewContext; data: SetPasswordData }> = ({ ctx, data }) => {
  const errorOf = (id: string) => data.errors.find((e) => e.fieldId === id)?.message;
  if (data.email === undefined) {
    return (
      <Layout ctx={ctx} title="This link does not work">
        <h1>This link does not work</h1>
        <p>
          It has been used, has expired, or was replaced by a newer one. Ask an administrator for a
          new link.
        </p>
        <p>
          <a href={ctx.paths.signIn()}>Sign in</a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title="Set your password" hasErrors={data.errors.length > 0}>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={data.errors} />
          <h1>Set your password</h1>
          <p>For the Care Atlas account {data.email}. The link works once.</p>
          <form action={ctx.paths.setPassword()} method="post" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="token" value={data.token} />
            <TextInput
              id="password"
              name="password"
              type="password"
              label="New password"
              hint="At least 12 characters."
              error={errorOf("password")}
              autocomplete="new-password"
            />
            <TextInput
              id="confirm"
              name="confirm"
              type="password"
              label="Type it again"
              error={errorOf("confirm")}
              autocomplete="new-password"
            />
            <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
              Set password
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
};
