/**
 * @module PostcodeColumns
 * Postcodes held as columns: one string per postcode, and for each the LSOA, ward and
 * district as indexes into their code tables, the months introduced and terminated as
 * integers and the point as two doubles. A directory of millions of postcodes is read into
 * these once, without an object per row, and planned and written from them.
 */
import { normalisePostcode, type PostcodeRecord, type YearMonth } from "@care-atlas/domain";
import type { FileBytes } from "../FileInput.js";
import { type PostcodeDirectory, readPostcodes } from "../layouts/postcodes.js";
import type { Tally } from "./Tally.js";

/** `YYYY-MM` as months since year 0 (`year * 12 + month - 1`), -1 for none. */
export const monthNumber = (month: YearMonth | null): number => {
  if (month === null) return -1;
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
};

/** A month number back to `YYYY-MM`, `null` for -1. */
export const monthText = (value: number): YearMonth | null => {
  if (value < 0) return null;
  const year = Math.floor(value / 12);
  const month = (value % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
};

/** Codes interned as small integers. */
class Codes {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();

  of(code: string | null | undefined): number {
    if (code === null || code === undefined) return -1;
    let at = this.#index.get(code);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(code);
      this.#index.set(code, at);
    }
    return at;
  }
}

const grow = <T extends Int32Array | Float64Array>(array: T, size: number): T => {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
};

/** What a column row is made from. */
export interface PostcodeFields {
  readonly postcode: string;
  readonly lsoaCode: string;
  readonly introduced: YearMonth | null;
  readonly terminated: YearMonth | null;
  readonly point?: { readonly lat: number; readonly lon: number } | undefined;
  readonly wardCode?: string | undefined;
  readonly districtCode?: string | undefined;
}

/**
 * Postcodes as columns.
 *
 * @example
 * ```ts
 * import { PostcodeColumns } from "@care-atlas/imports";
 * const columns = new PostcodeColumns();
 * columns.push({ postcode: "ZZ9 9ZZ", lsoaCode: "E01999001", introduced: "1980-01", terminated: null });
 * columns.record(0, "synthetic").introduced; // "1980-01"
 * ```
 */
export class PostcodeColumns {
  readonly postcodes: string[] = [];
  lsoa = new Int32Array(1024);
  introduced = new Int32Array(1024);
  terminated = new Int32Array(1024);
  lat = new Float64Array(1024);
  lon = new Float64Array(1024);
  ward = new Int32Array(1024);
  district = new Int32Array(1024);
  readonly lsoaCodes = new Codes();
  readonly wardCodes = new Codes();
  readonly districtCodes = new Codes();

  get length(): number {
    return this.postcodes.length;
  }

  /** Appends a postcode (its text already canonical). */
  push(fields: PostcodeFields): void {
    const i = this.postcodes.length;
    const size = i + 1;
    this.lsoa = grow(this.lsoa, size);
    this.introduced = grow(this.introduced, size);
    this.terminated = grow(this.terminated, size);
    this.lat = grow(this.lat, size);
    this.lon = grow(this.lon, size);
    this.ward = grow(this.ward, size);
    this.district = grow(this.district, size);
    this.postcodes.push(fields.postcode);
    this.lsoa[i] = this.lsoaCodes.of(fields.lsoaCode);
    this.introduced[i] = monthNumber(fields.introduced);
    this.terminated[i] = monthNumber(fields.terminated);
    this.lat[i] = fields.point?.lat ?? Number.NaN;
    this.lon[i] = fields.point?.lon ?? Number.NaN;
    this.ward[i] = this.wardCodes.of(fields.wardCode);
    this.district[i] = this.districtCodes.of(fields.districtCode);
  }

  /** The LSOA code of row `i`. */
  lsoaCode(i: number): string {
    return this.lsoaCodes.values[this.lsoa[i] as number] as string;
  }

  /** Row `i` as a record citing `source`. */
  record(i: number, source?: string): PostcodeRecord {
    const lat = this.lat[i] as number;
    const ward = this.ward[i] as number;
    const district = this.district[i] as number;
    return {
      postcode: this.postcodes[i] as string,
      lsoaCode: this.lsoaCode(i),
      introduced: monthText(this.introduced[i] as number),
      terminated: monthText(this.terminated[i] as number),
      ...(Number.isNaN(lat) ? {} : { point: { lat, lon: this.lon[i] as number } }),
      ...(ward < 0 ? {} : { wardCode: this.wardCodes.values[ward] as string }),
      ...(district < 0 ? {} : { districtCode: this.districtCodes.values[district] as string }),
      ...(source === undefined ? {} : { source }),
    };
  }
}

const englishLsoa = /^E01\d{6}$/;
const wardCode = /^[EW]05\d{6}$/;
const areaCode = /^[EWSN]\d{8}$/;

/** What reading a directory into columns found. */
export interface ReadPostcodes {
  readonly columns: PostcodeColumns;
  readonly directory: PostcodeDirectory | null;
  /** Rows in the file. */
  readonly rows: number;
}

/**
 * Reads a postcode directory into columns, in one pass over its bytes (a stream is read
 * once). Rows that cannot be an English postcode in an LSOA 2021 are noted as skipped on
 * `tally`: a text that is not a postcode, no LSOA 2021 code, an LSOA outside England, or a
 * postcode listed twice (the first is kept).
 *
 * @example
 * ```ts
 * import { readPostcodeColumns, Tally } from "@care-atlas/imports";
 * const { columns } = await readPostcodeColumns("pcds,lsoa21\nZZ9 9ZZ,E01999001\n", new Tally());
 * columns.length; // 1
 * ```
 */
export const readPostcodeColumns = async (
  bytes: FileBytes,
  tally: Tally,
  onRow?: (rows: number) => void,
): Promise<ReadPostcodes> => {
  const columns = new PostcodeColumns();
  const seen = new Set<string>();
  let directory: PostcodeDirectory | null = null;
  let rows = 0;
  const skip = (key: string, detail: string) =>
    tally.note(() => ({ action: "skipped", kind: "postcode", id: null, key, detail }), "skipped");
  for await (const row of readPostcodes(bytes, (d) => {
    directory = d;
  })) {
    rows++;
    onRow?.(rows);
    const postcode = normalisePostcode(row.postcode);
    if (postcode === null) {
      skip(row.postcode, `line ${row.line}: "${row.postcode}" is not a postcode`);
      continue;
    }
    if (row.lsoaCode === null) {
      skip(postcode, `line ${row.line}: no LSOA 2021 code`);
      continue;
    }
    if (!englishLsoa.test(row.lsoaCode)) {
      skip(postcode, `line ${row.line}: LSOA ${row.lsoaCode} is not an English LSOA 2021`);
      continue;
    }
    if (row.introduced !== null && row.terminated !== null && row.terminated < row.introduced) {
      skip(
        postcode,
        `line ${row.line}: terminated (${row.terminated}) before introduced (${row.introduced})`,
      );
      continue;
    }
    if (seen.has(postcode)) {
      skip(postcode, `line ${row.line}: listed again (the first is kept)`);
      continue;
    }
    seen.add(postcode);
    columns.push({
      postcode,
      lsoaCode: row.lsoaCode,
      introduced: row.introduced,
      terminated: row.terminated,
      point: row.point ?? undefined,
      wardCode: row.wardCode !== null && wardCode.test(row.wardCode) ? row.wardCode : undefined,
      districtCode:
        row.districtCode !== null && areaCode.test(row.districtCode) ? row.districtCode : undefined,
    });
  }
  return { columns, directory, rows };
};
