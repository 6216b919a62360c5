/**
 * @module representations
 * Every list in three representations, chosen by `Accept`: JSON (the default: a page, or
 * the whole list with `all=true`), CSV (`text/csv`, RFC 4180) and NDJSON
 * (`application/x-ndjson`, one JSON item per line). CSV and NDJSON answer the whole list
 * (they have no place for a cursor), streamed a batch of rows at a time as the client reads,
 * so the answer's bytes are never held in memory at once.
 *
 * CSV columns come from the item's schema: each top-level field is a column, in schema
 * order; a field that is an object (such as `valid`) becomes one column per member
 * (`valid.from`, `valid.to`); a list of plain values is joined with `; `; anything deeper is
 * its JSON. A text cell that a spreadsheet would read as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) is prefixed with `'`.
 */
import type { Context } from "hono";
import { z } from "zod";

/** The representations of a list. */
export type ListFormat = "json" | "csv" | "ndjson";

const mediaTypes: Readonly<Record<ListFormat, ReadonlyArray<string>>> = {
  json: ["application/json", "application/*", "*/*"],
  csv: ["text/csv"],
  ndjson: ["application/x-ndjson"],
};

/**
 * The representation an `Accept` header asks for: the acceptable one with the highest
 * quality (JSON on a tie, when nothing is said, or when nothing named is acceptable).
 *
 * @example
 * ```ts
 * formatOf("text/csv"); // "csv"
 * formatOf("application/x-ndjson;q=0.9, application/json;q=0.5"); // "ndjson"
 * formatOf(undefined); // "json"
 * ```
 */
export const formatOf = (accept: string | undefined): ListFormat => {
  if (accept === undefined || accept === "") return "json";
  let best: ListFormat = "json";
  let bestQ = 0;
  const quality: Record<ListFormat, number> = { json: 0, csv: 0, ndjson: 0 };
  for (const range of accept.split(",")) {
    const [type = "", ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const value = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(value)) continue;
    for (const format of ["json", "csv", "ndjson"] as const) {
      if (mediaTypes[format].includes(type)) quality[format] = Math.max(quality[format], value);
    }
  }
  for (const format of ["json", "csv", "ndjson"] as const) {
    if (quality[format] > bestQ) {
      best = format;
      bestQ = quality[format];
    }
  }
  return best;
};

/** One CSV column: its name and how to read its value from an item. */
export interface Column {
  readonly name: string;
  readonly read: (item: unknown) => unknown;
}

const member = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;

const unwrap = (schema: z.ZodType): z.ZodType => {
  let inner = schema;
  for (;;) {
    if (
      inner instanceof z.ZodOptional ||
      inner instanceof z.ZodNullable ||
      inner instanceof z.ZodDefault
    ) {
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe) {
      inner = inner.out as z.ZodType;
    } else {
      return inner;
    }
  }
};

/**
 * The CSV columns of an item schema (see the module comment).
 *
 * @example
 * ```ts
 * columnsOf(z.object({ id: z.string(), valid: z.object({ from: z.string(), to: z.string() }) }))
 *   .map((column) => column.name); // ["id", "valid.from", "valid.to"]
 * ```
 */
export const columnsOf = (schema: z.ZodType): Column[] => {
  const object = unwrap(schema);
  if (!(object instanceof z.ZodObject)) return [{ name: "value", read: (item) => item }];
  const columns: Column[] = [];
  for (const [key, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
    const inner = unwrap(field);
    if (inner instanceof z.ZodObject) {
      for (const sub of Object.keys(inner.shape as Record<string, z.ZodType>)) {
        columns.push({ name: `${key}.${sub}`, read: (item) => member(member(item, key), sub) });
      }
    } else {
      columns.push({ name: key, read: (item) => member(item, key) });
    }
  }
  return columns;
};

const isPlain = (value: unknown): boolean =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

/** The text of a cell (before quoting). */
const cellText = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every(isPlain)) return value.map(cellText).join("; ");
  return JSON.stringify(value);
};

/** A CSV field, quoted when it must be (RFC 4180). */
const quote = (text: string): string =>
  /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;

/** One CSV record (CRLF-terminated) of an item. */
export const csvRow = (columns: ReadonlyArray<Column>, item: unknown): string =>
  `${columns.map((column) => quote(cellText(column.read(item)))).join(",")}\r\n`;

/** The CSV header record. */
export const csvHeader = (columns: ReadonlyArray<Column>): string =>
  `${columns.map((column) => quote(column.name)).join(",")}\r\n`;

/** How many items are serialised per chunk of a stream. */
const batch = 200;

/**
 * A stream of the items as CSV (header first) or NDJSON, serialised a batch at a time as
 * the reader pulls, so that at most one batch of text is held at once.
 */
export const listStream = (
  format: "csv" | "ndjson",
  columns: ReadonlyArray<Column>,
  items: ReadonlyArray<unknown>,
): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();
  let next = 0;
  let headerSent = format !== "csv";
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let text = "";
        if (!headerSent) {
          text += csvHeader(columns);
          headerSent = true;
        }
        const end = Math.min(items.length, next + batch);
        for (; next < end; next++) {
          text +=
            format === "csv" ? csvRow(columns, items[next]) : `${JSON.stringify(items[next])}\n`;
        }
        if (text !== "") controller.enqueue(encoder.encode(text));
        if (next >= items.length) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
};

const contentTypes = {
  csv: "text/csv; charset=utf-8; header=present",
  ndjson: "application/x-ndjson",
} as const;

/**
 * Answers a list as CSV or NDJSON (the headers a read sets are already on the context).
 */
export const streamList = (
  c: Context,
  format: "csv" | "ndjson",
  columns: ReadonlyArray<Column>,
  items: ReadonlyArray<unknown>,
  filename: string,
): Response => {
  c.header("Content-Type", contentTypes[format]);
  if (format === "csv") c.header("Content-Disposition", `attachment; filename="${filename}.csv"`);
  return c.body(listStream(format, columns, items), 200);
};

/**
 * The extra media types of a list's 200 answer in the OpenAPI document, with its CSV
 * columns listed.
 */
export const listContent = (columns: ReadonlyArray<Column>, noun: string) => ({
  "text/csv": {
    schema: z.string().meta({
      description: `Every ${noun} (no paging), one CSV record each after a header record. Columns: ${columns.map((column) => `\`${column.name}\``).join(", ")}.`,
    }),
  },
  "application/x-ndjson": {
    schema: z.string().meta({
      description: `Every ${noun} (no paging), one JSON object per line.`,
    }),
  },
});

/** Whether a request asks for CSV or NDJSON (the read cache and the fast path step aside). */
export const wantsStream = (accept: string | undefined): boolean =>
  accept !== undefined && formatOf(accept) !== "json";
