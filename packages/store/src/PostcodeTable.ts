/**
 * @module PostcodeTable
 * The register's postcodes held as columns, sorted by postcode: each postcode as 8 bytes
 * (its canonical text, zero-padded, as two big-endian 32-bit numbers), and for each the
 * LSOA, ward, district and source as indexes into their code tables (one or two bytes each
 * for England's), the months introduced and terminated as month numbers and the point in
 * whole millionths of a degree (ONSPD's precision; doubles for a table with a finer point).
 * England's 2.7 million postcodes cost 27 bytes each, with no object per postcode: a
 * {@link PostcodeRecord} is made only when one is asked for. A table is immutable, and it is
 * written to and read back from one binary image ({@link PostcodeTable.toBytes}), the
 * store's snapshot of its postcodes.
 */
import type { PostcodeRecord, YearMonth } from "@care-atlas/domain";

/** `YYYY-MM` as months since year 0 (`year * 12 + month - 1`), -1 for none. */
const monthNumber = (month: YearMonth | null): number =>
  month === null ? -1 : Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** A month number back to `YYYY-MM`, `null` for -1. */
const monthTexts = new Map<number, YearMonth>();

/** The `YYYY-MM` of a month number (year × 12 + month − 1), each made once. */
const monthText = (value: number): YearMonth | null => {
  if (value < 0) return null;
  let text = monthTexts.get(value);
  if (text === undefined) {
    const year = Math.floor(value / 12);
    const month = (value % 12) + 1;
    text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    if (monthTexts.size < 100_000) monthTexts.set(value, text);
  }
  return text;
};

/**
 * Subtracted from a key's first half (at most 0x7f7f7f7f) to keep it within V8's small
 * integers, which a Map hashes without boxing.
 */
const smiOffset = 0x40000000;

/** The two 32-bit halves of a postcode's 8 key bytes; `undefined` when it cannot be one. */
const keyOf = (postcode: string): [number, number] | undefined => {
  if (postcode.length > 8) return undefined;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 8; i++) {
    const c = i < postcode.length ? postcode.charCodeAt(i) : 0;
    if (c > 127) return undefined;
    if (i < 4) hi = hi * 256 + c;
    else lo = lo * 256 + c;
  }
  return [hi, lo];
};

const textOf = (hi: number, lo: number): string => {
  let text = "";
  for (const half of [hi, lo]) {
    for (let shift = 24; shift >= 0; shift -= 8) {
      const c = Math.floor(half / 2 ** shift) % 256;
      if (c !== 0) text += String.fromCharCode(c);
    }
  }
  return text;
};

/** Codes interned as small integers. */
class Codes {
  readonly values: string[];
  readonly #index = new Map<string, number>();

  constructor(values: ReadonlyArray<string> = []) {
    this.values = [...values];
    this.values.forEach((value, i) => {
      this.#index.set(value, i);
    });
  }

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

/** The columns a builder collects into: every code index (-1 for none) and point at full width. */
const wideColumns = {
  hi: Uint32Array,
  lo: Uint32Array,
  lsoa: Int32Array,
  introduced: Int16Array,
  terminated: Int16Array,
  lat: Float64Array,
  lon: Float64Array,
  ward: Int32Array,
  district: Int32Array,
  source: Int32Array,
} as const;

type ColumnName = keyof typeof wideColumns;
type WideColumns = { [K in ColumnName]: InstanceType<(typeof wideColumns)[K]> };

/** A column of code indexes plus one (0 for none), as narrow as its code table allows. */
type CodeColumn = Uint8Array | Uint16Array | Uint32Array;

/**
 * A column of latitudes or longitudes: whole millionths of a degree (ONSPD's precision),
 * {@link noPoint} for none, when every point of the table is one; doubles (NaN for none)
 * otherwise.
 */
type PointColumn = Int32Array | Float64Array;

/** The columns of a table. */
interface Columns {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly introduced: Int16Array;
  readonly terminated: Int16Array;
  readonly lat: PointColumn;
  readonly lon: PointColumn;
  readonly lsoa: CodeColumn;
  readonly ward: CodeColumn;
  readonly district: CodeColumn;
  readonly source: CodeColumn;
}

/** The element types a column may have, by the name an image's header gives them. */
const columnTypes = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i16: Int16Array,
  i32: Int32Array,
  f64: Float64Array,
} as const;

type ColumnType = keyof typeof columnTypes;
type AnyColumn = Columns[ColumnName];

const typeNameOf = (column: AnyColumn): ColumnType => {
  for (const [name, Type] of Object.entries(columnTypes)) {
    if (column instanceof Type) return name as ColumnType;
  }
  throw new Error("not a postcode table column");
};

/** A point column's "no point" in millionths of a degree. */
const noPoint = -0x80000000;

/** The code tables of a table, by column. */
interface CodeTables {
  readonly lsoa: ReadonlyArray<string>;
  readonly ward: ReadonlyArray<string>;
  readonly district: ReadonlyArray<string>;
  readonly source: ReadonlyArray<string>;
}

const columnNames = Object.keys(wideColumns) as ColumnName[];
const codeNames = ["lsoa", "ward", "district", "source"] as const;

const allocate = (size: number): WideColumns => {
  const out = {} as Record<ColumnName, unknown>;
  for (const name of columnNames) out[name] = new wideColumns[name](size);
  return out as WideColumns;
};

/** The narrowest column for indexes plus one into a code table of `count` codes. */
const codeColumn = (count: number, size: number): CodeColumn =>
  count < 0xff
    ? new Uint8Array(size)
    : count < 0xffff
      ? new Uint16Array(size)
      : new Uint32Array(size);

/** A coordinate in whole millionths of a degree, or `undefined` when it is not one. */
const micro = (degrees: number): number | undefined => {
  const scaled = Math.round(degrees * 1e6);
  return scaled / 1e6 === degrees && Math.abs(scaled) < 0x7fffffff ? scaled : undefined;
};

/**
 * The compact columns of rows `order` of wide columns `c` (every row, in order, when
 * `order` is undefined): code indexes as narrow as their tables allow, points in millionths
 * of a degree when every one is a whole number of them.
 */
const compact = (
  c: WideColumns,
  size: number,
  codes: CodeTables,
  order?: ReadonlyArray<number>,
): Columns => {
  const row = order === undefined ? (k: number) => k : (k: number) => order[k] as number;
  let whole = true;
  for (let k = 0; k < size && whole; k++) {
    const i = row(k);
    const lat = c.lat[i] as number;
    if (Number.isNaN(lat)) continue;
    if (micro(lat) === undefined || micro(c.lon[i] as number) === undefined) whole = false;
  }
  const out = {
    hi: new Uint32Array(size),
    lo: new Uint32Array(size),
    introduced: new Int16Array(size),
    terminated: new Int16Array(size),
    lat: whole ? new Int32Array(size) : new Float64Array(size),
    lon: whole ? new Int32Array(size) : new Float64Array(size),
    lsoa: codeColumn(codes.lsoa.length, size),
    ward: codeColumn(codes.ward.length, size),
    district: codeColumn(codes.district.length, size),
    source: codeColumn(codes.source.length, size),
  };
  for (let k = 0; k < size; k++) {
    const i = row(k);
    out.hi[k] = c.hi[i] as number;
    out.lo[k] = c.lo[i] as number;
    out.introduced[k] = c.introduced[i] as number;
    out.terminated[k] = c.terminated[i] as number;
    const lat = c.lat[i] as number;
    const lon = c.lon[i] as number;
    if (whole) {
      out.lat[k] = Number.isNaN(lat) ? noPoint : (micro(lat) as number);
      out.lon[k] = Number.isNaN(lat) ? noPoint : (micro(lon) as number);
    } else {
      out.lat[k] = lat;
      out.lon[k] = lon;
    }
    for (const name of codeNames) out[name][k] = (c[name][i] as number) + 1;
  }
  return out;
};

/** The order of the columns in an image: widest elements first, then as {@link columnNames}. */
const imageOrder = (types: Readonly<Record<ColumnName, ColumnType>>): ColumnName[] =>
  [...columnNames].sort(
    (a, b) => columnTypes[types[b]].BYTES_PER_ELEMENT - columnTypes[types[a]].BYTES_PER_ELEMENT,
  );

const magic = 0x43415043; // "CAPC"
/** 2: narrow code columns and points in millionths of a degree, each column's type in the header. */
const imageVersion = 2;

/**
 * Collects postcode records (in any order; a postcode given again replaces the earlier
 * one) and builds a {@link PostcodeTable}.
 *
 * @example
 * ```ts
 * import { PostcodeTableBuilder } from "@care-atlas/store";
 * const builder = new PostcodeTableBuilder();
 * builder.add({ postcode: "ZZ9 9ZZ", lsoaCode: "E01999001", introduced: "1980-01", terminated: null });
 * builder.build().get("ZZ9 9ZZ")?.introduced; // "1980-01"
 * ```
 */
export class PostcodeTableBuilder {
  #size = 0;
  #columns: WideColumns = allocate(1024);
  readonly #codes = {
    lsoa: new Codes(),
    ward: new Codes(),
    district: new Codes(),
    source: new Codes(),
  };

  /** Postcodes added so far. */
  get size(): number {
    return this.#size;
  }

  /** Adds one record (its postcode canonical, as the domain's `PostcodeRecord` has it). */
  add(record: PostcodeRecord): void {
    const key = keyOf(record.postcode);
    if (key === undefined) throw new Error(`not a canonical postcode: ${record.postcode}`);
    this.addRow(
      key[0],
      key[1],
      this.#codes.lsoa.of(record.lsoaCode),
      monthNumber(record.introduced),
      monthNumber(record.terminated),
      record.point?.lat ?? Number.NaN,
      record.point?.lon ?? Number.NaN,
      this.#codes.ward.of(record.wardCode),
      this.#codes.district.of(record.districtCode),
      this.#codes.source.of(record.source),
    );
  }

  /** Adds row `i` of `table` (without making its record). */
  addFrom(table: PostcodeTable, i: number): void {
    const c = table.columns;
    const point = table.pointAt(i);
    this.addRow(
      c.hi[i] as number,
      c.lo[i] as number,
      this.#codes.lsoa.of(table.codeAt("lsoa", i)),
      c.introduced[i] as number,
      c.terminated[i] as number,
      point?.lat ?? Number.NaN,
      point?.lon ?? Number.NaN,
      this.#codes.ward.of(table.codeAt("ward", i)),
      this.#codes.district.of(table.codeAt("district", i)),
      this.#codes.source.of(table.codeAt("source", i)),
    );
  }

  private addRow(
    hi: number,
    lo: number,
    lsoa: number,
    introduced: number,
    terminated: number,
    lat: number,
    lon: number,
    ward: number,
    district: number,
    source: number,
  ): void {
    const i = this.#size;
    if (i === this.#columns.hi.length) {
      const next = allocate(i * 2);
      for (const name of columnNames)
        (next[name] as Int32Array).set(this.#columns[name] as Int32Array);
      this.#columns = next;
    }
    const c = this.#columns;
    c.hi[i] = hi;
    c.lo[i] = lo;
    c.lsoa[i] = lsoa;
    c.introduced[i] = introduced;
    c.terminated[i] = terminated;
    c.lat[i] = lat;
    c.lon[i] = lon;
    c.ward[i] = ward;
    c.district[i] = district;
    c.source[i] = source;
    this.#size = i + 1;
  }

  /** The table: sorted by postcode, each postcode once (the last given). */
  build(): PostcodeTable {
    const n = this.#size;
    const c = this.#columns;
    const codes: CodeTables = {
      lsoa: this.#codes.lsoa.values,
      ward: this.#codes.ward.values,
      district: this.#codes.district.values,
      source: this.#codes.source.values,
    };
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) {
      const a = c.hi[i - 1] as number;
      const b = c.hi[i] as number;
      if (a > b || (a === b && (c.lo[i - 1] as number) >= (c.lo[i] as number))) sorted = false;
    }
    if (sorted) return new PostcodeTable(n, compact(c, n, codes), codes);
    // Sort an order of the rows (stable: the later of two equal postcodes comes last).
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((x, y) => {
      const hx = c.hi[x] as number;
      const hy = c.hi[y] as number;
      if (hx !== hy) return hx - hy;
      const lx = c.lo[x] as number;
      const ly = c.lo[y] as number;
      return lx !== ly ? lx - ly : x - y;
    });
    const kept: number[] = [];
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      const j = order[k + 1];
      if (j !== undefined && c.hi[j] === c.hi[i] && c.lo[j] === c.lo[i]) continue;
      kept.push(i);
    }
    return new PostcodeTable(kept.length, compact(c, kept.length, codes, kept), codes);
  }
}

/**
 * Postcodes as sorted columns: looked up by binary search, a record made on each lookup.
 *
 * @example
 * ```ts
 * import { PostcodeTable } from "@care-atlas/store";
 * const table = PostcodeTable.from([
 *   { postcode: "ZZ9 9ZZ", lsoaCode: "E01999001", introduced: null, terminated: null },
 * ]);
 * table.get("ZZ9 9ZZ")?.lsoaCode; // "E01999001"
 * PostcodeTable.fromBytes(table.toBytes()).size; // 1
 * ```
 */
export class PostcodeTable implements Iterable<PostcodeRecord> {
  static #empty: PostcodeTable | undefined;

  /** A table of no postcodes. */
  static get empty(): PostcodeTable {
    PostcodeTable.#empty ??= new PostcodeTableBuilder().build();
    return PostcodeTable.#empty;
  }

  /** The number of postcodes. */
  readonly size: number;
  /** @internal */
  readonly columns: Columns;
  /** @internal */
  readonly codes: CodeTables;

  /** @internal Use {@link PostcodeTableBuilder} or {@link PostcodeTable.from}. */
  constructor(size: number, columns: Columns, codes: CodeTables) {
    this.size = size;
    this.columns = columns;
    this.codes = codes;
  }

  /** A table of some records (in any order; a postcode given again replaces the earlier). */
  static from(records: Iterable<PostcodeRecord>): PostcodeTable {
    const builder = new PostcodeTableBuilder();
    for (const record of records) builder.add(record);
    return builder.build();
  }

  /** The row of a postcode (canonical text), or -1. */
  indexOf(postcode: string): number {
    if (postcode.length > 8) return -1;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < 8; i++) {
      const c = i < postcode.length ? postcode.charCodeAt(i) : 0;
      // A NUL would read as the padding after a shorter postcode.
      if (c > 127 || (c === 0 && i < postcode.length)) return -1;
      if (i < 4) hi = hi * 256 + c;
      else lo = lo * 256 + c;
    }
    // The rows of the postcode's first four characters (its outward code, mostly), then a
    // binary search among those few: a few reads of the columns instead of twenty-two.
    const range = this.#outwards().get(hi - smiOffset);
    if (range === undefined) return -1;
    const los = this.columns.lo;
    let low = range[0];
    let high = range[1] - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const l = los[mid] as number;
      if (l < lo) low = mid + 1;
      else if (l > lo) high = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** By first-four-characters key less {@link smiOffset}. */
  #ranges: Map<number, readonly [number, number]> | undefined;

  /** Each first-four-characters key's rows, `[start, end)`, worked out on first use. */
  #outwards(): Map<number, readonly [number, number]> {
    if (this.#ranges !== undefined) return this.#ranges;
    const ranges = new Map<number, readonly [number, number]>();
    const his = this.columns.hi;
    let start = 0;
    for (let i = 1; i <= this.size; i++) {
      if (i === this.size || his[i] !== his[start]) {
        ranges.set((his[start] as number) - smiOffset, [start, i]);
        start = i;
      }
    }
    this.#ranges = ranges;
    return ranges;
  }

  /** A postcode's record (canonical text, `M32 0JG`), or `undefined`. */
  get(postcode: string): PostcodeRecord | undefined {
    const i = this.indexOf(postcode);
    return i < 0 ? undefined : this.record(i, postcode);
  }

  /** The postcode of row `i`. */
  postcodeAt(i: number): string {
    return textOf(this.columns.hi[i] as number, this.columns.lo[i] as number);
  }

  /** @internal The code row `i` states in one of the code columns, if any. */
  codeAt(name: (typeof codeNames)[number], i: number): string | undefined {
    const at = this.columns[name][i] as number;
    return at === 0 ? undefined : this.codes[name][at - 1];
  }

  /** The LSOA code of row `i`. */
  lsoaCodeAt(i: number): string {
    return this.codeAt("lsoa", i) as string;
  }

  /** The district code row `i` states, if any. */
  districtCodeAt(i: number): string | undefined {
    return this.codeAt("district", i);
  }

  /** The point of row `i`, if it has one. */
  pointAt(i: number): { lat: number; lon: number } | undefined {
    const { lat, lon } = this.columns;
    const y = lat[i] as number;
    if (lat instanceof Int32Array) {
      return y === noPoint ? undefined : { lat: y / 1e6, lon: (lon[i] as number) / 1e6 };
    }
    return Number.isNaN(y) ? undefined : { lat: y, lon: lon[i] as number };
  }

  /** Row `i` as the domain's record (`postcode`: its text, when the caller has it). */
  record(i: number, postcode: string = this.postcodeAt(i)): PostcodeRecord {
    const c = this.columns;
    const record: {
      -readonly [K in keyof PostcodeRecord]: PostcodeRecord[K];
    } = {
      postcode,
      lsoaCode: this.lsoaCodeAt(i),
      introduced: monthText(c.introduced[i] as number),
      terminated: monthText(c.terminated[i] as number),
    };
    const point = this.pointAt(i);
    if (point !== undefined) record.point = point;
    const ward = this.codeAt("ward", i);
    if (ward !== undefined) record.wardCode = ward;
    const district = this.codeAt("district", i);
    if (district !== undefined) record.districtCode = district;
    const source = this.codeAt("source", i);
    if (source !== undefined) record.source = source;
    return record;
  }

  /** Every record, in postcode order (each made as it is reached). */
  *[Symbol.iterator](): Iterator<PostcodeRecord> {
    for (let i = 0; i < this.size; i++) yield this.record(i);
  }

  /** The table with `records` put in place (each replacing the row of its postcode). */
  withRecords(records: Iterable<PostcodeRecord>): PostcodeTable {
    const builder = new PostcodeTableBuilder();
    for (let i = 0; i < this.size; i++) builder.addFrom(this, i);
    for (const record of records) builder.add(record);
    return builder.build();
  }

  /**
   * The table with the rows of `other` put in place (each replacing the row of its
   * postcode): one pass over both, in postcode order, without a record per row.
   */
  merge(other: PostcodeTable): PostcodeTable {
    const builder = new PostcodeTableBuilder();
    const a = this.columns;
    const b = other.columns;
    let i = 0;
    let j = 0;
    while (i < this.size || j < other.size) {
      if (j >= other.size) builder.addFrom(this, i++);
      else if (i >= this.size) builder.addFrom(other, j++);
      else {
        const ha = a.hi[i] as number;
        const hb = b.hi[j] as number;
        const la = a.lo[i] as number;
        const lb = b.lo[j] as number;
        if (ha < hb || (ha === hb && la < lb)) builder.addFrom(this, i++);
        else if (ha === hb && la === lb) {
          builder.addFrom(other, j++);
          i++;
        } else builder.addFrom(other, j++);
      }
    }
    return builder.build();
  }

  /** Bytes the columns take (the code tables aside). */
  get byteLength(): number {
    let bytes = 0;
    for (const name of columnNames) bytes += this.columns[name].byteLength;
    return bytes;
  }

  /**
   * The table as one binary image: a header (size, code tables, each column's type), then
   * the columns, widest elements first (so each starts aligned to its element).
   */
  toBytes(): Uint8Array {
    const types = {} as Record<ColumnName, ColumnType>;
    for (const name of columnNames) types[name] = typeNameOf(this.columns[name]);
    const header = new TextEncoder().encode(
      JSON.stringify({ version: imageVersion, size: this.size, codes: this.codes, types }),
    );
    const start = 8 + Math.ceil(header.length / 8) * 8;
    const out = new Uint8Array(start + this.byteLength);
    const view = new DataView(out.buffer);
    view.setUint32(0, magic, true);
    view.setUint32(4, header.length, true);
    out.set(header, 8);
    let at = start;
    for (const name of imageOrder(types)) {
      const column = this.columns[name];
      out.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), at);
      at += column.byteLength;
    }
    return out;
  }

  /** A table from its binary image; throws on bytes that are not one. */
  static fromBytes(bytes: Uint8Array): PostcodeTable {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 8 || view.getUint32(0, true) !== magic) {
      throw new Error("not a postcode table image");
    }
    const headerLength = view.getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as {
      version: number;
      size: number;
      codes: CodeTables;
      types: Record<ColumnName, ColumnType>;
    };
    if (header.version !== imageVersion) {
      throw new Error(`postcode table image version ${header.version}, not ${imageVersion}`);
    }
    const n = header.size;
    const start = 8 + Math.ceil(headerLength / 8) * 8;
    // Views straight onto the image when its columns are aligned in their buffer (an image
    // read into a fresh buffer is); otherwise the columns are copied into one of their own.
    const body = (bytes.byteOffset + start) % 8 === 0 ? bytes.subarray(start) : bytes.slice(start);
    let at = 0;
    const out = {} as Record<ColumnName, unknown>;
    for (const name of imageOrder(header.types)) {
      const Type = columnTypes[header.types?.[name]] as
        | (typeof columnTypes)[ColumnType]
        | undefined;
      if (Type === undefined) throw new Error(`postcode table image has no type for ${name}`);
      const length = n * Type.BYTES_PER_ELEMENT;
      if (at + length > body.byteLength) throw new Error("postcode table image is truncated");
      out[name] = new Type(body.buffer as ArrayBuffer, body.byteOffset + at, n);
      at += length;
    }
    return new PostcodeTable(n, out as Columns, header.codes);
  }
}
