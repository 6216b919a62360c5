/**
 * @module Csv
 * A small RFC 4180 CSV reader: comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes (`""`), records end in CRLF or LF. A leading byte
 * order mark is dropped. Used by every CSV layout; not exported.
 */

/** A CSV record keyed by the header's column names. */
export type CsvRecord = Readonly<Record<string, string>>;

/**
 * Incremental CSV reader: feed it text in chunks of any size, take the complete records.
 * Chunk boundaries may fall anywhere, even inside a quoted field or between `\r` and `\n`.
 */
export class CsvReader {
  #field = "";
  #record: string[] = [];
  #quoted = false;
  /** Inside quotes; `#quoteSeen` marks a quote that may be the first of a doubled pair. */
  #inQuotes = false;
  #quoteSeen = false;
  #afterCr = false;
  #started = false;
  #any = false;

  /** Reads a chunk and returns the records it completed. */
  push(chunk: string): string[][] {
    const records: string[][] = [];
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const char = text[i] as string;
      if (this.#afterCr) {
        this.#afterCr = false;
        if (char === "\n") continue;
      }
      if (this.#inQuotes) {
        if (this.#quoteSeen) {
          this.#quoteSeen = false;
          if (char === '"') {
            this.#field += '"';
            continue;
          }
          this.#inQuotes = false;
          // fall through: the character after a closing quote is read as unquoted
        } else if (char === '"') {
          this.#quoteSeen = true;
          continue;
        } else {
          this.#field += char;
          continue;
        }
      }
      this.#any = true;
      if (char === '"' && this.#field.length === 0 && !this.#quoted) {
        this.#inQuotes = true;
        this.#quoted = true;
      } else if (char === ",") {
        this.#endField();
      } else if (char === "\n" || char === "\r") {
        this.#afterCr = char === "\r";
        this.#endField();
        records.push(this.#record);
        this.#record = [];
        this.#any = false;
      } else {
        this.#field += char;
      }
    }
    return records;
  }

  /** Ends the input and returns the last record, if the text did not end with a line break. */
  end(): string[][] {
    if (this.#inQuotes && !this.#quoteSeen) throw new Error("CSV ends inside a quoted field");
    this.#inQuotes = false;
    this.#quoteSeen = false;
    if (!this.#any && this.#record.length === 0 && this.#field.length === 0) return [];
    this.#endField();
    const last = this.#record;
    this.#record = [];
    this.#any = false;
    return [last];
  }

  #endField(): void {
    this.#record.push(this.#field);
    this.#field = "";
    this.#quoted = false;
  }
}

/**
 * Parses CSV text into rows of fields. Blank lines are dropped.
 *
 * @example
 * ```ts
 * parseCsvRows('a,b\n"x, y","say ""hi"""\n'); // [["a", "b"], ["x, y", 'say "hi"']]
 * ```
 */
export const parseCsvRows = (text: string): string[][] => {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()].filter(
    (row) => !(row.length === 1 && row[0] === ""),
  );
};

/** Pairs a header with a row; throws when the row has a different number of fields. */
const recordOf = (
  header: ReadonlyArray<string>,
  row: ReadonlyArray<string>,
  line: number,
): CsvRecord => {
  if (row.length !== header.length) {
    throw new Error(`CSV record ${line} has ${row.length} fields, the header has ${header.length}`);
  }
  const record: Record<string, string> = {};
  header.forEach((name, i) => {
    record[name] = row[i] as string;
  });
  return record;
};

/**
 * Parses CSV text with a header line into records keyed by column name.
 *
 * @example
 * ```ts
 * parseCsv("code,name\nE01999001,Synthetic 001A\n"); // [{ code: "E01999001", name: "Synthetic 001A" }]
 * ```
 */
export const parseCsv = (text: string): CsvRecord[] => {
  const [header, ...rows] = parseCsvRows(text);
  if (header === undefined) return [];
  return rows.map((row, i) => recordOf(header, row, i + 2));
};
