import { describe, expect, it } from "vitest";
import { RuleId, RuleInfo, ruleCatalogue, ruleIds, ruleSeverity } from "./Rule.js";

describe("ruleCatalogue", () => {
  it("describes every rule id once, as a valid RuleInfo", () => {
    expect([...ruleIds].sort()).toEqual([...RuleId.options].sort());
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const rule of ruleCatalogue) expect(RuleInfo.parse(rule)).toEqual(rule);
  });

  it("gives warnings only for the advisory rules", () => {
    expect(ruleIds.filter((id) => ruleSeverity[id] === "warning")).toEqual([
      "coverage-gap",
      "population-band",
      "duplicate-code",
    ]);
  });

  it("rejects an unknown rule id", () => {
    expect(RuleId.safeParse("no-such-rule").success).toBe(false);
  });
});
