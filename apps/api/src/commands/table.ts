/** A plain-text table for the CLI (columns padded to their widest cell). */
export const table = (rows: ReadonlyArray<Record<string, string>>): string => {
  if (rows.length === 0) return "(none)";
  const columns = Object.keys(rows[0] ?? {});
  const width = (column: string) =>
    Math.max(column.length, ...rows.map((row) => (row[column] ?? "").length));
  const line = (cells: Record<string, string>) =>
    columns
      .map((column) => (cells[column] ?? "").padEnd(width(column)))
      .join("  ")
      .trimEnd();
  return [line(Object.fromEntries(columns.map((c) => [c, c]))), ...rows.map(line)].join("\n");
};
