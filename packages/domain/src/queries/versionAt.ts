/**
 * @module versionAt
 * The version of an entity that was valid on a date.
 */
import type { EntityKind } from "../Id.js";
import { contains, type IsoDate } from "../Period.js";
import type { EntityOf } from "../Snapshot.js";
import { type SnapshotSource, versionsOf } from "./SnapshotIndex.js";

/**
 * The version of entity `id` of `kind` valid on `date`, or `undefined` when none was. When
 * (wrongly) several versions overlap on `date`, the one that started last wins.
 *
 * @example
 * ```ts
 * import { Snapshot, emptySnapshot, versionAt } from "@care-atlas/domain";
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   systems: [{ id: "sys_0000000001", name: "Synthetic ICS", valid: { from: "2022-07-01", to: null }, provenance: { sources: ["synthetic"] } }],
 * });
 * versionAt(snapshot, "system", "sys_0000000001", "2023-01-01")?.name; // "Synthetic ICS"
 * versionAt(snapshot, "system", "sys_0000000001", "2021-01-01"); // undefined
 * ```
 */
export const versionAt = <K extends EntityKind>(
  source: SnapshotSource,
  kind: K,
  id: string,
  date: IsoDate,
): EntityOf[K] | undefined => {
  const versions = versionsOf(source, kind, id);
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i];
    if (version !== undefined && contains(version.valid, date)) return version;
  }
  return undefined;
};
