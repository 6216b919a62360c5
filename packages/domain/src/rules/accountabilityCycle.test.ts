import { describe, expect, it } from "vitest";
import { body, idOf, period, relationship, snapshot } from "../testing/syntheticRecords.js";
import { checkAccountabilityCycle } from "./accountabilityCycle.js";

const gov = (n: number) => idOf("governanceBody", n);
const bodies = [1, 2, 3, 4].map((n) => body(n));

describe("accountability-cycle", () => {
  it("passes a tree of accountability and reporting lines", () => {
    const s = snapshot({
      governanceBodies: bodies,
      relationships: [
        relationship(1, "accountable-to", gov(2), gov(1)),
        relationship(2, "reports-to", gov(3), gov(2)),
        relationship(3, "accountable-to", gov(4), gov(2)),
        // Membership is not accountability: a body in a circle of membership is fine.
        relationship(4, "member-of", gov(1), gov(3)),
      ],
    });
    expect(checkAccountabilityCycle(s)).toEqual([]);
  });

  it("passes a cycle whose edges are never valid on the same day", () => {
    const s = snapshot({
      governanceBodies: bodies,
      relationships: [
        relationship(1, "accountable-to", gov(1), gov(2), {
          valid: period("2020-01-01", "2021-01-01"),
        }),
        relationship(2, "accountable-to", gov(2), gov(1), { valid: period("2021-01-01") }),
      ],
    });
    expect(checkAccountabilityCycle(s)).toEqual([]);
  });

  it("reports a cycle through both kinds, naming its members and relationships, on its first date", () => {
    const s = snapshot({
      governanceBodies: bodies,
      relationships: [
        relationship(1, "accountable-to", gov(1), gov(2)),
        relationship(2, "reports-to", gov(2), gov(3), { valid: period("2021-06-01") }),
        relationship(3, "accountable-to", gov(3), gov(1)),
        relationship(4, "accountable-to", gov(4), gov(1)),
      ],
    });
    const findings = checkAccountabilityCycle(s);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.subjects).toEqual([
      gov(1),
      gov(2),
      gov(3),
      idOf("relationship", 1),
      idOf("relationship", 2),
      idOf("relationship", 3),
    ]);
    expect(findings[0]?.message).toBe(
      'Accountability goes round in a circle on 2021-06-01 (the first date it does): committee "Synthetic Body 1" (gov_0000000001) accountable-to → committee "Synthetic Body 2" (gov_0000000002) reports-to → committee "Synthetic Body 3" (gov_0000000003) accountable-to → committee "Synthetic Body 1" (gov_0000000001).',
    );
  });

  it("checks one date with the date option", () => {
    const s = snapshot({
      governanceBodies: bodies,
      relationships: [
        relationship(1, "accountable-to", gov(1), gov(2)),
        relationship(2, "reports-to", gov(2), gov(1), { valid: period("2022-01-01") }),
      ],
    });
    expect(checkAccountabilityCycle(s, { date: "2021-01-01" })).toEqual([]);
    expect(checkAccountabilityCycle(s, { date: "2023-01-01" })).toHaveLength(1);
  });

  it("reports two separate cycles", () => {
    const s = snapshot({
      governanceBodies: bodies,
      relationships: [
        relationship(1, "accountable-to", gov(1), gov(2)),
        relationship(2, "accountable-to", gov(2), gov(1)),
        relationship(3, "reports-to", gov(3), gov(4)),
        relationship(4, "reports-to", gov(4), gov(3)),
      ],
    });
    expect(checkAccountabilityCycle(s).map((f) => f.subjects.slice(0, 2))).toEqual(
      expect.arrayContaining([
        [gov(1), gov(2)],
        [gov(3), gov(4)],
      ]),
    );
    expect(checkAccountabilityCycle(s)).toHaveLength(2);
  });
});
