/**
 * @module neighbourhoodNesting
 * Rule `neighbourhood-nesting` (error): each neighbourhood lies in exactly one place at any
 * date, inside its scheme.
 */
import type { Finding } from "../Finding.js";
import { intersect, overlaps } from "../Period.js";
import {
  asIndex,
  insideLifetime,
  type SnapshotSource,
  versionsOf,
} from "../queries/SnapshotIndex.js";
import { describe, Findings, formatLifetime, formatPeriod } from "./internal.js";

/**
 * Checks every neighbourhood version against its place and scheme:
 * - its place exists for the whole of the version's period;
 * - a scheme restricted to one place (`scheme.placeId`) is restricted to the
 *   neighbourhood's place, in every scheme version it overlaps;
 * - its place belongs to its scheme's system, where their versions overlap;
 * - the version lies inside its scheme's lifetime.
 *
 * Two versions of one neighbourhood in different places on the same day are overlapping
 * versions, reported by `version-overlap`; a place or scheme that does not exist at all is
 * reported by `dangling-reference`.
 *
 * @example
 * ```ts
 * import { Snapshot, checkNeighbourhoodNesting, emptySnapshot } from "@care-atlas/domain";
 * const provenance = { sources: ["synthetic"] };
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   places: [{ id: "plc_0000000001", name: "Synthetic Borough", systemId: "sys_0000000001", valid: { from: "2022-01-01", to: null }, provenance }],
 *   neighbourhoodSchemes: [{ id: "nsc_0000000001", name: "Synthetic Scheme", systemId: "sys_0000000001", basis: "geographic", status: "derived", valid: { from: "2020-01-01", to: null }, provenance }],
 *   neighbourhoods: [{ id: "nbh_0000000001", name: "Synthetic North", placeId: "plc_0000000001", schemeId: "nsc_0000000001", footprint: { lsoas: ["E01999001"] }, valid: { from: "2021-01-01", to: null }, provenance }],
 * });
 * checkNeighbourhoodNesting(snapshot).length; // 1: the place starts a year after the neighbourhood
 * ```
 */
export const checkNeighbourhoodNesting = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("neighbourhood-nesting");

  for (const neighbourhood of index.snapshot.neighbourhoods) {
    const { id, placeId, schemeId, valid } = neighbourhood;
    const at = valid.from;

    const placeLifetime = index.lifetimes.get(placeId);
    if (placeLifetime !== undefined && !insideLifetime(placeLifetime, valid)) {
      findings.add(
        [id, placeId],
        `${describe(index, id, at)} is in ${describe(index, placeId, at)} ${formatPeriod(valid)}, but that place exists only ${formatLifetime(placeLifetime)}.`,
      );
    }

    const schemeLifetime = index.lifetimes.get(schemeId);
    if (schemeLifetime !== undefined && !insideLifetime(schemeLifetime, valid)) {
      findings.add(
        [id, schemeId],
        `${describe(index, id, at)} belongs to ${describe(index, schemeId, at)} ${formatPeriod(valid)}, but that scheme exists only ${formatLifetime(schemeLifetime)}.`,
      );
    }

    for (const scheme of versionsOf(index, "neighbourhoodScheme", schemeId)) {
      const shared = intersect(scheme.valid, valid);
      if (shared === null) continue;
      if (scheme.placeId !== undefined && scheme.placeId !== placeId) {
        findings.add(
          [id, schemeId, placeId, scheme.placeId],
          `${describe(index, id, shared.from)} is in ${describe(index, placeId, shared.from)}, but its scheme ${describe(index, schemeId, shared.from)} covers only ${describe(index, scheme.placeId, shared.from)} (${formatPeriod(shared)}).`,
        );
      }
      for (const place of versionsOf(index, "place", placeId)) {
        if (place.systemId === scheme.systemId || !overlaps(place.valid, shared)) continue;
        findings.add(
          [id, placeId, schemeId],
          `${describe(index, id, shared.from)} is in ${describe(index, placeId, shared.from)} of ${describe(index, place.systemId)}, but its scheme ${describe(index, schemeId, shared.from)} belongs to ${describe(index, scheme.systemId)}.`,
        );
      }
    }
  }
  return findings.list;
};
