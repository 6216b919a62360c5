/**
 * @module LsoaAssignments
 * Where ONS's LSOA lookups put each LSOA of the dataset over time — its best-fit ward and
 * its commissioner (a CCG until July 2022, a sub-ICB location and its ICB after), each for
 * a period and citing the lookup that says so — shipped as `generated/lsoa-assignments.csv`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LsoaAssignment } from "@care-atlas/domain";
import { parseCsv } from "./internal/Csv.js";

/** The columns of `lsoa-assignments.csv`, in order. */
export const lsoaAssignmentColumns = [
  "lsoa",
  "lsoa_name",
  "kind",
  "from",
  "to",
  "vintage",
  "vintage_from",
  "area_kind",
  "area",
  "area_gss",
  "area_name",
  "icb",
  "icb_gss",
  "icb_name",
  "district",
  "source",
] as const;

/**
 * Where the assignments are (`generated/lsoa-assignments.csv`).
 *
 * @example
 * ```ts
 * import { lsoaAssignmentsPath } from "@care-atlas/data";
 * lsoaAssignmentsPath.endsWith("lsoa-assignments.csv"); // true
 * ```
 */
export const lsoaAssignmentsPath: string = fileURLToPath(
  new URL("../generated/lsoa-assignments.csv", import.meta.url),
);

/**
 * The dataset's LSOA assignments: for each LSOA (Greater Manchester's, and the High Peak
 * LSOAs that were in Tameside and Glossop CCG), its commissioner and ward, each a dated
 * history built by taking in ONS's lookups of April 2016, April 2020, July 2022 and April
 * 2024 (commissioners) and May 2022 and 2024 (wards) in turn. Validated with the domain's
 * `LsoaAssignment` schema.
 *
 * @example
 * ```ts
 * import { loadLsoaAssignments } from "@care-atlas/data";
 * import { contains } from "@care-atlas/domain";
 * const onDate = loadLsoaAssignments().filter(
 *   (a) => a.lsoaCode === "E01006187" && a.kind === "commissioner" && contains(a.valid, "2018-01-01"),
 * );
 * onDate[0]?.area.code; // "02A"
 * ```
 */
export const loadLsoaAssignments = (): LsoaAssignment[] =>
  parseCsv(readFileSync(lsoaAssignmentsPath, "utf8")).map((row) => {
    const text = (name: (typeof lsoaAssignmentColumns)[number]) => row[name] ?? "";
    const optional = (key: string, name: (typeof lsoaAssignmentColumns)[number]) =>
      text(name) === "" ? {} : { [key]: text(name) };
    return LsoaAssignment.parse({
      lsoaCode: text("lsoa"),
      ...optional("lsoaName", "lsoa_name"),
      kind: text("kind"),
      valid: { from: text("from"), to: text("to") === "" ? null : text("to") },
      vintage: { year: Number(text("vintage")), from: text("vintage_from") },
      areaKind: text("area_kind"),
      area: {
        code: text("area"),
        ...optional("gssCode", "area_gss"),
        ...optional("name", "area_name"),
      },
      ...(text("icb") === ""
        ? {}
        : {
            icb: {
              code: text("icb"),
              ...optional("gssCode", "icb_gss"),
              ...optional("name", "icb_name"),
            },
          }),
      ...optional("districtCode", "district"),
      source: text("source"),
    });
  });
