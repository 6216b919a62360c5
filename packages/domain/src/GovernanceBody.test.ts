import { describe, expect, it } from "vitest";
import { Chair, GovernanceBody, GovernanceBodyKind } from "./GovernanceBody.js";

const body = {
  id: "gov_00000001",
  kind: "joint-commissioning-executive",
  name: "Synthetic Joint Commissioning Executive",
  level: "place",
  placeId: "plc_00000001",
  valid: { from: "2016-06-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = GovernanceBody.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("GovernanceBody", () => {
  it("accepts a place-level body and fills its defaults: not commissioning, no limit recorded", () => {
    expect(GovernanceBody.parse(body)).toEqual({
      ...body,
      commissions: false,
      delegatedLimitPence: null,
    });
  });

  it("accepts a system-level board with a chair, limits and a purpose", () => {
    const board = {
      ...body,
      kind: "partnership-board",
      level: "system",
      placeId: undefined,
      systemId: "sys_00000001",
      chair: { name: "Synthetic Chair", title: "Chair" },
      commissions: true,
      delegatedLimitPence: 50_000_000,
      responsibilityPence: 0,
      purpose: "Synthetic purpose",
    };
    const { placeId: _, ...expected } = board;
    expect(GovernanceBody.parse(board)).toEqual(expected);
  });

  it("has the six kinds", () => {
    expect(GovernanceBodyKind.options).toEqual([
      "partnership-board",
      "locality-board",
      "joint-commissioning-board",
      "joint-commissioning-executive",
      "committee",
      "other",
    ]);
  });

  it.each([
    [
      "a place-level body without a placeId",
      { placeId: undefined },
      "placeId",
      "a place-level body needs a placeId",
    ],
    [
      "a place id of the wrong kind",
      { placeId: "nbh_00000001" },
      "placeId",
      "must be a place id (plc_…)",
    ],
    ["a collaborative id", { id: "col_00000001" }, "id", "must be a governanceBody id (gov_…)"],
    ["an unknown kind", { kind: "cabinet" }, "kind", expect.stringMatching(/partnership-board/)],
    ["an unknown level", { level: "region" }, "level", expect.stringMatching(/system/)],
    ["an empty name", { name: "" }, "name", "must not be empty"],
    [
      "a fractional delegated limit",
      { delegatedLimitPence: 100.5 },
      "delegatedLimitPence",
      "must be a whole number of pence",
    ],
    [
      "a negative delegated limit",
      { delegatedLimitPence: -100 },
      "delegatedLimitPence",
      expect.stringMatching(/>=0/),
    ],
    [
      "a fractional responsibility",
      { responsibilityPence: 0.5 },
      "responsibilityPence",
      "must be a whole number of pence",
    ],
    ["a chair without a name", { chair: { name: "" } }, "chair.name", "must not be empty"],
    [
      "commissions that is not a boolean",
      { commissions: "yes" },
      "commissions",
      expect.stringMatching(/boolean/),
    ],
    [
      "valid.to before valid.from",
      { valid: { from: "2016-06-01", to: "2016-05-01" } },
      "valid.to",
      "to must be after from",
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...body, ...patch })).toContainEqual({ path, message });
  });

  it("does not need a placeId at system or neighbourhood level", () => {
    for (const level of ["system", "neighbourhood"]) {
      expect(GovernanceBody.safeParse({ ...body, level, placeId: undefined }).success).toBe(true);
    }
  });

  it("Chair needs a name, and a title only if given", () => {
    expect(Chair.parse({ name: "Synthetic Chair" })).toEqual({ name: "Synthetic Chair" });
    expect(Chair.safeParse({ name: "Synthetic Chair", title: "" }).error?.issues[0]?.path).toEqual([
      "title",
    ]);
  });
});
