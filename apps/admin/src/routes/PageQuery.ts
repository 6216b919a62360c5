/**
 * @module PageQuery
 * The query parameters every page accepts: `validAt`, the date the page shows the register
 * on (today unless the user asked for another; a bad date falls back to today with an error
 * message, and the page answers 400).
 */
import { IsoDate } from "@care-atlas/domain";

/** The query parameters every page understands. */
export interface PageQuery {
  readonly validAt: string;
  /** Set when the user asked for a date (links keep it). */
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
}

/**
 * Reads and checks `validAt`.
 *
 * @example
 * ```ts
 * pageQuery((name) => c.req.query(name), "2026-12-01");
 * // ?validAt=2021-04-01 → { validAt: "2021-04-01", validAtGiven: "2021-04-01", validAtError: undefined }
 * ```
 */
export const pageQuery = (
  query: (name: string) => string | undefined,
  today: string,
): PageQuery => {
  const raw = query("validAt")?.trim();
  if (raw === undefined || raw === "")
    return { validAt: today, validAtGiven: undefined, validAtError: undefined };
  const parsed = IsoDate.safeParse(raw);
  if (!parsed.success) {
    return {
      validAt: today,
      validAtGiven: undefined,
      validAtError: "Enter a real date, for example 2021-04-01",
    };
  }
  return { validAt: parsed.data, validAtGiven: parsed.data, validAtError: undefined };
};

/** The status of a page read with `query`: 400 when its date was not a real date. */
export const pageStatus = (query: PageQuery): 200 | 400 =>
  query.validAtError === undefined ? 200 : 400;
