/**
 * @module PostcodeCsv
 * Postcode → LSOA lookups from CSV: the package's own Trafford sample (`postcodes.csv`), the
 * ONS Postcode Directory (ONSPD) and the National Statistics Postcode Lookup (NSPL), told
 * apart by their header, so a user can load all of Greater Manchester or England.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalisePostcode, type PostcodeLocation, PostcodeRecord } from "@care-atlas/domain";
import { CsvReader, parseCsv } from "./internal/Csv.js";

/**
 * The header names each column may have (matched without regard to case):
 * - postcode: `postcode` (this package, Trafford Data Lab), `pcds`, `pcd`, `pcd2` (ONSPD, NSPL);
 * - LSOA 2021: `lsoa21` (this package, ONSPD, NSPL), `lsoa21cd`, `lsoa_code`;
 * - ward: `ward` (this package, NSPL), `osward` (ONSPD), `ward_code`;
 * - latitude `lat`; longitude `lon` or `long` (ONSPD, NSPL);
 * - date of termination `doterm` (ONSPD, NSPL): a terminated postcode is skipped unless
 *   `includeTerminated` is set.
 *
 * @example
 * ```ts
 * import { postcodeColumns } from "@care-atlas/data";
 * postcodeColumns.lsoa; // ["lsoa21", "lsoa21cd", "lsoa_code"]
 * ```
 */
export const postcodeColumns = {
  postcode: ["postcode", "pcds", "pcd", "pcd2"],
  lsoa: ["lsoa21", "lsoa21cd", "lsoa_code"],
  ward: ["ward", "osward", "ward_code"],
  lat: ["lat"],
  lon: ["lon", "long"],
  terminated: ["doterm"],
} as const;

/** Options of {@link parsePostcodeCsv}. */
export interface PostcodeCsvOptions {
  /** Keep postcodes that have a date of termination (`doterm`). Default false. */
  readonly includeTerminated?: boolean;
  /** Called for each row that is skipped, with its line number and why. */
  readonly onSkip?: (line: number, reason: string) => void;
}

type Column = keyof typeof postcodeColumns;
type Layout = Partial<Record<Column, number>>;

const lsoaCode = /^E01\d{6}$/;
const wardCode = /^E05\d{6}$/;

/** Finds each column in a header; throws unless it has a postcode and an LSOA column. */
const layoutOf = (header: ReadonlyArray<string>): Layout => {
  const names = header.map((name) => name.trim().toLowerCase());
  const layout: Layout = {};
  for (const column of Object.keys(postcodeColumns) as Column[]) {
    for (const alias of postcodeColumns[column]) {
      const at = names.indexOf(alias);
      if (at >= 0) {
        layout[column] = at;
        break;
      }
    }
  }
  if (layout.postcode === undefined || layout.lsoa === undefined) {
    throw new Error(
      `not a postcode CSV: the header needs a postcode column (${postcodeColumns.postcode.join(", ")}) and an LSOA 2021 column (${postcodeColumns.lsoa.join(", ")})`,
    );
  }
  return layout;
};

/** Turns rows into locations, keeping the header's layout between calls. */
class PostcodeRows {
  #layout: Layout | undefined;
  #width = 0;
  #line = 0;
  readonly #options: PostcodeCsvOptions;

  constructor(options: PostcodeCsvOptions) {
    this.#options = options;
  }

  *read(rows: ReadonlyArray<ReadonlyArray<string>>): Generator<PostcodeLocation> {
    for (const row of rows) {
      this.#line++;
      if (row.length === 1 && row[0] === "") continue;
      if (this.#layout === undefined) {
        this.#layout = layoutOf(row);
        this.#width = row.length;
        continue;
      }
      const location = this.#location(row);
      if (location !== undefined) yield location;
    }
  }

  #skip(reason: string): undefined {
    this.#options.onSkip?.(this.#line, reason);
    return undefined;
  }

  #location(row: ReadonlyArray<string>): PostcodeLocation | undefined {
    const layout = this.#layout as Layout;
    if (row.length !== this.#width)
      return this.#skip(`${row.length} fields, the header has ${this.#width}`);
    const at = (column: Column): string | undefined => {
      const index = layout[column];
      return index === undefined ? undefined : row[index]?.trim();
    };
    const text = at("postcode") ?? "";
    const postcode = normalisePostcode(text);
    if (postcode === null) return this.#skip(`"${text}" is not a postcode`);
    if (!this.#options.includeTerminated && (at("terminated") ?? "") !== "") {
      return this.#skip(`${postcode} is terminated`);
    }
    const lsoa = at("lsoa") ?? "";
    if (!lsoaCode.test(lsoa))
      return this.#skip(`${postcode} has no English LSOA 2021 code ("${lsoa}")`);
    const location: { -readonly [K in keyof PostcodeLocation]: PostcodeLocation[K] } = {
      postcode,
      lsoaCode: lsoa,
    };
    const ward = at("ward");
    if (ward !== undefined && wardCode.test(ward)) location.wardCode = ward;
    const lat = Number(at("lat") ?? Number.NaN);
    const lon = Number(at("lon") ?? Number.NaN);
    // ONSPD marks postcodes without a grid reference with lat 99.999999, long 0.
    if (at("lat") && at("lon") && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)
      location.point = { lat, lon };
    return location;
  }
}

/**
 * Reads a postcode CSV — this package's `postcodes.csv`, the ONS Postcode Directory (ONSPD)
 * or the National Statistics Postcode Lookup (NSPL) — into postcode locations. The layout is
 * found from the header (see {@link postcodeColumns}). Rows are skipped (and reported to
 * `onSkip`) when the postcode is malformed, the postcode is terminated, or the LSOA is not an
 * English LSOA 2021 code (`E01…`; Welsh, Scottish and Northern Irish areas have other codes).
 * Given text it returns an array; given a stream (any async iterable of strings or bytes,
 * such as `fs.createReadStream(path)`) it yields locations as it reads.
 *
 * @example
 * ```ts
 * import { createReadStream } from "node:fs";
 * import { parsePostcodeCsv } from "@care-atlas/data";
 *
 * parsePostcodeCsv("postcode,lsoa21,ward,lat,lon\nZZ9 9ZZ,E01999001,E05999001,53.4,-2.3\n");
 * // [{ postcode: "ZZ9 9ZZ", lsoaCode: "E01999001", wardCode: "E05999001", point: { lat: 53.4, lon: -2.3 } }]
 *
 * for await (const location of parsePostcodeCsv(createReadStream("ONSPD_FEB_2025_UK.csv"))) {
 *   // …
 * }
 * ```
 */
export function parsePostcodeCsv(text: string, options?: PostcodeCsvOptions): PostcodeLocation[];
export function parsePostcodeCsv(
  source: AsyncIterable<string | Uint8Array>,
  options?: PostcodeCsvOptions,
): AsyncGenerator<PostcodeLocation>;
export function parsePostcodeCsv(
  input: string | AsyncIterable<string | Uint8Array>,
  options: PostcodeCsvOptions = {},
): PostcodeLocation[] | AsyncGenerator<PostcodeLocation> {
  if (typeof input === "string") {
    const reader = new CsvReader();
    const rows = new PostcodeRows(options);
    return [...rows.read(reader.push(input)), ...rows.read(reader.end())];
  }
  return streamPostcodes(input, options);
}

async function* streamPostcodes(
  source: AsyncIterable<string | Uint8Array>,
  options: PostcodeCsvOptions,
): AsyncGenerator<PostcodeLocation> {
  const reader = new CsvReader();
  const rows = new PostcodeRows(options);
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    yield* rows.read(reader.push(text));
  }
  yield* rows.read(reader.push(decoder.decode()));
  yield* rows.read(reader.end());
}

/**
 * Where the package's postcode sample is (`generated/postcodes.csv`).
 *
 * @example
 * ```ts
 * import { createReadStream } from "node:fs";
 * import { parsePostcodeCsv, postcodesPath } from "@care-atlas/data";
 * for await (const location of parsePostcodeCsv(createReadStream(postcodesPath))) console.log(location.postcode);
 * ```
 */
export const postcodesPath: string = fileURLToPath(
  new URL("../generated/postcodes.csv", import.meta.url),
);

/** The columns of the package's `postcodes.csv`, in order. */
export const postcodeRecordColumns = [
  "postcode",
  "lsoa21",
  "introduced",
  "terminated",
  "ward",
  "district",
  "lat",
  "lon",
  "source",
] as const;

/**
 * The package's postcode sample: every Trafford postcode in the ONS Postcode Directory of
 * February 2025, with its LSOA 2021, ward, district and point, and the directory as its
 * source (the extract gives no months of introduction or termination: both are `null`).
 * Validated with the domain's `PostcodeRecord` schema. For all of GM or England, load the
 * ONSPD or NSPL (e.g. with {@link parsePostcodeCsv}).
 *
 * @example
 * ```ts
 * import { loadPostcodes } from "@care-atlas/data";
 * const byPostcode = new Map(loadPostcodes().map((p) => [p.postcode, p]));
 * byPostcode.get("M32 0JG")?.lsoaCode; // "E01006187"
 * ```
 */
export const loadPostcodes = (): PostcodeRecord[] =>
  parseCsv(readFileSync(postcodesPath, "utf8")).map((row) => {
    const text = (name: (typeof postcodeRecordColumns)[number]) => row[name] ?? "";
    const orNull = (value: string) => (value === "" ? null : value);
    return PostcodeRecord.parse({
      postcode: text("postcode"),
      lsoaCode: text("lsoa21"),
      introduced: orNull(text("introduced")),
      terminated: orNull(text("terminated")),
      ...(text("ward") === "" ? {} : { wardCode: text("ward") }),
      ...(text("district") === "" ? {} : { districtCode: text("district") }),
      ...(text("lat") === ""
        ? {}
        : { point: { lat: Number(text("lat")), lon: Number(text("lon")) } }),
      ...(text("source") === "" ? {} : { source: text("source") }),
    });
  });
