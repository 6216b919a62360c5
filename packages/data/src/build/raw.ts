/**
 * @module raw
 * The raw files the build reads — copies of exactly the files used from the shared open-data
 * collection, plus the seed documents — and a reader over them. Only {@link readRawDir}
 * touches the file system; everything else gets a {@link Raw}.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type CsvRecord, parseCsv } from "../internal/Csv.js";

/** Paths, relative to `raw/`, of the files the build reads. */
export const rawPaths = {
  sources: "SOURCES.md",
  localAuthorities: "geography/gm_local_authorities.csv",
  lsoaLookup: "geography/gm_lsoa21_lookup.csv",
  lsoaWardBestFit: "geography/gm_lsoa21_to_ward22_bestfit_lookup.csv",
  lsoa11Ccg16: "geography/gm_lsoa11_to_ccg16_lad16_lookup.csv",
  lsoa11Ccg20: "geography/gm_lsoa11_to_ccg20_lad20_lookup.csv",
  lsoa11Sicbl22: "geography/lsoa11_sicbl22_icb22_ltla22_england_2022-07.csv",
  lsoa21Sicbl24: "geography/lsoa21_sicbl24_icb24_england_2024-04.csv",
  lsoa21Ward24: "geography/lsoa21_ward24_ltla24_england_wales_2024.csv",
  censusLsoa: "population/gm_lsoa21_census2021_usual_residents_by_age.csv",
  censusLad: "population/gm_lad_census2021_population_by_sex.csv",
  icbNames: "nhs_organisations/icb_names_codes_dec2024.csv",
  trusts: "nhs_organisations/gm_nhs_trusts_ods_etr.csv",
  successors: "nhs_organisations/ods_successions_england_2022-09.csv",
  eccg: "nhs_organisations/gm_ccgs_sub_icb_locations_ods_eccg.csv",
  ccgCodes: "nhs_organisations/gm_ccg_and_sub_icb_codes.csv",
  practices: "gp_practices/gm_gp_practices_ods_epraccur_2025.csv",
  pcns: "gp_practices/gm_pcns_epcn_2023-01.csv",
  pcnCorePartners: "gp_practices/gm_pcn_core_partners_epcn_2023-01.csv",
  epcn2024: "gp_practices/epcn_2024-10.xlsx",
  listSizes: "gp_practices/gm_gp_registered_patients_2021-01.csv",
  traffordPostcodes: "postcodes/trafford_postcodes_2025-02.csv",
  traffordPostcodesMetadata: "postcodes/trafford_postcodes_metadata.csv",
  traffordLocalityWards: "neighbourhoods/trafford_localities_wards_2023.csv",
  traffordLocalityBoundaries: "neighbourhoods/trafford_localities_2023_generalised.geojson",
  ladBoundaries: "boundaries/gm_lad_dec2023_super_generalised.geojson",
  lsoaBoundaries: "boundaries/gm_lsoa21_super_generalised.geojson",
  ladBoundariesGeneralised: "boundaries/gm_lad_dec2023_generalised.geojson",
  lsoaBoundariesGeneralised: "boundaries/gm_lsoa21_generalised.geojson",
  seed000: "seeds/000_0e199be50bf3e4f5.txt",
  seed001: "seeds/001_8ee388fe2987bbd3.txt",
  seed002: "seeds/002_8135affe55cafaf9.txt",
  seed003: "seeds/003_d1209af42db0f559.txt",
  seed004: "seeds/004_ff28a5354f3bc873.txt",
} as const;

/** The name of a raw file. */
export type RawFile = keyof typeof rawPaths;

/** The raw files' text, with CSV parsing cached. */
export interface Raw {
  /** The text of a raw file. */
  text(file: RawFile): string;
  /** The bytes of a raw binary file (a workbook). */
  bytes(file: RawFile): Uint8Array;
  /** The records of a raw CSV file, keyed by its header. */
  csv(file: RawFile): ReadonlyArray<CsvRecord>;
}

/**
 * A {@link Raw} over texts keyed by path relative to `raw/`. Throws on a missing file.
 *
 * @example
 * ```ts
 * const raw = rawFromTexts(new Map([["SOURCES.md", "# Synthetic"]]));
 * raw.text("sources"); // "# Synthetic"
 * ```
 */
export const rawFromTexts = (texts: ReadonlyMap<string, string | Uint8Array>): Raw => {
  const parsed = new Map<RawFile, ReadonlyArray<CsvRecord>>();
  const text = (file: RawFile): string => {
    const content = texts.get(rawPaths[file]);
    if (content === undefined) throw new Error(`raw file ${rawPaths[file]} is missing`);
    if (typeof content !== "string") throw new Error(`raw file ${rawPaths[file]} is binary`);
    return content;
  };
  return {
    text,
    bytes(file) {
      const content = texts.get(rawPaths[file]);
      if (content === undefined) throw new Error(`raw file ${rawPaths[file]} is missing`);
      return typeof content === "string" ? new TextEncoder().encode(content) : content;
    },
    csv(file) {
      let records = parsed.get(file);
      if (records === undefined) {
        records = parseCsv(text(file));
        parsed.set(file, records);
      }
      return records;
    },
  };
};

const listFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });

/**
 * Reads every file under a `raw/` directory (paths use `/`), so a build can also check that
 * nothing unused was copied in.
 */
export const readRawDir = (dir: string): Map<string, string | Uint8Array> => {
  const texts = new Map<string, string | Uint8Array>();
  for (const path of listFiles(dir).sort()) {
    const key = relative(dir, path).split(sep).join("/");
    texts.set(
      key,
      path.endsWith(".xlsx") ? new Uint8Array(readFileSync(path)) : readFileSync(path, "utf8"),
    );
  }
  return texts;
};

/** Throws unless `texts` holds exactly the raw files the build uses. */
export const checkRawFiles = (texts: ReadonlyMap<string, string | Uint8Array>): void => {
  const wanted = new Set<string>(Object.values(rawPaths));
  const extra = [...texts.keys()].filter((path) => !wanted.has(path));
  const missing = [...wanted].filter((path) => !texts.has(path));
  if (extra.length > 0 || missing.length > 0) {
    throw new Error(
      `raw/ must hold exactly the files the build uses; missing: ${missing.join(", ") || "none"}; unused: ${extra.join(", ") || "none"}`,
    );
  }
};
