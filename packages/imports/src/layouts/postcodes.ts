/**
 * @module postcodes
 * Postcode directories: the ONS Postcode Directory (ONSPD) and the National Statistics
 * Postcode Lookup (NSPL), and the Trafford Data Lab's extract of ONSPD. Told apart by
 * their header; read as a stream, so a 2.7 million row directory never sits in memory.
 *
 * Columns (names matched ignoring case): postcode `pcds` (ONSPD, NSPL: the 8-character
 * form with one space), `pcd`, `pcd2`, `pcd7`, `pcd8`, `postcode`; date of introduction
 * `dointr` and of termination `doterm` (`YYYYMM`); LSOA 2021 `lsoa21`, `lsoa21cd`,
 * `lsoa_code`; ward `osward` (ONSPD), `ward` (NSPL), `wdNNcd`, `ward_code`; local authority
 * district `oslaua` (ONSPD), `laua` (NSPL), `ladNNcd`, `la_code`; `lat`; `long` / `lon`.
 */
import type { FileBytes } from "../FileInput.js";
import { columnKey, csvLines, fieldOf, missingColumns } from "../internal/table.js";
import { LayoutError } from "../LayoutError.js";

/** One postcode of a directory. */
export interface PostcodeRow {
  readonly line: number;
  /** As written in the file; normalise it before use. */
  readonly postcode: string;
  /** The month it was introduced, `YYYY-MM`, when the file says. */
  readonly introduced: string | null;
  /** The month it was terminated, `YYYY-MM`, when it was. */
  readonly terminated: string | null;
  /** Its LSOA 2021 code (any country's), or `null` when the file has none for it. */
  readonly lsoaCode: string | null;
  readonly wardCode: string | null;
  readonly districtCode: string | null;
  readonly point: { readonly lat: number; readonly lon: number } | null;
}

/** Which directory a header belongs to. */
export type PostcodeDirectory = "onspd" | "nspl" | "extract";

type Column =
  | "postcode"
  | "introduced"
  | "terminated"
  | "lsoa"
  | "ward"
  | "district"
  | "lat"
  | "lon";

const aliases: Record<Column, ReadonlyArray<RegExp>> = {
  postcode: [/^pcds$/, /^pcd$/, /^pcd2$/, /^pcd7$/, /^pcd8$/, /^postcode$/],
  introduced: [/^dointr$/],
  terminated: [/^doterm$/],
  lsoa: [/^lsoa21$/, /^lsoa21cd$/, /^lsoacode$/],
  ward: [/^osward$/, /^ward$/, /^wd\d\dcd$/, /^wardcode$/],
  district: [/^oslaua$/, /^laua$/, /^lad\d\dcd$/, /^lacode$/],
  lat: [/^lat$/],
  lon: [/^long$/, /^lon$/],
};

const layout = "ons-postcodes";
const what =
  "a postcode directory (ONSPD, NSPL or an extract of them with postcode and LSOA 2021 columns)";

const month = (text: string, column: string, line: number): string | null => {
  const value = text.trim();
  if (value === "") return null;
  const match = /^(\d{4})-?(\d{2})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new LayoutError(layout, `line ${line}: ${column} "${value}" is not a month (YYYYMM)`, {
      line,
    });
  }
  return `${match[1]}-${match[2]}`;
};

/** The directory a header names, and each column's position. */
export const postcodeHeader = (
  header: ReadonlyArray<string>,
): { directory: PostcodeDirectory; columns: Partial<Record<Column, number>> } => {
  const keys = header.map(columnKey);
  const columns: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(aliases) as Column[]) {
    for (const pattern of aliases[column]) {
      const at = keys.findIndex((key) => pattern.test(key));
      if (at >= 0) {
        columns[column] = at;
        break;
      }
    }
  }
  const missing = [
    ...(columns.postcode === undefined ? ["pcds"] : []),
    ...(columns.lsoa === undefined ? ["lsoa21"] : []),
  ];
  if (missing.length > 0) throw missingColumns(layout, what, missing);
  const directory: PostcodeDirectory = keys.includes("oslaua")
    ? "onspd"
    : keys.includes("laua")
      ? "nspl"
      : "extract";
  return { directory, columns };
};

/**
 * Reads a postcode directory row by row; `onHeader` hears which directory it is. Throws a
 * {@link LayoutError} for a header without a postcode or LSOA 2021 column, or a malformed
 * date.
 *
 * @example
 * ```ts
 * import { readPostcodes } from "@care-atlas/imports";
 * for await (const row of readPostcodes("pcds,dointr,doterm,lsoa21,lat,long\nZZ9 9ZZ,198001,,E01999001,53.4,-2.3\n")) row.introduced; // "1980-01"
 * ```
 */
export async function* readPostcodes(
  bytes: FileBytes,
  onHeader?: (directory: PostcodeDirectory) => void,
): AsyncGenerator<PostcodeRow> {
  let columns: Partial<Record<Column, number>> | undefined;
  for await (const line of csvLines(bytes)) {
    if (columns === undefined) {
      const header = postcodeHeader(line.fields);
      columns = header.columns;
      onHeader?.(header.directory);
      continue;
    }
    const get = (column: Column) => fieldOf(line.fields, columns ?? {}, column);
    const lat = Number(get("lat") || Number.NaN);
    const lon = Number(get("lon") || Number.NaN);
    const orNull = (text: string) => (text === "" ? null : text.toUpperCase());
    yield {
      line: line.line,
      postcode: get("postcode"),
      introduced: month(get("introduced"), "dointr", line.line),
      terminated: month(get("terminated"), "doterm", line.line),
      lsoaCode: orNull(get("lsoa")),
      wardCode: orNull(get("ward")),
      districtCode: orNull(get("district")),
      // ONSPD marks a postcode without a grid reference with lat 99.999999, long 0.
      point:
        Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
          ? { lat, lon }
          : null,
    };
  }
}
