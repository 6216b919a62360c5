import { describe, expect, it } from "vitest";
import { Decision } from "./Decision.js";

const decision = {
  id: "dec_00000001",
  bodyId: "gov_00000001",
  title: "Synthetic community equipment contract",
  date: "2023-05-01",
  valuePence: 25_000_000,
  serviceArea: "synthetic service area",
  valid: { from: "2023-05-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = Decision.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("Decision", () => {
  it("accepts a decision and fills its defaults", () => {
    expect(Decision.parse(decision)).toEqual({ ...decision, providerIds: [], strategyLinks: [] });
  });

  it("accepts providers, a pooled budget and strategy links", () => {
    const full = {
      ...decision,
      providerIds: ["org_00000001", "org_00000002"],
      pooledBudgetId: "pbg_00000001",
      strategyLinks: ["str_00000001"],
      valuePence: 0,
    };
    expect(Decision.parse(full)).toEqual(full);
  });

  it.each([
    ["a budget id", { id: "pbg_00000001" }, "id", "must be a decision id (dec_…)"],
    [
      "a body of the wrong kind",
      { bodyId: "org_00000001" },
      "bodyId",
      "must be a governanceBody id (gov_…)",
    ],
    ["an empty title", { title: "   " }, "title", "must not be empty"],
    ["a bad date", { date: "2023-02-29" }, "date", "must be a date, YYYY-MM-DD"],
    ["a date with a time", { date: "2023-05-01T10:00:00Z" }, "date", "must be a date, YYYY-MM-DD"],
    [
      "a value in pounds and pence",
      { valuePence: 250_000.5 },
      "valuePence",
      "must be a whole number of pence",
    ],
    ["a negative value", { valuePence: -1 }, "valuePence", expect.stringMatching(/>=0/)],
    [
      "a value as text",
      { valuePence: "25000000" },
      "valuePence",
      expect.stringMatching(/expected number/),
    ],
    ["an empty service area", { serviceArea: "" }, "serviceArea", expect.stringMatching(/>=1/)],
    [
      "a provider of the wrong kind",
      { providerIds: ["gov_00000002"] },
      "providerIds.0",
      "must be an organisation id (org_…)",
    ],
    [
      "a pooled budget of the wrong kind",
      { pooledBudgetId: "dec_00000002" },
      "pooledBudgetId",
      "must be a pooledBudget id (pbg_…)",
    ],
    [
      "a strategy link of the wrong kind",
      { strategyLinks: ["gov_00000002"] },
      "strategyLinks.0",
      "must be a strategyElement id (str_…)",
    ],
    [
      "valid.to before valid.from",
      { valid: { from: "2023-05-01", to: "2023-04-01" } },
      "valid.to",
      "to must be after from",
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...decision, ...patch })).toContainEqual({ path, message });
  });
});
