import { describe, expect, it } from "vitest";
import { z } from "zod";
import { columnsOf, csvHeader, csvRow, formatOf, listStream } from "./representations.js";

describe("formatOf", () => {
  it("picks the acceptable representation of highest quality, JSON by default", () => {
    expect(formatOf(undefined)).toBe("json");
    expect(formatOf("text/csv")).toBe("csv");
    expect(formatOf("application/x-ndjson")).toBe("ndjson");
    expect(formatOf("text/csv;q=0.4, application/json")).toBe("json");
    expect(formatOf("text/csv, */*;q=0.1")).toBe("csv");
    expect(formatOf("text/html")).toBe("json");
  });
});

describe("CSV", () => {
  const Item = z.object({
    id: z.string(),
    valid: z.object({ from: z.string(), to: z.string().nullable() }),
    tags: z.array(z.string()).default([]),
    codes: z.array(z.object({ value: z.string() })).optional(),
  });
  const columns = columnsOf(Item);

  it("has a column per field and per member of an object field", () => {
    expect(columns.map((c) => c.name)).toEqual(["id", "valid.from", "valid.to", "tags", "codes"]);
    expect(csvHeader(columns)).toBe("id,valid.from,valid.to,tags,codes\r\n");
  });

  it("quotes what RFC 4180 asks, joins plain lists, writes JSON beyond, defuses formulas", () => {
    const row = csvRow(columns, {
      id: 'a, "b"',
      valid: { from: "2020-01-01", to: null },
      tags: ["x", "y"],
      codes: [{ value: "R0A" }],
    });
    expect(row).toBe('"a, ""b""",2020-01-01,,x; y,"[{""value"":""R0A""}]"\r\n');
    expect(csvRow(columns, { id: "=SUM(A1)", valid: { from: "", to: null }, tags: [] })).toBe(
      "'=SUM(A1),,,,\r\n",
    );
  });

  it("serialises a long list only as the reader pulls, a batch at a time", async () => {
    const count = 300_000;
    const items = Array.from({ length: count }, (_, i) => ({ id: `org_${i}` }));
    let serialised = 0;
    const counting = [
      {
        name: "id",
        read: (item: unknown) => {
          serialised++;
          return item;
        },
      },
    ];
    const reader = listStream("csv", counting, items).getReader();
    for (let chunk = 0; chunk < 10; chunk++) await reader.read();
    // Ten chunks read: the stream has serialised at most one batch (200 items) ahead.
    expect(serialised).toBeLessThanOrEqual(11 * 200);
    let rest = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += value.byteLength;
    }
    expect(serialised).toBe(count);
    expect(rest).toBeGreaterThan(count);
  });
});
