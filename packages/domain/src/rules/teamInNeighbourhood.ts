/**
 * @module teamInNeighbourhood
 * Rule `team-in-neighbourhood` (error): a team exists only while its neighbourhood does.
 */
import type { Finding } from "../Finding.js";
import { asIndex, insideLifetime, type SnapshotSource } from "../queries/SnapshotIndex.js";
import { describe, Findings, formatLifetime, formatPeriod } from "./internal.js";

/**
 * Finds team versions whose period is not inside their neighbourhood's lifetime (a
 * neighbourhood that no version defines is a `dangling-reference` instead).
 *
 * @example
 * ```ts
 * import { Snapshot, checkTeamInNeighbourhood, emptySnapshot } from "@care-atlas/domain";
 * const provenance = { sources: ["synthetic"] };
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   neighbourhoods: [{
 *     id: "nbh_0000000001", name: "Synthetic North", placeId: "plc_0000000001", schemeId: "nsc_0000000001",
 *     footprint: { lsoas: ["E01999001"] }, valid: { from: "2023-01-01", to: null }, provenance,
 *   }],
 *   teams: [{
 *     id: "int_0000000001", name: "Synthetic North INT", neighbourhoodId: "nbh_0000000001",
 *     valid: { from: "2022-01-01", to: null }, provenance,
 *   }],
 * });
 * checkTeamInNeighbourhood(snapshot).length; // 1
 * ```
 */
export const checkTeamInNeighbourhood = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("team-in-neighbourhood");
  for (const team of index.snapshot.teams) {
    const lifetime = index.lifetimes.get(team.neighbourhoodId);
    if (lifetime === undefined || insideLifetime(lifetime, team.valid)) continue;
    findings.add(
      [team.id, team.neighbourhoodId],
      `${describe(index, team.id, team.valid.from)} is valid ${formatPeriod(team.valid)}, but its ${describe(index, team.neighbourhoodId, team.valid.from)} exists only ${formatLifetime(lifetime)}.`,
    );
  }
  return findings.list;
};
