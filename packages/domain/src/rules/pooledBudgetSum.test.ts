import { describe, expect, it } from "vitest";
import { budget, idOf, organisation, snapshot } from "../testing/syntheticRecords.js";
import { checkPooledBudgetSum } from "./pooledBudgetSum.js";

const host = idOf("organisation", 1);
const partner = idOf("organisation", 2);
const organisations = [organisation(1), organisation(2), organisation(3)];

describe("pooled-budget-sum", () => {
  it("passes years whose contributions from host and partners add up", () => {
    const s = snapshot({
      organisations,
      pooledBudgets: [
        budget(1, {
          years: [
            {
              financialYear: "2023/24",
              totalPence: 300,
              contributions: [
                { organisationId: host, amountPence: 100 },
                { organisationId: partner, amountPence: 200 },
              ],
            },
            {
              financialYear: "2024/25",
              totalPence: 50,
              contributions: [{ organisationId: host, amountPence: 50 }],
            },
          ],
        }),
      ],
    });
    expect(checkPooledBudgetSum(s)).toEqual([]);
  });

  it("reports a year that does not add up", () => {
    const s = snapshot({
      organisations,
      pooledBudgets: [
        budget(1, {
          years: [
            {
              financialYear: "2023/24",
              totalPence: 300,
              contributions: [
                { organisationId: host, amountPence: 100 },
                { organisationId: partner, amountPence: 100 },
              ],
            },
          ],
        }),
      ],
    });
    const findings = checkPooledBudgetSum(s);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'pooled budget "Synthetic Pooled Budget 1" (pbg_0000000001), 2023/24: contributions add up to £2.00, but the total is £3.00 (short by £1.00).',
    );
  });

  it("reports a contributor that is neither host nor partner, and a repeated year", () => {
    const year = {
      financialYear: "2023/24",
      totalPence: 100,
      contributions: [{ organisationId: idOf("organisation", 3), amountPence: 100 }],
    };
    const s = snapshot({ organisations, pooledBudgets: [budget(1, { years: [year, year] })] });
    const findings = checkPooledBudgetSum(s);
    expect(findings.map((f) => f.subjects)).toEqual([
      ["pbg_0000000001", "org_0000000003"],
      ["pbg_0000000001"],
    ]);
    expect(findings[0]?.message).toContain("is neither the host nor a partner");
    expect(findings[1]?.message).toContain("lists financial year 2023/24 more than once");
  });
});
