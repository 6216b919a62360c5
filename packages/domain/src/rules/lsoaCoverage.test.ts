import { describe, expect, it } from "vitest";
import {
  districtCode,
  idOf,
  lsoa,
  lsoaCode,
  neighbourhood,
  period,
  place,
  scheme,
  snapshot,
} from "../testing/syntheticRecords.js";
import { checkCoverageGap, checkFootprintOutsidePlace, checkLsoaOverlap } from "./lsoaCoverage.js";

const lsoas = [1, 2, 3, 4].map((n) => lsoa(lsoaCode(n), districtCode(1)));

describe("lsoa-overlap", () => {
  it("passes LSOAs in one neighbourhood each, and the same LSOA in two schemes", () => {
    const s = snapshot({
      lsoas,
      neighbourhoods: [
        neighbourhood(1, { footprint: { lsoas: [lsoaCode(1), lsoaCode(2)] } }),
        neighbourhood(2, { footprint: { lsoas: [lsoaCode(3), lsoaCode(4)] } }),
        neighbourhood(3, {
          schemeId: idOf("neighbourhoodScheme", 2),
          footprint: { lsoas: [lsoaCode(1), lsoaCode(3)] },
        }),
      ],
    });
    expect(checkLsoaOverlap(s)).toEqual([]);
  });

  it("passes an LSOA that moves from one neighbourhood to another", () => {
    const s = snapshot({
      neighbourhoods: [
        neighbourhood(1, {
          footprint: { lsoas: [lsoaCode(1)] },
          valid: period("2020-01-01", "2023-04-01"),
        }),
        neighbourhood(2, { footprint: { lsoas: [lsoaCode(1)] }, valid: period("2023-04-01") }),
      ],
    });
    expect(checkLsoaOverlap(s)).toEqual([]);
  });

  it("reports LSOAs in two neighbourhoods of one scheme at once, grouped per pair and period", () => {
    const s = snapshot({
      lsoas,
      neighbourhoods: [
        neighbourhood(1, { footprint: { lsoas: [lsoaCode(1), lsoaCode(2), lsoaCode(3)] } }),
        neighbourhood(2, {
          footprint: { lsoas: [lsoaCode(2), lsoaCode(3), lsoaCode(4)] },
          valid: period("2022-01-01"),
        }),
      ],
    });
    const findings = checkLsoaOverlap(s);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "lsoa-overlap",
      severity: "error",
      subjects: ["nsc_0000000001", "nbh_0000000001", "nbh_0000000002", lsoaCode(2), lsoaCode(3)],
    });
    expect(findings[0]?.message).toContain(
      `2 LSOAs ${lsoaCode(2)}, ${lsoaCode(3)}, from 2022-01-01`,
    );
  });
});

describe("coverage-gap", () => {
  const base = {
    lsoas,
    places: [place(1)],
    neighbourhoodSchemes: [scheme(1)],
  };

  it("passes a scheme whose neighbourhoods cover every LSOA of the place", () => {
    const s = snapshot({
      ...base,
      neighbourhoods: [
        neighbourhood(1, { footprint: { lsoas: [lsoaCode(1), lsoaCode(2)] } }),
        neighbourhood(2, { footprint: { lsoas: [lsoaCode(3), lsoaCode(4)] } }),
      ],
    });
    expect(checkCoverageGap(s)).toEqual([]);
  });

  it("reports LSOAs in no neighbourhood, with the period of the gap", () => {
    const s = snapshot({
      ...base,
      neighbourhoods: [
        neighbourhood(1, { footprint: { lsoas: [lsoaCode(1), lsoaCode(2)] } }),
        neighbourhood(2, {
          footprint: { lsoas: [lsoaCode(3)] },
          valid: period("2020-01-01", "2023-01-01"),
        }),
      ],
    });
    const findings = checkCoverageGap(s);
    expect(findings.map((f) => f.subjects)).toEqual([
      ["nsc_0000000001", "plc_0000000001", lsoaCode(3)],
      ["nsc_0000000001", "plc_0000000001", lsoaCode(4)],
    ]);
    expect(findings[0]?.severity).toBe("warning");
    expect(findings[0]?.message).toContain(
      'neighbourhood scheme "Synthetic Scheme 1" (nsc_0000000001) leaves 1 of the 4 LSOAs of place "Synthetic Place 1" (GSS E08999001, plc_0000000001) in no neighbourhood from 2023-01-01 (open-ended)',
    );
    expect(findings[1]?.message).toContain("from 2020-01-01 (open-ended)");
  });

  it("checks one date with the date option", () => {
    const s = snapshot({
      ...base,
      neighbourhoods: [
        neighbourhood(1, { footprint: { lsoas: [lsoaCode(1), lsoaCode(2)] } }),
        neighbourhood(2, {
          footprint: { lsoas: [lsoaCode(3), lsoaCode(4)] },
          valid: period("2022-01-01"),
        }),
      ],
    });
    expect(checkCoverageGap(s, { date: "2023-01-01" })).toEqual([]);
    const before = checkCoverageGap(s, { date: "2021-01-01" });
    expect(before.map((f) => f.subjects)).toEqual([
      ["nsc_0000000001", "plc_0000000001", lsoaCode(3), lsoaCode(4)],
    ]);
    expect(before[0]?.message).toContain("on 2021-01-01");
  });

  it("does not check registered-population schemes, or places where a scheme has no LSOA footprints", () => {
    const s = snapshot({
      lsoas: [...lsoas, lsoa(lsoaCode(5), districtCode(2))],
      places: [place(1), place(2)],
      neighbourhoodSchemes: [scheme(1), scheme(2, { basis: "registered-population" })],
      neighbourhoods: [
        neighbourhood(1, {
          footprint: { lsoas: [lsoaCode(1), lsoaCode(2), lsoaCode(3), lsoaCode(4)] },
        }),
        neighbourhood(2, {
          schemeId: idOf("neighbourhoodScheme", 2),
          footprint: { lsoas: [lsoaCode(1)] },
        }),
        neighbourhood(3, {
          placeId: idOf("place", 2),
          footprint: { pcnIds: [idOf("organisation", 1)] },
        }),
      ],
    });
    expect(checkCoverageGap(s)).toEqual([]);
  });
});

describe("footprint-outside-place", () => {
  it("passes LSOAs in the place's district", () => {
    const s = snapshot({ lsoas, places: [place(1)], neighbourhoods: [neighbourhood(1)] });
    expect(checkFootprintOutsidePlace(s)).toEqual([]);
  });

  it("reports LSOAs of another district", () => {
    const s = snapshot({
      lsoas: [...lsoas, lsoa(lsoaCode(8), districtCode(2))],
      places: [place(1)],
      neighbourhoods: [neighbourhood(1, { footprint: { lsoas: [lsoaCode(1), lsoaCode(8)] } })],
    });
    const findings = checkFootprintOutsidePlace(s);
    expect(findings.map((f) => f.subjects)).toEqual([
      ["nbh_0000000001", "plc_0000000001", lsoaCode(8)],
    ]);
    expect(findings[0]?.message).toContain(`LSOA ${lsoaCode(8)} in its footprint outside place`);
    expect(findings[0]?.message).toContain(`(district ${districtCode(1)})`);
  });

  it("does not check places without a GSS district code", () => {
    const s = snapshot({
      lsoas: [lsoa(lsoaCode(8), districtCode(2))],
      places: [place(1, { codes: [] })],
      neighbourhoods: [neighbourhood(1, { footprint: { lsoas: [lsoaCode(8)] } })],
    });
    expect(checkFootprintOutsidePlace(s)).toEqual([]);
  });
});
