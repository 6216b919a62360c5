/**
 * @module versionOverlap
 * Rule `version-overlap` (error): two versions of one record valid on the same day.
 */
import type { Finding } from "../Finding.js";
import type { EntityKind } from "../Id.js";
import { intersect } from "../Period.js";
import { asIndex, type SnapshotSource } from "../queries/SnapshotIndex.js";
import type { Entity } from "../Snapshot.js";
import { describe, Findings, formatPeriod } from "./internal.js";

/**
 * Finds every pair of versions of one id (of any kind) whose valid periods share a day.
 *
 * @example
 * ```ts
 * import { Snapshot, checkVersionOverlap, emptySnapshot } from "@care-atlas/domain";
 * const place = (name: string, from: string) => ({
 *   id: "plc_0000000001", name, systemId: "sys_0000000001",
 *   valid: { from, to: null }, provenance: { sources: ["synthetic"] },
 * });
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   places: [place("Synthetic Borough", "2020-01-01"), place("Synthetic Borough (renamed)", "2021-01-01")],
 * });
 * checkVersionOverlap(snapshot)[0]?.rule; // "version-overlap"
 * ```
 */
export const checkVersionOverlap = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("version-overlap");
  for (const kind of Object.keys(index.versions) as EntityKind[]) {
    const byId = index.versions[kind] as ReadonlyMap<string, ReadonlyArray<Entity>>;
    for (const [id, versions] of byId) {
      if (versions.length < 2) continue;
      // Sorted by start: version j can only overlap an earlier version i that is still open.
      for (let j = 1; j < versions.length; j++) {
        const later = versions[j];
        if (later === undefined) continue;
        for (let i = 0; i < j; i++) {
          const earlier = versions[i];
          if (earlier === undefined) continue;
          const shared = intersect(earlier.valid, later.valid);
          if (shared === null) continue;
          findings.add(
            [id],
            `${describe(index, id)} has two versions valid on the same days: one ${formatPeriod(earlier.valid)} and one ${formatPeriod(later.valid)} (they overlap ${formatPeriod(shared)}). Close the earlier version when the later one starts.`,
          );
        }
      }
    }
  }
  return findings.list;
};
