/**
 * @module danglingReference
 * Rule `dangling-reference` (error): ids that no version defines, LSOAs missing from the
 * geography and source keys missing from the register's sources.
 */
import type { Finding } from "../Finding.js";
import type { EntityKind } from "../Id.js";
import {
  asIndex,
  kindOfPrefix,
  type SnapshotIndex,
  type SnapshotSource,
} from "../queries/SnapshotIndex.js";
import type { Entity } from "../Snapshot.js";
import { describe, Findings, nounOf, type Reference, referencesOf } from "./internal.js";

const exists = (index: SnapshotIndex, id: string): boolean => index.lifetimes.has(id);

const what = (id: string): string => {
  const kind = kindOfPrefix(id);
  return kind === undefined ? `id ${id}` : `${nounOf(kind, undefined)} ${id}`;
};

/**
 * Finds references that lead nowhere: entity ids (places, schemes, organisations, bodies,
 * budgets, strategy elements, relationship and succession ends, footprint PCNs and
 * practices, team hosts, budget contributors…) that no version in the snapshot defines;
 * footprint LSOAs that are not in `snapshot.lsoas`; and source keys (in provenance and
 * population figures) that are not in `snapshot.sources`. One finding per record and
 * missing target.
 *
 * @example
 * ```ts
 * import { Snapshot, checkDanglingReference, emptySnapshot } from "@care-atlas/domain";
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   sources: [{ key: "synthetic", publisher: "Synthetic", dataset: "Synthetic", licence: "OGL-UK-3.0", dataDate: null }],
 *   places: [{
 *     id: "plc_0000000001", name: "Synthetic Borough", systemId: "sys_0000000009",
 *     valid: { from: "2020-01-01", to: null }, provenance: { sources: ["synthetic"] },
 *   }],
 * });
 * checkDanglingReference(snapshot).map((f) => f.subjects); // [["plc_0000000001", "sys_0000000009"]]
 * ```
 */
export const checkDanglingReference = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("dangling-reference");

  for (const kind of Object.keys(index.versions) as EntityKind[]) {
    const references = referencesOf[kind] as (version: Entity) => ReadonlyArray<Reference>;
    const byId = index.versions[kind] as ReadonlyMap<string, ReadonlyArray<Entity>>;
    for (const [id, versions] of byId) {
      for (const version of versions) {
        for (const [field, target] of references(version)) {
          if (target === undefined || exists(index, target)) continue;
          findings.add(
            [id, target],
            `${describe(index, id)} refers to ${what(target)} (${field}), which no version in the register defines.`,
          );
        }
        for (const key of version.provenance.sources) {
          if (index.sourceKeys.has(key)) continue;
          findings.add(
            [id, key],
            `${describe(index, id)} cites source "${key}", which is not among the register's sources.`,
          );
        }
        if (kind === "neighbourhood" && "footprint" in version) {
          for (const code of version.footprint.lsoas) {
            if (index.lsoas.has(code)) continue;
            findings.add(
              [id, code],
              `${describe(index, id)} has LSOA ${code} in its footprint, which is not in the register's geography.`,
            );
          }
          const populationSource = version.population?.source;
          if (populationSource !== undefined && !index.sourceKeys.has(populationSource)) {
            findings.add(
              [id, populationSource],
              `${describe(index, id)} gives a population from source "${populationSource}", which is not among the register's sources.`,
            );
          }
        }
      }
    }
  }

  for (const lsoa of index.snapshot.lsoas) {
    const key = lsoa.population?.source;
    if (key === undefined || index.sourceKeys.has(key)) continue;
    findings.add(
      [lsoa.code, key],
      `LSOA ${lsoa.code} (${lsoa.name}) gives a population from source "${key}", which is not among the register's sources.`,
    );
  }
  return findings.list;
};
