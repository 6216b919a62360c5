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

  it("streams a long list a batch at a time, holding little more than one batch", async () => {
    const count = 300_000;
    const items = Array.from({ length: count }, (_, i) => ({
      id: `org_${String(i).padStart(10, "0")}`,
      valid: { from: "2020-01-01", to: null },
      tags: ["synthetic"],
    }));
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let bytes = 0;
    let chunks = 0;
    const reader = listStream("csv", columns, items).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      chunks++;
      if (chunks % 100 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    expect(chunks).toBeGreaterThan(count / 250);
    expect(bytes).toBeGreaterThan(10_000_000);
    // The whole text is over 10 MB; what the stream holds at any time stays far below it.
    console.info(
      `CSV stream: ${bytes} bytes in ${chunks} chunks, heap growth at most ${peak} bytes`,
    );
    expect(peak).toBeLessThan(bytes / 2);
  });
});
