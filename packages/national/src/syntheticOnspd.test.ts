import { readPostcodeColumns, Tally } from "@care-atlas/imports";
import { describe, expect, it } from "vitest";
import type { NationalLsoa } from "./derived.js";
import {
  onspdChunks,
  onspdColumns,
  syntheticPostcodes,
  unheldPostcodes,
  usedPerDistrict,
} from "./syntheticOnspd.js";

const lsoa = (n: number): NationalLsoa => ({
  code: `E0100${String(n).padStart(4, "0")}`,
  name: `Halton 00${n}A`,
  subIcb: { ods: "01F", ons: "E38000068", name: "NHS Cheshire and Merseyside ICB - 01F" },
  icb: { ods: "QYG", ons: "E54000008", name: "NHS Cheshire and Merseyside Integrated Care Board" },
  ward: { code: "E05009861", name: "Ladgate" },
  districtCode: "E06000006",
});
const lsoas = Array.from({ length: 50 }, (_, i) => lsoa(i + 1));

const text = (count: number, seed: number) =>
  [...onspdChunks(syntheticPostcodes(lsoas, count, seed), 1000)].join("");

describe("the synthetic ONSPD", () => {
  it("is the same for the same seed, and another for another", () => {
    expect(text(5000, 7)).toBe(text(5000, 7));
    expect(text(5000, 7)).not.toBe(text(5000, 8));
  });

  it("has ONSPD's header and reads as ONSPD: each postcode once, in its LSOA, with valid months", async () => {
    const file = text(8000, 7);
    expect(file.split("\n", 1)[0]).toBe(onspdColumns.join(","));
    const tally = new Tally();
    const { columns, directory, rows } = await readPostcodeColumns(file, tally);
    expect(directory).toBe("onspd");
    expect(columns.length).toBe(rows);
    expect(rows).toBeGreaterThan(6000);
    expect(rows).toBeLessThan(10_000);
    expect(tally.summary().counts.skipped).toBe(0);
    let terminated = 0;
    for (let i = 0; i < columns.length; i++) {
      const record = columns.record(i);
      expect(record.postcode).toMatch(/^Z[A-Y]\d{1,2} \d[A-Z]{2}$/);
      expect(lsoas.map((l) => l.code)).toContain(record.lsoaCode);
      expect(record).toMatchObject({ wardCode: "E05009861", districtCode: "E06000006" });
      expect(record.introduced).not.toBeNull();
      if (record.terminated !== null) {
        terminated++;
        expect(record.terminated > (record.introduced ?? "")).toBe(true);
        expect(record.terminated <= "2025-01").toBe(true);
      }
    }
    expect(terminated / rows).toBeGreaterThan(0.2);
    expect(terminated / rows).toBeLessThan(0.4);
  });

  it("leaves valid postcodes of its districts unheld, for misses", () => {
    const held = new Set([...syntheticPostcodes(lsoas, 8000, 7)].map((p) => p.postcode));
    const districts = Math.ceil(held.size / usedPerDistrict);
    const unheld = [...unheldPostcodes(7, districts)];
    expect(unheld.length).toBe(districts * 1000);
    for (const postcode of unheld) expect(held.has(postcode)).toBe(false);
  });
});
