import type { PostcodeRecord } from "@care-atlas/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PostcodeTable, PostcodeTableBuilder } from "./PostcodeTable.js";

const record = (postcode: string, extra: Partial<PostcodeRecord> = {}): PostcodeRecord => ({
  postcode,
  lsoaCode: "E01999001",
  introduced: "1980-01",
  terminated: null,
  ...extra,
});

const full = record("ZZ9 9ZA", {
  lsoaCode: "E01999002",
  introduced: "1998-06",
  terminated: "2024-01",
  point: { lat: 53.456789, lon: -2.312345 },
  wardCode: "E05999001",
  districtCode: "E08999001",
  source: "synthetic",
});

describe("PostcodeTable", () => {
  it("answers each record as given, every field kept, and nothing for another postcode", () => {
    const table = PostcodeTable.from([record("ZZ9 9ZB"), full, record("Z1 1ZZ")]);
    expect(table.size).toBe(3);
    expect(table.get("ZZ9 9ZA")).toEqual(full);
    expect(table.get("ZZ9 9ZB")).toEqual(record("ZZ9 9ZB"));
    expect(table.get("Z1 1ZZ")).toEqual(record("Z1 1ZZ"));
    expect(table.get("ZZ9 9ZC")).toBeUndefined();
    expect(table.get("ZZ9 9Z")).toBeUndefined();
    expect(table.get("")).toBeUndefined();
    expect(table.get("ZZ99 9ZAA")).toBeUndefined();
  });

  it("lists its records in postcode order (the order of JavaScript's string comparison)", () => {
    const table = PostcodeTable.from([record("M32 0JG"), record("M1 1AA"), record("BL1 1RU")]);
    expect([...table].map((r) => r.postcode)).toEqual(["BL1 1RU", "M1 1AA", "M32 0JG"]);
  });

  it("keeps the last record given for a postcode", () => {
    const table = PostcodeTable.from([record("ZZ9 9ZA"), full]);
    expect(table.size).toBe(1);
    expect(table.get("ZZ9 9ZA")).toEqual(full);
    expect(
      PostcodeTable.from([full])
        .withRecords([record("ZZ9 9ZA")])
        .get("ZZ9 9ZA"),
    ).toEqual(record("ZZ9 9ZA"));
  });

  it("puts records in place, keeping the others", () => {
    const table = PostcodeTable.from([record("ZZ9 9ZB"), full]).withRecords([record("ZZ9 9ZC")]);
    expect([...table].map((r) => r.postcode)).toEqual(["ZZ9 9ZA", "ZZ9 9ZB", "ZZ9 9ZC"]);
    expect(table.get("ZZ9 9ZA")).toEqual(full);
  });

  it("merges another table's rows in, each replacing the row of its postcode", () => {
    const table = PostcodeTable.from([record("ZZ9 9ZB"), full, record("Z1 1ZZ")]);
    const merged = table.merge(
      PostcodeTable.from([record("ZZ9 9ZA"), record("A1 1AA"), record("ZZ9 9ZC")]),
    );
    expect([...merged]).toEqual([
      record("A1 1AA"),
      record("Z1 1ZZ"),
      record("ZZ9 9ZA"),
      record("ZZ9 9ZB"),
      record("ZZ9 9ZC"),
    ]);
    expect([...table.merge(PostcodeTable.empty)]).toEqual([...table]);
    expect([...PostcodeTable.empty.merge(table)]).toEqual([...table]);
  });

  it("comes back from its binary image as it was", () => {
    const table = PostcodeTable.from([record("ZZ9 9ZB"), full, record("Z1 1ZZ")]);
    const image = table.toBytes();
    // At an odd offset, as a database driver may hand it over.
    const shifted = new Uint8Array(image.byteLength + 3);
    shifted.set(image, 3);
    const back = PostcodeTable.fromBytes(shifted.subarray(3));
    expect([...back]).toEqual([...table]);
    expect(PostcodeTable.fromBytes(PostcodeTable.empty.toBytes()).size).toBe(0);
  });

  it("refuses bytes that are not an image", () => {
    expect(() => PostcodeTable.fromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(
      /not a postcode table image/,
    );
    const image = PostcodeTable.from([full]).toBytes();
    expect(() => PostcodeTable.fromBytes(image.subarray(0, image.byteLength - 8))).toThrow(
      /truncated/,
    );
  });

  it("holds postcodes compactly: code indexes as narrow as their tables, points in millionths", () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      record(`ZZ${Math.floor(i / 100) + 1} ${i % 10}${"ABDEFGHJLN"[Math.floor(i / 10) % 10]}Z`, {
        lsoaCode: `E01${String(i).padStart(6, "0")}`,
        point: { lat: (53_456_789 + i) / 1e6, lon: (-2_312_345 - i) / 1e6 },
        wardCode: `E05${String(i % 7).padStart(6, "0")}`,
        districtCode: "E08000009",
        source: "synthetic",
      }),
    );
    const table = PostcodeTable.from(rows);
    // Keys 8, months 4, point 8, LSOA 2 (300 codes), ward, district and source 1 each.
    expect(table.byteLength / table.size).toBe(25);
    expect([...table]).toEqual([...rows].sort((a, b) => (a.postcode < b.postcode ? -1 : 1)));
    expect([...PostcodeTable.fromBytes(table.toBytes())]).toEqual([...table]);
  });

  it("keeps a point finer than a millionth of a degree exactly, and codes past 65,535", () => {
    const fine = record("ZZ9 9ZD", { point: { lat: 53.4567891234, lon: -2.3 } });
    const many = Array.from({ length: 70_000 }, (_, i) =>
      record(`Z${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 2600)} ${i % 10}ZZ`, {
        lsoaCode: `E01${String(i).padStart(6, "0")}`,
      }),
    );
    const table = PostcodeTable.from([fine, ...many]);
    expect(table.get("ZZ9 9ZD")).toEqual(fine);
    const back = PostcodeTable.fromBytes(table.toBytes());
    expect(back.get("ZZ9 9ZD")).toEqual(fine);
    for (const row of [many[0], many[35_000], many[69_999]]) {
      expect(back.get(row?.postcode ?? "")).toEqual(table.get(row?.postcode ?? ""));
    }
    expect(new Set([...back].map((r) => r.lsoaCode)).size).toBe(table.size);
  });

  it("refuses an image of another version (the store then reads the rows again)", () => {
    const image = PostcodeTable.from([full]).toBytes();
    const view = new DataView(image.buffer, image.byteOffset);
    const header = new TextDecoder().decode(image.subarray(8, 8 + view.getUint32(4, true)));
    const older = new TextEncoder().encode(header.replace('"version":2', '"version":1'));
    image.set(older, 8);
    expect(() => PostcodeTable.fromBytes(image)).toThrow(/version 1, not 2/);
  });

  it("refuses a postcode that is not canonical text", () => {
    expect(() => new PostcodeTableBuilder().add(record("ZZ99 9ZAAA"))).toThrow(/canonical/);
  });

  it("finds every postcode of a random set, in sorted order, as a Map would", () => {
    const postcode = fc
      .tuple(fc.stringMatching(/^[A-Z]{1,2}\d[A-Z\d]?$/), fc.stringMatching(/^\d[A-Z]{2}$/))
      .map(([outward, inward]) => `${outward} ${inward}`);
    fc.assert(
      fc.property(
        fc.array(postcode, { maxLength: 60 }),
        fc.array(postcode, { maxLength: 10 }),
        (given, asked) => {
          const table = PostcodeTable.from(given.map((p) => record(p)));
          const held = new Set(given);
          expect([...table].map((r) => r.postcode)).toEqual([...held].sort());
          // Misses in the outward codes it holds, too: the search is within an outward code.
          const near = [...given, ...asked].flatMap((p) => [`${p.slice(0, -1)}A`, `${p}\u0000`]);
          for (const p of [...given, ...asked, ...near]) {
            expect(table.get(p)?.postcode).toBe(held.has(p) ? p : undefined);
          }
        },
      ),
    );
  });
});
