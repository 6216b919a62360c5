/**
 * @module ids
 * The natural key of every record the build makes, turned into a stable id with the
 * domain's `stableId`, so that building twice gives the same ids. Organisations are keyed by
 * their ODS code (`ods:R0A`) or, for councils and the combined authority, their GSS code.
 */
import { stableId } from "@care-atlas/domain";

/** The organisation with an ODS code, e.g. `odsOrganisation("R0A")`. */
export const odsOrganisation = (code: string): string => stableId("organisation", `ods:${code}`);

/** The organisation with a GSS code (a council or the combined authority). */
export const gssOrganisation = (code: string): string => stableId("organisation", `gss:${code}`);

/** The place of a district, by its GSS code. */
export const placeOf = (districtCode: string): string => stableId("place", `gss:${districtCode}`);

/** Greater Manchester's system. */
export const gmSystem = (): string => stableId("system", "greater-manchester");

/** Any other record: kind and natural key. */
export { stableId };
