/**
 * Shared steps of the CSV layouts: rows with their line numbers from any input, header
 * matching by column name (case, spaces and punctuation ignored), and the date formats the
 * publishers use.
 */
import { type FileBytes, textChunksOf } from "../FileInput.js";
import { LayoutError } from "../LayoutError.js";
import { CsvReader } from "./Csv.js";

/** A CSV row with its 1-based line number (of its first line). */
export interface Line {
  readonly line: number;
  readonly fields: ReadonlyArray<string>;
}

/** Every non-blank CSV row of the input, in order. */
export async function* csvLines(bytes: FileBytes): AsyncGenerator<Line> {
  const reader = new CsvReader();
  let line = 0;
  const emit = function* (records: string[][]): Generator<Line> {
    for (const fields of records) {
      line++;
      if (fields.length === 1 && (fields[0] ?? "").trim() === "") continue;
      yield { line, fields };
    }
  };
  for await (const text of textChunksOf(bytes)) yield* emit(reader.push(text));
  yield* emit(reader.end());
}

/** A header name reduced for matching: lower case, letters and digits only. */
export const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** What a headered layout needs: each column by its accepted names, and whether it is required. */
export type ColumnSpec<C extends string> = Record<
  C,
  { readonly names: ReadonlyArray<string>; readonly required: boolean }
>;

/** Column positions found in a header. */
export type Columns<C extends string> = Partial<Record<C, number>>;

/** Finds each column of `spec` in `header`; `null` when a required one is missing. */
export const matchHeader = <C extends string>(
  header: ReadonlyArray<string>,
  spec: ColumnSpec<C>,
): { columns: Columns<C>; missing: string[] } => {
  const keys = header.map(columnKey);
  const columns: Columns<C> = {};
  const missing: string[] = [];
  for (const column of Object.keys(spec) as C[]) {
    const { names, required } = spec[column];
    const at = names.map(columnKey).reduce<number>((found, name) => {
      if (found >= 0) return found;
      return keys.indexOf(name);
    }, -1);
    if (at >= 0) columns[column] = at;
    else if (required) missing.push(names[0] as string);
  }
  return { columns, missing };
};

/** The layout error for a header that lacks required columns. */
export const missingColumns = (
  layout: string,
  what: string,
  missing: ReadonlyArray<string>,
): LayoutError =>
  new LayoutError(
    layout,
    `not ${what}: the header lacks the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}`,
    { missing },
  );

/** A field of a row by column, trimmed ("" when absent). */
export const fieldOf = <C extends string>(
  fields: ReadonlyArray<string>,
  columns: Columns<C>,
  column: C,
): string => {
  const at = columns[column];
  return at === undefined ? "" : (fields[at] ?? "").trim();
};

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const compactDay = /^(\d{4})(\d{2})(\d{2})$/;

const realDate = (year: string, month: string, day: string): string | null => {
  const text = `${year}-${month}-${day}`;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
};

/**
 * A date as ODS and ONS publish them — `YYYYMMDD` (ODS files) or `YYYY-MM-DD` — as
 * `YYYY-MM-DD`; `null` for an empty field. Throws a {@link LayoutError} for anything else.
 */
export const dateField = (
  text: string,
  layout: string,
  column: string,
  line: number,
): string | null => {
  const value = text.trim();
  if (value === "") return null;
  const match = isoDay.exec(value) ?? compactDay.exec(value);
  const date = match ? realDate(match[1] as string, match[2] as string, match[3] as string) : null;
  if (date === null) {
    throw new LayoutError(
      layout,
      `line ${line}: ${column} "${value}" is not a date (YYYYMMDD or YYYY-MM-DD)`,
      { line },
    );
  }
  return date;
};
