import { fileURLToPath } from "node:url";
import { History } from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import { buildTrusts, trustFileDate } from "./organisations.js";
import { rawFromTexts, readRawDir } from "./raw.js";

const raw = rawFromTexts(readRawDir(fileURLToPath(new URL("../../raw", import.meta.url))));

describe("buildTrusts", async () => {
  const { organisations, successions } = await buildTrusts(raw);
  const etr = new Map(raw.csv("trusts").map((row) => [row.ods_code, row]));

  it("applies no trust's name to the years before the file says it bore it", () => {
    expect(new Set(organisations.map((o) => o.id)).size).toBe(etr.size);
    for (const trust of organisations) {
      const code = trust.codes[0]?.value ?? "";
      const row = etr.get(code);
      const close = row?.close_date ?? "";
      const namedFrom = close !== "" && close < trustFileDate ? close : trustFileDate;
      if (trust.name === row?.name) expect(trust.valid.from >= namedFrom, code).toBe(true);
      else expect(trust.name).toBe(`${code} (earlier name not recorded)`);
    }
    const rm3 = organisations.filter((o) => o.codes.some((c) => c.value === "RM3"));
    expect(rm3.map((v) => [v.name, v.valid.from, v.valid.to])).toEqual([
      ["RM3 (earlier name not recorded)", "1994-04-01", trustFileDate],
      ["NORTHERN CARE ALLIANCE NHS FOUNDATION TRUST", trustFileDate, null],
    ]);
  });

  it("dates a merger on the day the successor opens, the day after the predecessors' last day open", () => {
    const merger = successions.find((s) => s.note?.includes("merged into R0A"));
    expect(merger?.valid.from).toBe(etr.get("R0A")?.open_date);
    expect(merger?.valid.from).toBe("2017-10-01");
    for (const code of ["RM2", "RW3"]) {
      expect(etr.get(code)?.close_date).toBe("2017-09-30");
      const trust = organisations.filter((o) => o.codes.some((c) => c.value === code));
      expect(History.lifetime(trust)?.to).toBe(merger?.valid.from);
    }
    expect(merger?.provenance.derivation).toContain(
      "RM2 and RW3 have close_date 2017-09-30 and R0A has open_date 2017-10-01",
    );
  });
});
