/**
 * @module Dataset
 * The Greater Manchester reference dataset as files beside this module — the snapshot, the
 * boundaries, the attribution and the data-quality report — and the loader that reads and
 * validates the snapshot.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Snapshot } from "@care-atlas/domain";

const generated = (path: string): string =>
  fileURLToPath(new URL(`../generated/${path}`, import.meta.url));

/**
 * Absolute paths of the generated files shipped with the package.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { generatedPaths } from "@care-atlas/data";
 * const report = readFileSync(generatedPaths.dataQuality, "utf8");
 * ```
 */
export const generatedPaths = {
  snapshot: generated("snapshot.json"),
  postcodes: generated("postcodes.csv"),
  lsoaAssignments: generated("lsoa-assignments.csv"),
  dataQuality: generated("DATA-QUALITY.md"),
  attribution: generated("ATTRIBUTION.md"),
} as const;

/**
 * Absolute paths of the GeoJSON boundaries (WGS84), for maps: the 10 districts (LAD December
 * 2023) and the 1,702 LSOAs (December 2021), each super generalised (`districts`, `lsoas`:
 * ONS BSC, 200 m) and generalised (`districtsGeneralised`, `lsoasGeneralised`: ONS BGC, 20 m),
 * and Trafford's 4 localities. Coordinates are rounded to 5 decimal places. Maps must show
 * the OS line of {@link loadAttribution}.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { boundaryPaths } from "@care-atlas/data";
 * const districts = JSON.parse(readFileSync(boundaryPaths.districts, "utf8"));
 * districts.features.length; // 10
 * ```
 */
export const boundaryPaths = {
  districts: generated("boundaries/gm_lad_dec2023_super_generalised.geojson"),
  lsoas: generated("boundaries/gm_lsoa21_super_generalised.geojson"),
  districtsGeneralised: generated("boundaries/gm_lad_dec2023_generalised.geojson"),
  lsoasGeneralised: generated("boundaries/gm_lsoa21_generalised.geojson"),
  traffordLocalities: generated("boundaries/trafford_localities_2023_generalised.geojson"),
} as const;

/**
 * Reads the Greater Manchester snapshot and validates it with the domain's `Snapshot` schema
 * (the data is checked at this boundary, not trusted). Each call reads the file afresh and
 * returns a new object, which the caller may change.
 *
 * @example
 * ```ts
 * import { loadSnapshot } from "@care-atlas/data";
 * import { checkSnapshot, validAt } from "@care-atlas/domain";
 *
 * const snapshot = loadSnapshot();
 * validAt(snapshot.places, "2016-06-01").length; // 10
 * checkSnapshot(snapshot).filter((f) => f.severity === "error"); // []
 * ```
 */
export const loadSnapshot = (): Snapshot =>
  Snapshot.parse(JSON.parse(readFileSync(generatedPaths.snapshot, "utf8")));

/**
 * The attribution every user of the data must give (OGL v3.0 lines for ONS, NHS England and
 * OS data), with every source listed, as Markdown.
 *
 * @example
 * ```ts
 * import { loadAttribution } from "@care-atlas/data";
 * loadAttribution().includes("Open Government Licence v3.0"); // true
 * ```
 */
export const loadAttribution = (): string => readFileSync(generatedPaths.attribution, "utf8");
