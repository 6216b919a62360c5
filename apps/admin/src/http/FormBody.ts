/**
 * @module FormBody
 * Reading the fields of a posted form (`c.req.parseBody({ all: true })`): a field sent once
 * is its text; anything else (absent, a file, a name sent twice) reads as "".
 */

/**
 * The text of a posted field.
 *
 * @example
 * ```ts
 * const body = await c.req.parseBody({ all: true });
 * fieldText(body.email).trim();
 * ```
 */
export const fieldText = (value: unknown): string => (typeof value === "string" ? value : "");
