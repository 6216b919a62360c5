/**
 * @module PostcodeRecord
 * A postcode as a postcode directory states it — the ONS Postcode Directory (ONSPD), the
 * National Statistics Postcode Lookup (NSPL), or an extract of one: the LSOA (2021) it lies
 * in, the month it was introduced and the month it was terminated, its point, its ward and
 * district as at the directory's date, and the source (the directory) that says so.
 *
 * The fields are flat scalars so that millions of postcodes can be held as columns
 * (postcode, LSOA, introduced, terminated, latitude, longitude, ward, district, source).
 */
import { z } from "zod";
import { CanonicalPostcode, LatLon } from "./Lsoa.js";
import { LsoaCode } from "./Neighbourhood.js";
import type { IsoDate } from "./Period.js";
import { SourceKey } from "./Provenance.js";

/**
 * A calendar month, `YYYY-MM`: the precision of ONS's `dointr` and `doterm` (`YYYYMM`).
 *
 * @example
 * ```ts
 * import { YearMonth } from "@care-atlas/domain";
 * YearMonth.parse("1980-01");
 * YearMonth.safeParse("1980-13").success; // false
 * ```
 */
export const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "must be a month, YYYY-MM" })
  .meta({ id: "YearMonth", description: "A calendar month, YYYY-MM.", examples: ["1980-01"] });
export type YearMonth = z.infer<typeof YearMonth>;

/**
 * A postcode with its dates, point and areas, as one directory states them.
 *
 * @example
 * ```ts
 * import { PostcodeRecord } from "@care-atlas/domain";
 * PostcodeRecord.parse({
 *   postcode: "ZZ9 9ZZ",
 *   lsoaCode: "E01999001",
 *   introduced: "1980-01",
 *   terminated: "2024-01",
 *   point: { lat: 53.4, lon: -2.3 },
 *   source: "synthetic",
 * });
 * ```
 */
export const PostcodeRecord = z
  .object({
    postcode: CanonicalPostcode,
    lsoaCode: LsoaCode,
    introduced: YearMonth.nullable().describe(
      "The month the postcode was introduced (ONS dointr); null when the directory does not say.",
    ),
    terminated: YearMonth.nullable().describe(
      "The month the postcode was terminated (ONS doterm); null while it is live.",
    ),
    point: LatLon.optional().describe(
      "The postcode's point, when the directory has a grid reference.",
    ),
    wardCode: z
      .string()
      .regex(/^[EW]05\d{6}$/, { error: "must be a ward code, E05 + 6 digits" })
      .optional()
      .describe("The electoral ward as at the directory's date."),
    districtCode: z
      .string()
      .regex(/^[EWSN]\d{8}$/, { error: "must be a GSS area code" })
      .optional()
      .describe("The local authority district as at the directory's date."),
    source: SourceKey.optional().describe(
      "The directory that states this record (its source key); absent for postcodes held before directories were recorded.",
    ),
  })
  .refine((p) => p.introduced === null || p.terminated === null || p.introduced <= p.terminated, {
    error: "terminated must not be before introduced",
    path: ["terminated"],
  })
  .meta({
    id: "PostcodeRecord",
    description:
      "A postcode as a postcode directory states it: LSOA, months introduced and terminated, point, ward and district, and the directory.",
  });
export type PostcodeRecord = z.infer<typeof PostcodeRecord>;

/** The first day of a month. */
export const monthStart = (month: YearMonth): IsoDate => `${month}-01`;

/** Whether a postcode existed on a date: `live`, `terminated`, or `not-introduced` yet. */
export type PostcodeStatus = "live" | "terminated" | "not-introduced";

/**
 * A postcode's status on a date. A postcode is live from the first day of the month it was
 * introduced (or, when the directory does not say, for as far back as it is asked) until
 * the first day of the month it was terminated; ONS gives the months, not the days.
 *
 * @example
 * ```ts
 * import { postcodeStatusOn } from "@care-atlas/domain";
 * const record = { introduced: "1980-01", terminated: "2024-01" };
 * postcodeStatusOn(record, "2023-12-31"); // "live"
 * postcodeStatusOn(record, "2024-01-01"); // "terminated"
 * postcodeStatusOn(record, "1979-12-31"); // "not-introduced"
 * ```
 */
export const postcodeStatusOn = (
  record: { readonly introduced: YearMonth | null; readonly terminated: YearMonth | null },
  date: IsoDate,
): PostcodeStatus => {
  if (record.introduced !== null && date < monthStart(record.introduced)) return "not-introduced";
  if (record.terminated !== null && date >= monthStart(record.terminated)) return "terminated";
  return "live";
};
