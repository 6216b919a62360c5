/**
 * @module delegatedLimit
 * Rule `delegated-limit` (error): a decision worth more than its body may decide alone.
 */
import type { Finding } from "../Finding.js";
import { formatPence } from "../Money.js";
import { asIndex, type SnapshotSource } from "../queries/SnapshotIndex.js";
import { versionAt } from "../queries/versionAt.js";
import { describe, Findings } from "./internal.js";

/**
 * Finds decisions whose `valuePence` exceeds the `delegatedLimitPence` of their body, using
 * the body version valid on the decision date. Bodies with no recorded limit (`null`) are
 * not checked; a decision dated outside its body's lifetime is a `relationship-period`
 * finding.
 *
 * @example
 * ```ts
 * import { Snapshot, checkDelegatedLimit, emptySnapshot } from "@care-atlas/domain";
 * const provenance = { sources: ["synthetic"] };
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   governanceBodies: [{
 *     id: "gov_0000000001", kind: "joint-commissioning-executive", name: "Synthetic Executive", level: "system",
 *     delegatedLimitPence: 100_000, valid: { from: "2020-01-01", to: null }, provenance,
 *   }],
 *   decisions: [{
 *     id: "dec_0000000001", bodyId: "gov_0000000001", title: "Synthetic contract", date: "2023-05-01",
 *     valuePence: 250_000, serviceArea: "synthetic", valid: { from: "2023-05-01", to: null }, provenance,
 *   }],
 * });
 * checkDelegatedLimit(snapshot).length; // 1
 * ```
 */
export const checkDelegatedLimit = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("delegated-limit");
  for (const decision of index.snapshot.decisions) {
    const body = versionAt(index, "governanceBody", decision.bodyId, decision.date);
    const limit = body?.delegatedLimitPence ?? null;
    if (limit === null || decision.valuePence <= limit) continue;
    findings.add(
      [decision.id, decision.bodyId],
      `${describe(index, decision.id, decision.date)} of ${decision.date} is worth ${formatPence(decision.valuePence)}, above the ${formatPence(limit)} delegated limit of ${describe(index, decision.bodyId, decision.date)} on that date.`,
    );
  }
  return findings.list;
};
