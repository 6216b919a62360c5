/**
 * @module serialise
 * Stable bytes: the snapshot as JSON with keys in a fixed order and one record per line (so
 * a rebuild from the same raw files is byte-for-byte identical and diffs show the records
 * that changed), and the postcode sample as sorted CSV.
 */
import { type PostcodeLocation, Snapshot } from "@care-atlas/domain";

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

/**
 * The postcode sample as CSV, `postcode,lsoa21,ward,lat,lon`, sorted by postcode.
 *
 * @example
 * ```ts
 * postcodeCsv([{ postcode: "ZZ9 9ZZ", lsoaCode: "E01999001" }]); // "postcode,lsoa21,ward,lat,lon\nZZ9 9ZZ,E01999001,,,\n"
 * ```
 */
export const postcodeCsv = (locations: ReadonlyArray<PostcodeLocation>): string => {
  const rows = [...locations]
    .sort((a, b) => (a.postcode < b.postcode ? -1 : a.postcode > b.postcode ? 1 : 0))
    .map((l) =>
      [l.postcode, l.lsoaCode, l.wardCode ?? "", l.point?.lat ?? "", l.point?.lon ?? ""].join(","),
    );
  return `postcode,lsoa21,ward,lat,lon\n${rows.join("\n")}\n`;
};
