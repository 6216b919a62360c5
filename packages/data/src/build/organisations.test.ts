import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildTrusts } from "./organisations.js";
import { rawFromTexts, readRawDir } from "./raw.js";

const raw = rawFromTexts(readRawDir(fileURLToPath(new URL("../../raw", import.meta.url))));

describe("buildTrusts", () => {
  const { organisations, successions } = buildTrusts(raw);
  const etr = new Map(raw.csv("trusts").map((row) => [row.ods_code, row]));

  it("dates a merger on the day the successor opens, the day after the predecessors' last day open", () => {
    const merger = successions.find((s) => s.note?.includes("merged into R0A"));
    expect(merger?.valid.from).toBe(etr.get("R0A")?.open_date);
    expect(merger?.valid.from).toBe("2017-10-01");
    for (const code of ["RM2", "RW3"]) {
      expect(etr.get(code)?.close_date).toBe("2017-09-30");
      const trust = organisations.find((o) => o.codes.some((c) => c.value === code));
      expect(trust?.valid.to).toBe(merger?.valid.from);
    }
    expect(merger?.provenance.derivation).toContain(
      "RM2 and RW3 have close_date 2017-09-30 and R0A has open_date 2017-10-01",
    );
  });
});
