/**
 * @module successors
 * ODS's successor organisations file — `succ.csv` and the archived `succarc.csv`:
 * headerless, 5 positional columns (1 organisation code, 2 successor organisation code, 3
 * succession type, 4 effective date `YYYYMMDD`, 5 indicator) — and the three-column table
 * with a header `old_code,new_code,date` made from them.
 */
import type { FileBytes } from "../FileInput.js";
import {
  columnKey,
  csvLines,
  dateField,
  fieldOf,
  matchHeader,
  missingColumns,
} from "../internal/table.js";
import { LayoutError } from "../LayoutError.js";

/** One succession row: `oldCode` was succeeded by `newCode` from `date`. */
export interface SuccessionRow {
  readonly line: number;
  readonly oldCode: string;
  readonly newCode: string;
  /** The effective date, `YYYY-MM-DD`: the first day of the successor. */
  readonly date: string;
  /** ODS's succession type (column 3), when the file has it. */
  readonly type: string | null;
}

const layout = "ods-successors";
const what = "an ODS successor file (succ.csv, or a table with old_code, new_code, date)";
const code = /^[A-Z0-9]{2,8}$/;

/** The column count of ODS's headerless `succ.csv`. */
export const successorColumnCount = 5;

/**
 * Reads a successor file row by row. Throws a {@link LayoutError} for a file of another
 * layout (a headerless row without 5 columns, a header without old_code, new_code, date)
 * or a row whose codes or date are malformed.
 *
 * @example
 * ```ts
 * import { readSuccessions } from "@care-atlas/imports";
 * for await (const row of readSuccessions('"old_code","new_code","date"\n"RZ1","RZ2",2021-10-01\n')) row.newCode; // "RZ2"
 * ```
 */
export async function* readSuccessions(bytes: FileBytes): AsyncGenerator<SuccessionRow> {
  let columns: Partial<Record<"oldCode" | "newCode" | "date" | "type", number>> | undefined;
  for await (const line of csvLines(bytes)) {
    if (columns === undefined) {
      const firstKey = columnKey(line.fields[0] ?? "");
      if (!code.test((line.fields[0] ?? "").trim()) || firstKey.includes("code")) {
        const matched = matchHeader(line.fields, {
          oldCode: { names: ["old_code", "organisation code"], required: true },
          newCode: { names: ["new_code", "successor organisation code"], required: true },
          date: { names: ["date", "effective date"], required: true },
          type: { names: ["succession type", "type"], required: false },
        });
        if (matched.missing.length > 0) throw missingColumns(layout, what, matched.missing);
        columns = matched.columns;
        continue;
      }
      if (line.fields.length !== successorColumnCount) {
        throw new LayoutError(
          layout,
          `not ${what}: line ${line.line} has ${line.fields.length} columns; ODS's headerless succ.csv has ${successorColumnCount}`,
          { expectedColumns: successorColumnCount, line: line.line },
        );
      }
      columns = { oldCode: 0, newCode: 1, type: 2, date: 3 };
    }
    const get = (column: "oldCode" | "newCode" | "date" | "type") =>
      fieldOf(line.fields, columns ?? {}, column);
    const oldCode = get("oldCode").toUpperCase();
    const newCode = get("newCode").toUpperCase();
    if (!code.test(oldCode) || !code.test(newCode)) {
      throw new LayoutError(
        layout,
        `line ${line.line}: "${oldCode}" → "${newCode}" are not ODS codes`,
        { line: line.line },
      );
    }
    const date = dateField(get("date"), layout, "effective date", line.line);
    if (date === null) {
      throw new LayoutError(layout, `line ${line.line}: ${oldCode} → ${newCode} has no date`, {
        line: line.line,
      });
    }
    const type = get("type");
    yield { line: line.line, oldCode, newCode, date, type: type === "" ? null : type };
  }
}
