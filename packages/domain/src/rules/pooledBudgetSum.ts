/**
 * @module pooledBudgetSum
 * Rule `pooled-budget-sum` (error): each year's contributions add up to its total, and only
 * the host and partners contribute.
 */
import type { Finding } from "../Finding.js";
import { formatPence } from "../Money.js";
import { asIndex, type SnapshotSource } from "../queries/SnapshotIndex.js";
import { describe, Findings } from "./internal.js";

/**
 * Checks every pooled budget version, year by year: each financial year appears once; its
 * contributions add up exactly to `totalPence`; every contributor is the host or a partner.
 *
 * @example
 * ```ts
 * import { Snapshot, checkPooledBudgetSum, emptySnapshot } from "@care-atlas/domain";
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   pooledBudgets: [{
 *     id: "pbg_0000000001", name: "Synthetic Pooled Fund", hostId: "org_0000000001", partnerIds: ["org_0000000002"],
 *     years: [{ financialYear: "2023/24", totalPence: 300, contributions: [
 *       { organisationId: "org_0000000001", amountPence: 100 },
 *       { organisationId: "org_0000000002", amountPence: 100 },
 *     ] }],
 *     valid: { from: "2023-04-01", to: null }, provenance: { sources: ["synthetic"] },
 *   }],
 * });
 * checkPooledBudgetSum(snapshot)[0]?.message;
 * // 'pooled budget "Synthetic Pooled Fund" (pbg_0000000001), 2023/24: contributions add up to £2.00, but the total is £3.00 (short by £1.00).'
 * ```
 */
export const checkPooledBudgetSum = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("pooled-budget-sum");
  for (const budget of index.snapshot.pooledBudgets) {
    const at = budget.valid.from;
    const name = describe(index, budget.id, at);
    const members = new Set([budget.hostId, ...budget.partnerIds]);
    const seen = new Set<string>();
    for (const year of budget.years) {
      if (seen.has(year.financialYear)) {
        findings.add(
          [budget.id],
          `${name} lists financial year ${year.financialYear} more than once in its version from ${at}.`,
        );
      }
      seen.add(year.financialYear);
      let sum = 0;
      for (const contribution of year.contributions) {
        sum += contribution.amountPence;
        if (!members.has(contribution.organisationId)) {
          findings.add(
            [budget.id, contribution.organisationId],
            `${name}, ${year.financialYear}: ${describe(index, contribution.organisationId, at)} contributes ${formatPence(contribution.amountPence)} but is neither the host nor a partner.`,
          );
        }
      }
      if (sum !== year.totalPence) {
        findings.add(
          [budget.id],
          `${name}, ${year.financialYear}: contributions add up to ${formatPence(sum)}, but the total is ${formatPence(year.totalPence)} (${sum > year.totalPence ? "over" : "short"} by ${formatPence(Math.abs(sum - year.totalPence))}).`,
        );
      }
    }
  }
  return findings.list;
};
