import { describe, expect, it } from "vitest";
import { FootprintBasis, NeighbourhoodScheme, SchemeStatus } from "./NeighbourhoodScheme.js";

const scheme = {
  id: "nsc_00000001",
  name: "Synthetic PCN footprints",
  systemId: "sys_00000001",
  basis: "registered-population",
  status: "derived",
  valid: { from: "2023-01-01", to: null },
  provenance: { sources: ["synthetic"], derivation: "one neighbourhood per synthetic PCN" },
};

const issuesOf = (value: unknown) => {
  const result = NeighbourhoodScheme.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("NeighbourhoodScheme", () => {
  it("accepts a system-wide and a one-place scheme", () => {
    expect(NeighbourhoodScheme.parse(scheme)).toEqual(scheme);
    const onePlace = {
      ...scheme,
      placeId: "plc_00000001",
      basis: "geographic",
      status: "official",
    };
    expect(NeighbourhoodScheme.parse(onePlace)).toEqual(onePlace);
  });

  it("has the three bases and three statuses", () => {
    expect(FootprintBasis.options).toEqual(["geographic", "registered-population", "mixed"]);
    expect(SchemeStatus.options).toEqual(["official", "derived", "proposed"]);
  });

  it.each([
    ["a neighbourhood id", { id: "nbh_00000001" }, "id", /neighbourhoodScheme id \(nsc_…\)/],
    ["an empty name", { name: "" }, "name", /must not be empty/],
    ["a place id of the wrong kind", { placeId: "sys_00000001" }, "placeId", /place id/],
    ["an unknown basis", { basis: "postcode" }, "basis", /geographic/],
    ["an unknown status", { status: "draft" }, "status", /official/],
    [
      "valid.to before valid.from",
      { valid: { from: "2023-01-01", to: "2022-01-01" } },
      "valid.to",
      /after from/,
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...scheme, ...patch })).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });
});
