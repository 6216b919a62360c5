import { describe, expect, it } from "vitest";
import { body, decision, period, snapshot } from "../testing/syntheticRecords.js";
import { checkDelegatedLimit } from "./delegatedLimit.js";

describe("delegated-limit", () => {
  it("passes decisions within the limit, at the limit, and under bodies with no limit", () => {
    const s = snapshot({
      governanceBodies: [body(1, { delegatedLimitPence: 1_000 }), body(2)],
      decisions: [
        decision(1, { valuePence: 1_000 }),
        decision(2, { valuePence: 999 }),
        decision(3, { bodyId: "gov_0000000002", valuePence: 1_000_000 }),
      ],
    });
    expect(checkDelegatedLimit(s)).toEqual([]);
  });

  it("reports a decision above its body's limit", () => {
    const s = snapshot({
      governanceBodies: [
        body(1, { kind: "joint-commissioning-executive", delegatedLimitPence: 1_000 }),
      ],
      decisions: [decision(1, { valuePence: 1_001 })],
    });
    const findings = checkDelegatedLimit(s);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "error",
      subjects: ["dec_0000000001", "gov_0000000001"],
    });
    expect(findings[0]?.message).toBe(
      'decision "Synthetic Decision 1" (dec_0000000001) of 2023-05-01 is worth £10.01, above the £10.00 delegated limit of joint commissioning executive "Synthetic Body 1" (gov_0000000001) on that date.',
    );
  });

  it("uses the body version valid on the decision date", () => {
    const s = snapshot({
      governanceBodies: [
        body(1, { delegatedLimitPence: 100, valid: period("2020-01-01", "2023-01-01") }),
        body(1, { delegatedLimitPence: 10_000, valid: period("2023-01-01") }),
      ],
      decisions: [
        decision(1, { valuePence: 5_000, date: "2023-05-01" }),
        decision(2, { valuePence: 5_000, date: "2022-05-01", valid: period("2022-05-01") }),
      ],
    });
    expect(checkDelegatedLimit(s).map((f) => f.subjects[0])).toEqual(["dec_0000000002"]);
  });
});
