/**
 * @module serialise
 * Stable bytes: the snapshot as JSON with keys in a fixed order and one record per line (so
 * a rebuild from the same raw files is byte-for-byte identical and diffs show the records
 * that changed), and the postcode sample as sorted CSV.
 */
import { type LsoaAssignment, type PostcodeRecord, Snapshot } from "@care-atlas/domain";
import { lsoaAssignmentColumns } from "../LsoaAssignments.js";
import { postcodeRecordColumns } from "../PostcodeCsv.js";

/** Keys that lead, in this order; all others follow in code-point order. */
const leading = ["id", "key", "code", "kind", "name", "title", "system", "value"];

const keyOrder = (a: string, b: string): number => {
  const i = leading.indexOf(a);
  const j = leading.indexOf(b);
  if (i >= 0 || j >= 0) return (i < 0 ? leading.length : i) - (j < 0 ? leading.length : j);
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * JSON with object keys in canonical order (leading keys, then code-point order) and
 * `undefined` members dropped.
 *
 * @example
 * ```ts
 * canonicalJson({ name: "x", id: "a", codes: [] }); // '{"id":"a","name":"x","codes":[]}'
 * ```
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => keyOrder(a, b));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(",")}}`;
};

/** The snapshot's collections, in the order of the domain's `Snapshot` schema. */
export const collectionOrder = Object.keys(Snapshot.shape) as ReadonlyArray<keyof Snapshot>;

/**
 * The snapshot file: one collection per key, one record per line, keys canonical.
 *
 * @example
 * ```ts
 * serialiseSnapshot(emptySnapshot()).startsWith('{\n"systems":[],'); // true
 * ```
 */
export const serialiseSnapshot = (snapshot: Snapshot): string => {
  const keys = Object.keys(snapshot);
  if (
    keys.length !== collectionOrder.length ||
    keys.some((key) => !collectionOrder.includes(key as keyof Snapshot))
  ) {
    throw new Error(`unexpected snapshot collections: ${keys.join(", ")}`);
  }
  const parts = collectionOrder.map((key) => {
    const records = snapshot[key] as ReadonlyArray<unknown>;
    const body = records.length === 0 ? "[]" : `[\n${records.map(canonicalJson).join(",\n")}\n]`;
    return `${JSON.stringify(key)}:${body}`;
  });
  return `{\n${parts.join(",\n")}\n}\n`;
};

const csvField = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const csvOf = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>) =>
  `${header.join(",")}\n${rows.map((row) => row.map((v) => csvField(v as string)).join(",")).join("\n")}\n`;

/**
 * The postcodes as CSV (the columns of `postcodeRecordColumns`), sorted by postcode.
 *
 * @example
 * ```ts
 * postcodeCsv([{ postcode: "ZZ9 9ZZ", lsoaCode: "E01999001", introduced: null, terminated: null }]);
 * // "postcode,lsoa21,introduced,terminated,ward,district,lat,lon,source\nZZ9 9ZZ,E01999001,,,,,,,\n"
 * ```
 */
export const postcodeCsv = (records: ReadonlyArray<PostcodeRecord>): string =>
  csvOf(
    postcodeRecordColumns,
    [...records]
      .sort((a, b) => (a.postcode < b.postcode ? -1 : a.postcode > b.postcode ? 1 : 0))
      .map((r) => [
        r.postcode,
        r.lsoaCode,
        r.introduced,
        r.terminated,
        r.wardCode,
        r.districtCode,
        r.point?.lat,
        r.point?.lon,
        r.source,
      ]),
  );

/**
 * The LSOA assignments as CSV (the columns of `lsoaAssignmentColumns`), in the order given.
 *
 * @example
 * ```ts
 * lsoaAssignmentCsv([]).startsWith("lsoa,lsoa_name,kind,from,to,"); // true
 * ```
 */
export const lsoaAssignmentCsv = (assignments: ReadonlyArray<LsoaAssignment>): string =>
  csvOf(
    lsoaAssignmentColumns,
    assignments.map((a) => [
      a.lsoaCode,
      a.lsoaName,
      a.kind,
      a.valid.from,
      a.valid.to,
      a.vintage.year,
      a.vintage.from,
      a.areaKind,
      a.area.code,
      a.area.gssCode,
      a.area.name,
      a.icb?.code,
      a.icb?.gssCode,
      a.icb?.name,
      a.districtCode,
      a.source,
    ]),
  );
