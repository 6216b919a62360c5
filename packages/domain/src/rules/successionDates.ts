/**
 * @module successionDates
 * Rule `succession-dates` (error): on the date of a succession the predecessors end and the
 * successors exist.
 */
import type { Finding } from "../Finding.js";
import { aliveOn, asIndex, type SnapshotSource, versionsOf } from "../queries/SnapshotIndex.js";
import { describe, Findings, formatLifetime } from "./internal.js";

/**
 * For each succession dated D (its `valid.from`), whatever its kind (merge, split, rename,
 * transfer): every predecessor's lifetime ends on D (one of its periods has `to` = D), and
 * every successor exists on D. A successor need not start on D — a body may merge into one
 * that already existed. A predecessor may also live on as a part of a successor: an
 * organisation whose version ends on D and whose next version, from D, has a successor as
 * its `parentId` (a CCG that became a sub-ICB location of the ICB that took it over). Ids
 * that no version defines are `dangling-reference` findings.
 *
 * @example
 * ```ts
 * import { Snapshot, checkSuccessionDates, emptySnapshot } from "@care-atlas/domain";
 * const provenance = { sources: ["synthetic"] };
 * const org = (n: number, from: string, to: string | null) => ({
 *   id: `org_000000000${n}`, kind: "ccg", name: `Synthetic CCG ${n}`, valid: { from, to }, provenance,
 * });
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   organisations: [org(1, "2013-04-01", "2017-04-01"), org(2, "2017-04-01", null)],
 *   successions: [{
 *     id: "suc_0000000001", kind: "rename", predecessorIds: ["org_0000000001"], successorIds: ["org_0000000002"],
 *     valid: { from: "2017-04-01", to: null }, provenance,
 *   }],
 * });
 * checkSuccessionDates(snapshot); // []
 * ```
 */
export const checkSuccessionDates = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("succession-dates");
  for (const succession of index.snapshot.successions) {
    const date = succession.valid.from;
    const name = describe(index, succession.id);
    for (const predecessorId of succession.predecessorIds) {
      const lifetime = index.lifetimes.get(predecessorId);
      if (lifetime === undefined || lifetime.some((period) => period.to === date)) continue;
      const versions = versionsOf(index, "organisation", predecessorId);
      const livesOnInSuccessor =
        versions.some((version) => version.valid.to === date) &&
        versions.some(
          (version) =>
            version.valid.from === date &&
            version.parentId !== undefined &&
            succession.successorIds.includes(version.parentId),
        );
      if (livesOnInSuccessor) continue;
      findings.add(
        [succession.id, predecessorId],
        `In the ${name}, predecessor ${describe(index, predecessorId, date)} should end on ${date}, but it exists ${formatLifetime(lifetime)}.`,
      );
    }
    for (const successorId of succession.successorIds) {
      const lifetime = index.lifetimes.get(successorId);
      if (lifetime === undefined || aliveOn(lifetime, date)) continue;
      findings.add(
        [succession.id, successorId],
        `In the ${name}, successor ${describe(index, successorId, date)} should exist on ${date}, but it exists ${formatLifetime(lifetime)}.`,
      );
    }
  }
  return findings.list;
};
