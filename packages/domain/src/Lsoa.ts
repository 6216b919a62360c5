/**
 * @module Lsoa
 * Reference geography: Lower Layer Super Output Areas (2021) with their MSOA, ward, district,
 * centroid and Census population, and postcodes located in them. LSOAs are keyed by their
 * ONS code rather than a Care Atlas id.
 */
import { z } from "zod";
import { Name } from "./internal/record.js";
import { LsoaCode } from "./Neighbourhood.js";
import { PopulationFigure } from "./Population.js";

const gss = (prefix: string, what: string) =>
  z.string().regex(new RegExp(`^${prefix}\\d{6}$`), {
    error: `must be ${what} code, ${prefix} + 6 digits`,
  });

/** A latitude/longitude point (WGS84). */
export const LatLon = z
  .object({
    lat: z.number().min(-90).max(90).describe("Latitude, degrees north (WGS84)."),
    lon: z.number().min(-180).max(180).describe("Longitude, degrees east (WGS84)."),
  })
  .meta({ id: "LatLon", description: "A WGS84 point." });
export type LatLon = z.infer<typeof LatLon>;

/**
 * An LSOA (2021) with the areas it nests in.
 *
 * @example
 * ```ts
 * import { Lsoa } from "@care-atlas/domain";
 * Lsoa.parse({
 *   code: "E01999001",
 *   name: "Synthetic 001A",
 *   msoa: { code: "E02999001", name: "Synthetic 001", hclName: "Synthetic Village" },
 *   ward: { code: "E05999001", name: "Synthetic Ward" },
 *   districtCode: "E08999001",
 *   centroid: { lat: 53.4, lon: -2.3 },
 *   population: { value: 1500, basis: "resident", date: "2021-03-21", source: "synthetic" },
 * });
 * ```
 */
export const Lsoa = z
  .object({
    code: LsoaCode,
    name: Name.describe("The LSOA's ONS name, e.g. 'Trafford 001A'."),
    msoa: z
      .object({
        code: gss("E02", "an MSOA").describe("The MSOA's GSS code (E02…)."),
        name: Name.describe("The MSOA's ONS name."),
        hclName: Name.optional().describe(
          "The MSOA's House of Commons Library name, when it has one.",
        ),
      })
      .optional()
      .describe(
        "The MSOA (2021) the LSOA is in; absent when the source of the LSOA does not give it (the national LSOA lookups do not).",
      ),
    ward: z
      .object({
        code: gss("E05", "a ward").describe("The ward's GSS code (E05…)."),
        name: Name.describe("The ward's name."),
      })
      .optional()
      .describe("The electoral ward the LSOA is in."),
    districtCode: z
      .string()
      .regex(/^E0[6789]\d{6}$/, { error: "must be a local authority district code" })
      .describe(
        "The GSS code of the local authority district the LSOA is in (E06/E07/E08/E09): it names the place.",
      ),
    centroid: LatLon.optional(),
    population: PopulationFigure.optional(),
  })
  .meta({
    id: "Lsoa",
    description: "A Lower Layer Super Output Area (2021) with its MSOA, ward and district.",
  });
export type Lsoa = z.infer<typeof Lsoa>;

const postcodePattern = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

/**
 * A postcode already in canonical form — upper case, one space before the inward code — as
 * ODS and ONS publish them. Use {@link Postcode} to accept and normalise user input.
 *
 * @example
 * ```ts
 * import { CanonicalPostcode } from "@care-atlas/domain";
 * CanonicalPostcode.parse("ZZ9 9ZZ");
 * CanonicalPostcode.safeParse("zz99zz").success; // false
 * ```
 */
export const CanonicalPostcode = z
  .string()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/, {
    error: "must be a canonical postcode such as M32 0JG",
  })
  .meta({ id: "CanonicalPostcode", description: "A UK postcode in canonical form, e.g. M32 0JG." });
export type CanonicalPostcode = z.infer<typeof CanonicalPostcode>;

/**
 * A UK postcode in its canonical form (upper case, one space before the inward code), or
 * `null` when the text is not shaped like a postcode.
 *
 * @example
 * ```ts
 * import { normalisePostcode } from "@care-atlas/domain";
 * normalisePostcode(" m32 0jg "); // "M32 0JG"
 * normalisePostcode("M32"); // null
 * ```
 */
export const normalisePostcode = (text: string): string | null => {
  const match = postcodePattern.exec(text.toUpperCase().replace(/\s+/g, ""));
  return match ? `${match[1]} ${match[2]}` : null;
};

/** A postcode in canonical form. */
export const Postcode = z
  .string()
  .transform((text, ctx) => {
    const postcode = normalisePostcode(text);
    if (postcode === null) {
      ctx.addIssue({ code: "custom", message: `"${text}" is not a UK postcode` });
      return z.NEVER;
    }
    return postcode;
  })
  .meta({ id: "Postcode", description: "A UK postcode, e.g. M32 0JG.", examples: ["M32 0JG"] });

/**
 * Where a postcode is: its LSOA, and, where known, its ward and point.
 *
 * @example
 * ```ts
 * import { PostcodeLocation } from "@care-atlas/domain";
 * PostcodeLocation.parse({ postcode: "ZZ9 9ZZ", lsoaCode: "E01999001" });
 * ```
 */
export const PostcodeLocation = z
  .object({
    postcode: CanonicalPostcode,
    lsoaCode: LsoaCode,
    wardCode: gss("E05", "a ward")
      .optional()
      .describe("The GSS code of the electoral ward (E05…), when the postcode directory gives it."),
    point: LatLon.optional(),
  })
  .meta({ id: "PostcodeLocation", description: "A postcode and the LSOA it lies in." });
export type PostcodeLocation = z.infer<typeof PostcodeLocation>;
