/**
 * @module LsoaAssignment
 * Where ONS's LSOA lookups put an LSOA: its best-fit electoral ward, or its commissioner (a
 * CCG until 2022, a sub-ICB location and its ICB from July 2022), for a period. Each lookup
 * is a vintage — its year (the `nn` of `WDnnCD`, `CCGnnCDH`, `SICBLnnCDH`) and the date its
 * data describes — and says where each LSOA it lists is on that date: an assignment starts
 * on the date of the vintage that first said so, and ends when a later vintage puts the
 * LSOA elsewhere. So an LSOA's assignments of one kind form a history without overlaps, and
 * on any date there is at most one.
 *
 * Areas are named by their codes, with the names the lookup gives: a lookup may name
 * commissioners the register has no record of (e.g. one outside the system), and they are
 * kept as the lookup gives them.
 */
import { z } from "zod";
import { Name } from "./internal/record.js";
import { LsoaCode } from "./Neighbourhood.js";
import { IsoDate, Period } from "./Period.js";
import { SourceKey } from "./Provenance.js";

/** What an assignment places an LSOA in: its ward, or its commissioner. */
export const LsoaAssignmentKind = z.enum(["ward", "commissioner"]).meta({
  id: "LsoaAssignmentKind",
  description: "ward: best-fit electoral ward; commissioner: CCG or sub-ICB location.",
});
export type LsoaAssignmentKind = z.infer<typeof LsoaAssignmentKind>;

/**
 * One vintage of a lookup: its year and the date its data describes (from which it is in
 * force).
 *
 * @example
 * ```ts
 * import { Vintage } from "@care-atlas/domain";
 * Vintage.parse({ year: 2022, from: "2022-07-01" });
 * ```
 */
export const Vintage = z
  .object({
    year: z.number().int().min(1990).max(2100).describe("The lookup's year, e.g. 2024."),
    from: IsoDate.describe("The date the lookup's data describes: it is in force from then."),
  })
  .meta({ id: "Vintage", description: "A vintage of a lookup: its year and date." });
export type Vintage = z.infer<typeof Vintage>;

/** An area as a lookup names it. */
export const LookupArea = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z0-9]{3,9}$/, { error: "must be an ODS or GSS code" })
      .describe("The ward's GSS code (E05…), or the commissioner's ODS code (e.g. 02A, QOP)."),
    gssCode: z
      .string()
      .regex(/^[EWSN]\d{8}$/, { error: "must be a GSS code" })
      .optional()
      .describe("A commissioner's ONS code (E38…, E54…), when the lookup gives it."),
    name: Name.optional().describe("The name the lookup gives."),
  })
  .meta({ id: "LookupArea", description: "An area as an ONS lookup names it." });
export type LookupArea = z.infer<typeof LookupArea>;

/**
 * Where the LSOA lookups put one LSOA for a period, and the vintage that said so.
 *
 * @example
 * ```ts
 * import { LsoaAssignment } from "@care-atlas/domain";
 * LsoaAssignment.parse({
 *   lsoaCode: "E01999001",
 *   kind: "commissioner",
 *   valid: { from: "2022-07-01", to: null },
 *   vintage: { year: 2022, from: "2022-07-01" },
 *   areaKind: "sub-icb-location",
 *   area: { code: "99Z", gssCode: "E38999001", name: "Synthetic ICB - 99Z" },
 *   icb: { code: "QZZ", gssCode: "E54999001", name: "Synthetic ICB" },
 *   source: "synthetic",
 * });
 * ```
 */
export const LsoaAssignment = z
  .object({
    lsoaCode: LsoaCode,
    lsoaName: Name.optional().describe("The LSOA's name as the lookup gives it."),
    kind: LsoaAssignmentKind,
    valid: Period.describe(
      "When the LSOA was in the area: from the vintage that first said so until a later one put it elsewhere.",
    ),
    vintage: Vintage.describe("The lookup that says so: its year and date."),
    areaKind: z
      .enum(["ward", "ccg", "sub-icb-location"])
      .describe("What the area is: a ward, a CCG (lookups before 2022), a sub-ICB location."),
    area: LookupArea,
    icb: LookupArea.optional().describe("A sub-ICB location's ICB, as the lookup names it."),
    districtCode: z
      .string()
      .regex(/^[EWSN]\d{8}$/, { error: "must be a GSS area code" })
      .optional()
      .describe("The local authority district the lookup gives for the LSOA."),
    source: SourceKey.describe("The lookup (its source key)."),
  })
  .refine((a) => (a.kind === "ward") === (a.areaKind === "ward"), {
    error: "a ward assignment names a ward; a commissioner assignment a CCG or sub-ICB location",
    path: ["areaKind"],
  })
  .refine((a) => a.vintage.from <= a.valid.from, {
    error: "an assignment cannot start before the vintage that states it",
    path: ["valid", "from"],
  })
  .meta({
    id: "LsoaAssignment",
    description:
      "Where the ONS LSOA lookups put one LSOA for a period (its ward or commissioner), and the vintage that says so.",
  });
export type LsoaAssignment = z.infer<typeof LsoaAssignment>;

/** The key of an assignment: its LSOA, kind and start (one history per LSOA and kind). */
export const assignmentKey = (a: {
  readonly lsoaCode: string;
  readonly kind: LsoaAssignmentKind;
  readonly valid: { readonly from: IsoDate };
}): string => `${a.lsoaCode}|${a.kind}|${a.valid.from}`;

/**
 * The vintage in force on `date`: the one with the latest `from` on or before it, or
 * `undefined` when the date is before them all.
 *
 * @example
 * ```ts
 * import { vintageOn } from "@care-atlas/domain";
 * const vintages = [{ year: 2016, from: "2016-04-01" }, { year: 2022, from: "2022-07-01" }];
 * vintageOn(vintages, "2020-01-01")?.year; // 2016
 * vintageOn(vintages, "2015-01-01"); // undefined
 * ```
 */
export const vintageOn = <V extends Vintage>(
  vintages: ReadonlyArray<V>,
  date: IsoDate,
): V | undefined => {
  let found: V | undefined;
  for (const vintage of vintages) {
    if (vintage.from <= date && (found === undefined || vintage.from > found.from)) found = vintage;
  }
  return found;
};

/**
 * The period a vintage is in force: from its date to the next later vintage's (or open).
 *
 * @example
 * ```ts
 * import { vintagePeriod } from "@care-atlas/domain";
 * const vintages = [{ year: 2016, from: "2016-04-01" }, { year: 2020, from: "2020-04-01" }];
 * vintagePeriod(vintages, vintages[0]); // { from: "2016-04-01", to: "2020-04-01" }
 * ```
 */
export const vintagePeriod = (vintages: ReadonlyArray<Vintage>, vintage: Vintage): Period => {
  let to: IsoDate | null = null;
  for (const other of vintages) {
    if (other.from > vintage.from && (to === null || other.from < to)) to = other.from;
  }
  return { from: vintage.from, to };
};
