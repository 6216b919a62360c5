import { describe, expect, it } from "vitest";
import {
  idOf,
  neighbourhood,
  period,
  place,
  scheme,
  snapshot,
  system,
} from "../testing/syntheticRecords.js";
import { checkNeighbourhoodNesting } from "./neighbourhoodNesting.js";

describe("neighbourhood-nesting", () => {
  it("passes a neighbourhood inside its place and its place-restricted scheme", () => {
    const s = snapshot({
      systems: [system(1)],
      places: [place(1)],
      neighbourhoodSchemes: [scheme(1, { placeId: idOf("place", 1) })],
      neighbourhoods: [neighbourhood(1, { valid: period("2021-01-01") })],
    });
    expect(checkNeighbourhoodNesting(s)).toEqual([]);
  });

  it("reports a neighbourhood that outlives its place", () => {
    const s = snapshot({
      places: [place(1, { valid: period("2020-01-01", "2023-01-01") })],
      neighbourhoodSchemes: [scheme(1)],
      neighbourhoods: [neighbourhood(1, { valid: period("2021-01-01") })],
    });
    const findings = checkNeighbourhoodNesting(s);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.subjects).toEqual(["nbh_0000000001", "plc_0000000001"]);
    expect(findings[0]?.message).toContain(
      'neighbourhood "Synthetic Neighbourhood 1" (nbh_0000000001) is in place "Synthetic Place 1" (GSS E08999001, plc_0000000001)',
    );
    expect(findings[0]?.message).toContain("exists only 2020-01-01 to 2023-01-01");
  });

  it("reports a neighbourhood in a place other than its scheme's place", () => {
    const s = snapshot({
      places: [place(1), place(2)],
      neighbourhoodSchemes: [scheme(1, { placeId: idOf("place", 2) })],
      neighbourhoods: [neighbourhood(1)],
    });
    const findings = checkNeighbourhoodNesting(s);
    expect(findings.map((f) => f.subjects)).toEqual([
      ["nbh_0000000001", "nsc_0000000001", "plc_0000000001", "plc_0000000002"],
    ]);
    expect(findings[0]?.message).toContain('covers only place "Synthetic Place 2"');
  });

  it("reports a neighbourhood outside its scheme's lifetime", () => {
    const s = snapshot({
      places: [place(1)],
      neighbourhoodSchemes: [scheme(1, { valid: period("2022-01-01") })],
      neighbourhoods: [neighbourhood(1, { valid: period("2021-01-01") })],
    });
    expect(checkNeighbourhoodNesting(s).map((f) => f.subjects)).toEqual([
      ["nbh_0000000001", "nsc_0000000001"],
    ]);
  });

  it("reports a place of another system than the scheme's", () => {
    const s = snapshot({
      systems: [system(1), system(2)],
      places: [place(1, { systemId: idOf("system", 2) })],
      neighbourhoodSchemes: [scheme(1)],
      neighbourhoods: [neighbourhood(1)],
    });
    const findings = checkNeighbourhoodNesting(s);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('belongs to system "Synthetic System 1"');
  });

  it("checks a place restriction only where the scheme version overlaps", () => {
    const s = snapshot({
      places: [place(1), place(2)],
      neighbourhoodSchemes: [
        scheme(1, { placeId: idOf("place", 2), valid: period("2020-01-01", "2022-01-01") }),
        scheme(1, { valid: period("2022-01-01") }),
      ],
      neighbourhoods: [neighbourhood(1, { valid: period("2022-01-01") })],
    });
    expect(checkNeighbourhoodNesting(s)).toEqual([]);
  });
});
