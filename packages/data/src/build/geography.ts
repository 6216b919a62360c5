/**
 * @module geography
 * Reference geography: the 10 districts of Greater Manchester and its 1,702 LSOAs (2021),
 * each with MSOA (and House of Commons Library name), district, centroid and Census 2021
 * usual residents. An LSOA's ward is not a field of the LSOA: wards have vintages, so the
 * LSOA lookups give them as dated assignments (see `reference.ts`).
 */
import type { Lsoa } from "@care-atlas/domain";
import type { Raw } from "./raw.js";
import { sourceKeys } from "./sourceCatalogue.js";

/** A district of Greater Manchester, as the local authority file gives it. */
export interface District {
  readonly code: string;
  readonly name: string;
  readonly combinedAuthorityCode: string;
  readonly combinedAuthorityName: string;
}

/** The Census day. */
export const censusDate = "2021-03-21";

/** The 10 districts, in code order. */
export const readDistricts = (raw: Raw): District[] =>
  raw
    .csv("localAuthorities")
    .map((row) => ({
      code: field(row, "lad_cd"),
      name: field(row, "lad_nm"),
      combinedAuthorityCode: field(row, "cauth_cd"),
      combinedAuthorityName: field(row, "cauth_nm"),
    }))
    .sort((a, b) => compare(a.code, b.code));

/** A required, non-empty field of a CSV record. */
export const field = (row: Readonly<Record<string, string>>, name: string): string => {
  const value = row[name];
  if (value === undefined) throw new Error(`no column "${name}"`);
  if (value === "") throw new Error(`empty "${name}" in ${JSON.stringify(row)}`);
  return value;
};

/** A finite number from a CSV field. */
const numberField = (row: Readonly<Record<string, string>>, name: string): number => {
  const value = Number(field(row, name));
  if (!Number.isFinite(value))
    throw new Error(`"${name}" is not a number in ${JSON.stringify(row)}`);
  return value;
};

/** A whole, non-negative number from a CSV field. */
export const countField = (row: Readonly<Record<string, string>>, name: string): number => {
  const value = numberField(row, name);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`"${name}" is not a count in ${JSON.stringify(row)}`);
  return value;
};

/** String order by code point (not locale), so output does not depend on the machine. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every LSOA of the lookup, with its Census 2021 usual residents, sorted by code. Throws if
 * the lookup, the best-fit ward file and the Census file do not cover the same LSOAs or
 * disagree on the district.
 */
export const buildLsoas = (raw: Raw): Lsoa[] => {
  const wards = new Map(raw.csv("lsoaWardBestFit").map((row) => [field(row, "lsoa21cd"), row]));
  const census = new Map(raw.csv("censusLsoa").map((row) => [field(row, "lsoa21cd"), row]));
  const lookup = raw.csv("lsoaLookup");
  if (wards.size !== lookup.length || census.size !== lookup.length) {
    throw new Error(
      `LSOA files disagree: ${lookup.length} in the lookup, ${wards.size} best-fit wards, ${census.size} Census rows`,
    );
  }
  return lookup
    .map((row): Lsoa => {
      const code = field(row, "lsoa21cd");
      const ward = wards.get(code);
      const people = census.get(code);
      if (ward === undefined || people === undefined)
        throw new Error(`LSOA ${code} lacks a ward or Census row`);
      if (field(ward, "lad22cd") !== field(row, "lad22cd")) {
        throw new Error(`LSOA ${code}: the best-fit ward file puts it in another district`);
      }
      return {
        code,
        name: field(row, "lsoa21nm"),
        msoa: {
          code: field(row, "msoa21cd"),
          name: field(row, "msoa21nm"),
          hclName: field(row, "msoa21_hcl_name"),
        },
        districtCode: field(row, "lad22cd"),
        centroid: { lat: numberField(row, "centroid_lat"), lon: numberField(row, "centroid_lon") },
        population: {
          value: countField(people, "usual_residents_total"),
          basis: "resident",
          date: censusDate,
          source: sourceKeys.censusLsoa,
        },
      };
    })
    .sort((a, b) => compare(a.code, b.code));
};

/** Census 2021 usual residents per district, summed over its LSOAs. */
export const districtPopulations = (lsoas: ReadonlyArray<Lsoa>): Map<string, number> => {
  const totals = new Map<string, number>();
  for (const lsoa of lsoas) {
    totals.set(
      lsoa.districtCode,
      (totals.get(lsoa.districtCode) ?? 0) + (lsoa.population?.value ?? 0),
    );
  }
  return totals;
};

/** The Census 2021 "All persons" count the district file publishes for each district. */
export const publishedDistrictPopulations = (raw: Raw): Map<string, number> =>
  new Map(
    raw
      .csv("censusLad")
      .filter((row) => row.indicator === "All persons")
      .map((row) => [field(row, "area_code"), countField(row, "value")]),
  );
