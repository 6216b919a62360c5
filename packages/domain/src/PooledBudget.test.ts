import { describe, expect, it } from "vitest";
import { Contribution, PooledBudget, PooledBudgetYear } from "./PooledBudget.js";

const year = {
  financialYear: "2023/24",
  totalPence: 300,
  contributions: [
    { organisationId: "org_00000001", amountPence: 100 },
    { organisationId: "org_00000002", amountPence: 200 },
  ],
};
const budget = {
  id: "pbg_00000001",
  name: "Synthetic Better Care Fund",
  hostId: "org_00000001",
  partnerIds: ["org_00000002"],
  years: [year],
  valid: { from: "2023-04-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = PooledBudget.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("PooledBudget", () => {
  it("accepts a pooled budget with its years", () => {
    expect(PooledBudget.parse(budget)).toEqual({ ...budget, strategyLinks: [] });
  });

  it("fills defaults: no partners, no years, no strategy links", () => {
    const { partnerIds: _p, years: _y, ...bare } = budget;
    expect(PooledBudget.parse(bare)).toEqual({
      ...bare,
      partnerIds: [],
      years: [],
      strategyLinks: [],
    });
  });

  it("accepts a place, a governing body and strategy links", () => {
    const full = {
      ...budget,
      placeId: "plc_00000001",
      governedById: "gov_00000001",
      strategyLinks: ["str_00000001"],
    };
    expect(PooledBudget.parse(full)).toEqual(full);
  });

  it.each([
    ["a decision id", { id: "dec_00000001" }, "id", "must be a pooledBudget id (pbg_…)"],
    ["an empty name", { name: "" }, "name", "must not be empty"],
    [
      "a host of the wrong kind",
      { hostId: "gov_00000001" },
      "hostId",
      "must be an organisation id (org_…)",
    ],
    [
      "a partner of the wrong kind",
      { partnerIds: ["plc_00000001"] },
      "partnerIds.0",
      "must be an organisation id (org_…)",
    ],
    [
      "a governing body of the wrong kind",
      { governedById: "org_00000001" },
      "governedById",
      "must be a governanceBody id (gov_…)",
    ],
    [
      "a bad financial year",
      { years: [{ ...year, financialYear: "2023/25" }] },
      "years.0.financialYear",
      "the second year must follow the first, as in 2016/17",
    ],
    [
      "a malformed financial year",
      { years: [{ ...year, financialYear: "2023-24" }] },
      "years.0.financialYear",
      "must be a financial year such as 2016/17",
    ],
    [
      "a fractional total",
      { years: [{ ...year, totalPence: 300.5 }] },
      "years.0.totalPence",
      "must be a whole number of pence",
    ],
    [
      "a fractional contribution",
      {
        years: [
          { ...year, contributions: [{ organisationId: "org_00000001", amountPence: 0.01 }] },
        ],
      },
      "years.0.contributions.0.amountPence",
      "must be a whole number of pence",
    ],
    [
      "a negative contribution",
      {
        years: [{ ...year, contributions: [{ organisationId: "org_00000001", amountPence: -1 }] }],
      },
      "years.0.contributions.0.amountPence",
      expect.stringMatching(/>=0/),
    ],
    [
      "a year without contributions",
      { years: [{ ...year, contributions: [] }] },
      "years.0.contributions",
      expect.stringMatching(/>=1/),
    ],
    [
      "a contributor of the wrong kind",
      {
        years: [{ ...year, contributions: [{ organisationId: "gov_00000001", amountPence: 300 }] }],
      },
      "years.0.contributions.0.organisationId",
      "must be an organisation id (org_…)",
    ],
    [
      "valid.to equal to valid.from",
      { valid: { from: "2023-04-01", to: "2023-04-01" } },
      "valid.to",
      "to must be after from",
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...budget, ...patch })).toContainEqual({ path, message });
  });

  it("leaves the sum of contributions to the rules (a schema cannot see the budget rule)", () => {
    // The pooled-budget-sum rule reports this; the schema accepts it.
    expect(PooledBudgetYear.safeParse({ ...year, totalPence: 301 }).success).toBe(true);
    expect(Contribution.parse({ organisationId: "org_00000001", amountPence: 0 }).amountPence).toBe(
      0,
    );
  });
});
