import { describe, expect, it } from "vitest";
import { CsvReader, parseCsv, parseCsvRows } from "./Csv.js";

describe("parseCsvRows", () => {
  it("splits plain fields and records", () => {
    expect(parseCsvRows("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(parseCsvRows('x,"a, b","say ""hi""","two\nlines"\r\n')).toEqual([
      ["x", "a, b", 'say "hi"', "two\nlines"],
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsvRows("a,,c,\n,,,\n")).toEqual([
      ["a", "", "c", ""],
      ["", "", "", ""],
    ]);
  });

  it("accepts CRLF, LF and a last record without a line break", () => {
    expect(parseCsvRows("a,b\r\n1,2\n3,4")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("drops a byte order mark and blank lines", () => {
    expect(parseCsvRows("\uFEFFa,b\n\n1,2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("rejects text that ends inside quotes", () => {
    expect(() => parseCsvRows('a,"unterminated\n')).toThrow(/inside a quoted field/);
  });
});

describe("CsvReader", () => {
  it("gives the same rows however the text is cut into chunks", () => {
    const text = 'code,name\r\nE01999001,"Synthetic, ""One"""\r\nE01999002,"Two\r\nlines"\r\n';
    const whole = parseCsvRows(text);
    for (let size = 1; size <= 7; size++) {
      const reader = new CsvReader();
      const rows: string[][] = [];
      for (let i = 0; i < text.length; i += size)
        rows.push(...reader.push(text.slice(i, i + size)));
      rows.push(...reader.end());
      expect(rows).toEqual(whole);
    }
  });
});

describe("parseCsv", () => {
  it("keys records by the header", () => {
    expect(parseCsv("code,name\nE01999001,Synthetic 001A\n")).toEqual([
      { code: "E01999001", name: "Synthetic 001A" },
    ]);
  });

  it("rejects a record with the wrong number of fields", () => {
    expect(() => parseCsv("a,b\n1,2,3\n")).toThrow(/record 2 has 3 fields, the header has 2/);
  });

  it("returns nothing for empty text", () => {
    expect(parseCsv("")).toEqual([]);
  });
});
