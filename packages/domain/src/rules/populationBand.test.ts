import { describe, expect, it } from "vitest";
import { neighbourhood, snapshot } from "../testing/syntheticRecords.js";
import { checkPopulationBand } from "./populationBand.js";

const withPopulation = (n: number, value: number) =>
  neighbourhood(n, {
    population: { value, basis: "resident", date: "2021-03-21", source: "synthetic" },
  });

describe("population-band", () => {
  it("passes populations inside the band, its ends included, and neighbourhoods without a figure", () => {
    const s = snapshot({
      neighbourhoods: [
        withPopulation(1, 30_000),
        withPopulation(2, 50_000),
        withPopulation(3, 41_000),
        neighbourhood(4),
      ],
    });
    expect(checkPopulationBand(s)).toEqual([]);
  });

  it("warns about populations below and above the band", () => {
    const s = snapshot({ neighbourhoods: [withPopulation(1, 29_999), withPopulation(2, 50_001)] });
    const findings = checkPopulationBand(s);
    expect(findings.map((f) => [f.subjects, f.severity])).toEqual([
      [["nbh_0000000001"], "warning"],
      [["nbh_0000000002"], "warning"],
    ]);
    expect(findings[0]?.message).toContain("has 29,999 people");
    expect(findings[0]?.message).toContain("below the band of 30,000–50,000");
    expect(findings[1]?.message).toContain("above the band");
  });

  it("takes the band as an option", () => {
    const s = snapshot({ neighbourhoods: [withPopulation(1, 12_000)] });
    expect(checkPopulationBand(s, { populationBand: { min: 10_000, max: 20_000 } })).toEqual([]);
    expect(checkPopulationBand(s, { populationBand: { min: 15_000, max: 20_000 } })).toHaveLength(
      1,
    );
  });
});
