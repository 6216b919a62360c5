/**
 * @module query
 * The query parameters routes share: `validAt` / `asOf` on every read, `limit` / `cursor` on
 * every list, whole numbers and booleans as query strings, and the read time as the
 * services take it.
 */
import { IsoDate } from "@care-atlas/domain";
import { z } from "zod";
import { ProblemError } from "../../problem.js";
import { cursorPattern, openCursor } from "./cursor.js";

/** `validAt` and `asOf`, on every read. */
export const TimeQuery = z.object({
  validAt: IsoDate.optional().meta({
    description: "The date the facts were true in the world, YYYY-MM-DD (default: today).",
    example: "2021-04-01",
  }),
  asOf: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z" })
    .optional()
    .meta({
      description:
        "What the register had recorded at this time, ISO 8601 date-time (default: now).",
      example: "2026-01-31T12:00:00Z",
    }),
});

/**
 * A whole number in a query string: decimal digits only (no signs, spaces, exponents or
 * hex, which `Number()` would accept), within [min, max].
 */
export const wholeNumber = (min: number, max: number, error: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value),
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );

/** `limit` and `cursor`, on every list. */
export const PageQuery = z.object({
  limit: wholeNumber(1, 1000, "must be a whole number from 1 to 1000")
    .optional()
    .meta({ description: "Items per page, 1–1000 (default 100).", example: 100 }),
  cursor: z
    .string()
    .max(210)
    .regex(cursorPattern, { error: "must be a cursor returned by a previous page" })
    .optional()
    .meta({
      description:
        "The `nextCursor` of the previous page (opaque). It belongs to its query: send it with the same parameters (other than `limit`), or it is refused.",
    }),
  all: z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((text) => text === "true")
    .optional()
    .meta({
      description:
        "`true`: the whole list in one answer, without paging (`nextCursor` is null). CSV and NDJSON (`Accept: text/csv`, `application/x-ndjson`) always answer the whole list. Neither goes with `limit` or `cursor`.",
      example: "true",
    }),
});

/** A `true`/`false` query parameter. */
export const BooleanQuery = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((text) => text === "true");

/** The time options of a read, as the services take them. */
export interface ReadTime {
  readonly validAt?: string;
  readonly asOf?: Date;
}

/** The parsed `validAt` / `asOf` of a request, as the services take them. */
export const timeOptions = (query: {
  readonly validAt?: string | undefined;
  readonly asOf?: string | undefined;
}): ReadTime => ({
  ...(query.validAt === undefined ? {} : { validAt: query.validAt }),
  ...(query.asOf === undefined ? {} : { asOf: new Date(query.asOf) }),
});

/**
 * Whether a list is asked for whole (`all=true`, or a CSV or NDJSON answer); a problem when
 * either comes with `limit` or `cursor`.
 */
export const wholeList = (
  query: {
    readonly all?: boolean | undefined;
    readonly limit?: number | undefined;
    readonly cursor?: string | undefined;
  },
  streamed: boolean,
): boolean => {
  const whole = query.all === true || streamed;
  if (whole && (query.limit !== undefined || query.cursor !== undefined)) {
    const why = streamed ? "CSV and NDJSON answer" : "all=true answers";
    throw new ProblemError("invalid-request", {
      detail: `${why} the whole list: leave out limit and cursor`,
      errors: [
        {
          path: query.limit === undefined ? "query.cursor" : "query.limit",
          message: `not with ${streamed ? "CSV or NDJSON" : "all=true"}`,
        },
      ],
    });
  }
  return whole;
};

/**
 * The paging options of a list, as the services take them: the cursor opened against the
 * query's digest (400 when it belongs to another query).
 */
export const pageOptions = (
  query: { readonly limit?: number | undefined; readonly cursor?: string | undefined },
  digest: string,
): { limit?: number; cursor?: string } => ({
  ...(query.limit === undefined ? {} : { limit: query.limit }),
  ...(query.cursor === undefined ? {} : { cursor: openCursor(query.cursor, digest) }),
});
