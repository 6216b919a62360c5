/**
 * @module LayoutError
 * Why a file is not of the layout it was read as: the columns it lacks (headered layouts),
 * the number of columns it should have (ODS's headerless files), or a value that cannot be
 * what its column holds, with the line.
 */

/**
 * A file that is not of the layout it was read as. `missing` names the columns a headered
 * file lacks; `expectedColumns` is the column count of a headerless ODS layout; `line` is
 * the line (1-based) of a value that is not what its column holds.
 *
 * @example
 * ```ts
 * import { LayoutError } from "@care-atlas/imports";
 * const error = new LayoutError("ods-etr", "etr.csv has 3 columns, ODS's etr layout has 27", { expectedColumns: 27 });
 * error.expectedColumns; // 27
 * ```
 */
export class LayoutError extends Error {
  override readonly name = "LayoutError";
  readonly layout: string;
  readonly missing: ReadonlyArray<string>;
  readonly expectedColumns: number | undefined;
  readonly line: number | undefined;

  constructor(
    layout: string,
    message: string,
    details: {
      readonly missing?: ReadonlyArray<string>;
      readonly expectedColumns?: number;
      readonly line?: number;
    } = {},
  ) {
    super(message);
    this.layout = layout;
    this.missing = details.missing ?? [];
    this.expectedColumns = details.expectedColumns;
    this.line = details.line;
  }
}
