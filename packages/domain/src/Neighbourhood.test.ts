import { describe, expect, it } from "vitest";
import { Footprint, LsoaCode, Neighbourhood } from "./Neighbourhood.js";

const neighbourhood = {
  id: "nbh_00000001",
  name: "Synthetic North",
  placeId: "plc_00000001",
  schemeId: "nsc_00000001",
  footprint: { lsoas: ["E01999001", "E01999002"], pcnIds: [], practiceIds: [] },
  valid: { from: "2023-01-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = Neighbourhood.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("Neighbourhood", () => {
  it("accepts a geographic, a registered-population and a mixed footprint", () => {
    expect(Neighbourhood.parse(neighbourhood)).toEqual(neighbourhood);
    const registered = { ...neighbourhood, footprint: { pcnIds: ["org_00000001"] } };
    expect(Neighbourhood.parse(registered).footprint).toEqual({
      lsoas: [],
      pcnIds: ["org_00000001"],
      practiceIds: [],
    });
    const mixed = {
      ...neighbourhood,
      footprint: { lsoas: ["E01999001"], practiceIds: ["org_00000002"] },
    };
    expect(Neighbourhood.parse(mixed).footprint.practiceIds).toEqual(["org_00000002"]);
  });

  it("accepts a population figure with its source and date", () => {
    const population = {
      value: 41_000,
      basis: "registered",
      date: "2023-01-01",
      source: "synthetic",
    };
    expect(Neighbourhood.parse({ ...neighbourhood, population }).population).toEqual(population);
  });

  it.each([
    ["a place id", { id: "plc_00000001" }, "id", /neighbourhood id \(nbh_…\)/],
    ["an empty name", { name: "" }, "name", /must not be empty/],
    ["a place id of the wrong kind", { placeId: "nbh_00000002" }, "placeId", /place id/],
    ["no scheme", { schemeId: undefined }, "schemeId", /neighbourhoodScheme id|expected string/],
    [
      "an empty footprint",
      { footprint: {} },
      "footprint",
      "a footprint needs at least one LSOA, PCN or practice",
    ],
    [
      "an MSOA code among the LSOAs",
      { footprint: { lsoas: ["E01999001", "E02999001"] } },
      "footprint.lsoas.1",
      "must be an LSOA code, E01 + 6 digits",
    ],
    [
      "a PCN id of the wrong kind",
      { footprint: { pcnIds: ["nbh_00000001"] } },
      "footprint.pcnIds.0",
      /organisation id/,
    ],
    [
      "a negative population",
      { population: { value: -1, basis: "resident", date: "2021-03-21", source: "synthetic" } },
      "population.value",
      />=0/,
    ],
    [
      "a population without a source",
      { population: { value: 41_000, basis: "resident", date: "2021-03-21" } },
      "population.source",
      /expected string/,
    ],
    [
      "a bad valid period",
      { valid: { from: "2023-01-01", to: "2023-01-01" } },
      "valid.to",
      /after from/,
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...neighbourhood, ...patch })).toContainEqual({
      path,
      message: typeof message === "string" ? message : expect.stringMatching(message),
    });
  });
});

describe("LsoaCode / Footprint", () => {
  it.each(["E01999001", "E01000001"])("accepts LSOA code %s", (code) => {
    expect(LsoaCode.parse(code)).toBe(code);
  });

  it.each(["E0199900", "E019990011", "W01999001", "e01999001", "E01 999001"])(
    "rejects LSOA code %j",
    (code) => {
      expect(LsoaCode.safeParse(code).success).toBe(false);
    },
  );

  it("fills absent parts of a footprint with empty lists", () => {
    expect(Footprint.parse({ lsoas: ["E01999001"] })).toEqual({
      lsoas: ["E01999001"],
      pcnIds: [],
      practiceIds: [],
    });
  });
});
