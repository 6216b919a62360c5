import { describe, expect, it } from "vitest";
import { Collaborative, CollaborativePurpose } from "./Collaborative.js";

const collaborative = {
  id: "col_00000001",
  name: "Synthetic Acute Collaborative",
  level: "system",
  systemId: "sys_00000001",
  purposes: ["mutual-aid-resilience"],
  valid: { from: "2022-07-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = Collaborative.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("Collaborative", () => {
  it("accepts a collaborative at each level with its scope", () => {
    expect(Collaborative.parse(collaborative)).toEqual({ ...collaborative, strategyLinks: [] });
    const place = {
      ...collaborative,
      level: "place",
      systemId: undefined,
      placeId: "plc_00000001",
    };
    expect(Collaborative.parse(place).placeId).toBe("plc_00000001");
    const neighbourhood = {
      ...collaborative,
      level: "neighbourhood",
      systemId: undefined,
      neighbourhoodId: "nbh_00000001",
    };
    expect(Collaborative.parse(neighbourhood).neighbourhoodId).toBe("nbh_00000001");
  });

  it("accepts several purposes, a description and strategy links", () => {
    const full = {
      ...collaborative,
      purposes: CollaborativePurpose.options,
      description: "Synthetic",
      strategyLinks: ["str_00000001"],
    };
    expect(Collaborative.parse(full)).toEqual(full);
    expect(CollaborativePurpose.options).toEqual([
      "reduce-unwarranted-variation",
      "mutual-aid-resilience",
      "specialisation-consolidation",
      "integration",
    ]);
  });

  it.each([
    [
      "a place-level collaborative with only a systemId",
      { level: "place" },
      "placeId",
      "a place-level collaborative needs a placeId",
    ],
    [
      "a place-level collaborative with only a neighbourhoodId",
      { level: "place", systemId: undefined, neighbourhoodId: "nbh_00000001" },
      "placeId",
      "a place-level collaborative needs a placeId",
    ],
    [
      "a neighbourhood-level collaborative with only a placeId",
      { level: "neighbourhood", placeId: "plc_00000001" },
      "neighbourhoodId",
      "a neighbourhood-level collaborative needs a neighbourhoodId",
    ],
    [
      "a system-level collaborative with only a placeId",
      { systemId: undefined, placeId: "plc_00000001" },
      "systemId",
      "a system-level collaborative needs a systemId",
    ],
    ["no purposes", { purposes: [] }, "purposes", "name at least one purpose"],
    [
      "an unknown purpose",
      { purposes: ["profit"] },
      "purposes.0",
      expect.stringMatching(/mutual-aid-resilience/),
    ],
    [
      "a strategy link of the wrong kind",
      { strategyLinks: ["col_00000002"] },
      "strategyLinks.0",
      "must be a strategyElement id (str_…)",
    ],
    [
      "a neighbourhood id of the wrong kind",
      { level: "neighbourhood", neighbourhoodId: "plc_00000001" },
      "neighbourhoodId",
      "must be a neighbourhood id (nbh_…)",
    ],
    ["an empty name", { name: "" }, "name", "must not be empty"],
    ["a team id", { id: "int_00000001" }, "id", "must be a collaborative id (col_…)"],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...collaborative, ...patch })).toContainEqual({ path, message });
  });
});
