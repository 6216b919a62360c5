/**
 * @module SnapshotIndex
 * A snapshot indexed once for the rules and queries: the versions of every id (sorted by
 * start), each id's lifetime, LSOAs by code and by district, source keys and successions by
 * predecessor. Every rule and query accepts either a {@link Snapshot} or a
 * {@link SnapshotIndex}; pass an index to share the work between many calls.
 */
import { type EntityKind, idPrefixes } from "../Id.js";
import type { Lsoa } from "../Lsoa.js";
import { contains, type IsoDate, merge, type Period, within } from "../Period.js";
import type { Entity, EntityOf, Snapshot } from "../Snapshot.js";
import type { Succession } from "../Succession.js";

/** The versions of every id of one kind, each list sorted by `valid.from`. */
export type VersionsByKind = {
  readonly [K in EntityKind]: ReadonlyMap<string, ReadonlyArray<EntityOf[K]>>;
};

/**
 * A snapshot indexed for fast rule checks and queries. Build it with
 * {@link indexSnapshot}; treat it (and its snapshot) as immutable.
 */
export interface SnapshotIndex {
  /** The snapshot the index was built from. */
  readonly snapshot: Snapshot;
  /** The versions of every id, by kind, sorted by `valid.from`. */
  readonly versions: VersionsByKind;
  /** The days each id exists: the union of its versions' valid periods, disjoint and sorted. */
  readonly lifetimes: ReadonlyMap<string, ReadonlyArray<Period>>;
  /** LSOAs by ONS code. */
  readonly lsoas: ReadonlyMap<string, Lsoa>;
  /** LSOAs by local authority district code, each list sorted by code. */
  readonly lsoasByDistrict: ReadonlyMap<string, ReadonlyArray<Lsoa>>;
  /** The keys of the snapshot's sources. */
  readonly sourceKeys: ReadonlySet<string>;
  /** Succession versions by each of their predecessors' ids, sorted by date. */
  readonly successionsFrom: ReadonlyMap<string, ReadonlyArray<Succession>>;
}

/** A snapshot, or an index built from one. */
export type SnapshotSource = Snapshot | SnapshotIndex;

const byFrom = (a: { valid: Period }, b: { valid: Period }): number =>
  a.valid.from < b.valid.from ? -1 : a.valid.from > b.valid.from ? 1 : 0;

const groupById = <T extends { readonly id: string; readonly valid: Period }>(
  items: ReadonlyArray<T>,
): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.id);
    if (group === undefined) groups.set(item.id, [item]);
    else group.push(item);
  }
  for (const group of groups.values()) if (group.length > 1) group.sort(byFrom);
  return groups;
};

/**
 * Indexes a snapshot once, in time linear in its size (plus sorting the versions of ids
 * that have several).
 *
 * @example
 * ```ts
 * import { emptySnapshot, indexSnapshot, lifetimeOf } from "@care-atlas/domain";
 * const index = indexSnapshot(emptySnapshot());
 * lifetimeOf(index, "plc_0000000001"); // undefined: no such place
 * ```
 */
export const indexSnapshot = (snapshot: Snapshot): SnapshotIndex => {
  const versions: VersionsByKind = {
    system: groupById(snapshot.systems),
    place: groupById(snapshot.places),
    neighbourhoodScheme: groupById(snapshot.neighbourhoodSchemes),
    neighbourhood: groupById(snapshot.neighbourhoods),
    organisation: groupById(snapshot.organisations),
    relationship: groupById(snapshot.relationships),
    succession: groupById(snapshot.successions),
    governanceBody: groupById(snapshot.governanceBodies),
    collaborative: groupById(snapshot.collaboratives),
    team: groupById(snapshot.teams),
    pooledBudget: groupById(snapshot.pooledBudgets),
    decision: groupById(snapshot.decisions),
    strategyElement: groupById(snapshot.strategy),
  };

  const lifetimes = new Map<string, ReadonlyArray<Period>>();
  for (const kind of Object.keys(versions) as EntityKind[]) {
    for (const [id, list] of versions[kind] as ReadonlyMap<string, ReadonlyArray<Entity>>) {
      const first = list[0];
      if (list.length === 1 && first !== undefined) lifetimes.set(id, [first.valid]);
      else lifetimes.set(id, merge(list.map((version) => version.valid)));
    }
  }

  const lsoas = new Map<string, Lsoa>();
  const lsoasByDistrict = new Map<string, Lsoa[]>();
  for (const lsoa of snapshot.lsoas) {
    lsoas.set(lsoa.code, lsoa);
    const district = lsoasByDistrict.get(lsoa.districtCode);
    if (district === undefined) lsoasByDistrict.set(lsoa.districtCode, [lsoa]);
    else district.push(lsoa);
  }
  for (const district of lsoasByDistrict.values()) {
    district.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  const successionsFrom = new Map<string, Succession[]>();
  for (const succession of snapshot.successions) {
    for (const predecessorId of new Set(succession.predecessorIds)) {
      const list = successionsFrom.get(predecessorId);
      if (list === undefined) successionsFrom.set(predecessorId, [succession]);
      else list.push(succession);
    }
  }
  for (const list of successionsFrom.values()) if (list.length > 1) list.sort(byFrom);

  return {
    snapshot,
    versions,
    lifetimes,
    lsoas,
    lsoasByDistrict,
    sourceKeys: new Set(snapshot.sources.map((source) => source.key)),
    successionsFrom,
  };
};

/**
 * The index of a snapshot source: the source itself when it is already an index, otherwise
 * a new index.
 *
 * @example
 * ```ts
 * import { asIndex, emptySnapshot, indexSnapshot } from "@care-atlas/domain";
 * const index = indexSnapshot(emptySnapshot());
 * asIndex(index) === index; // true
 * ```
 */
export const asIndex = (source: SnapshotSource): SnapshotIndex =>
  "snapshot" in source ? source : indexSnapshot(source);

const kindsByPrefix = new Map<string, EntityKind>(
  (Object.entries(idPrefixes) as [EntityKind, string][]).map(([kind, prefix]) => [prefix, kind]),
);

/**
 * The entity kind an id's prefix names, or `undefined` (a fast, lenient form of
 * `kindOfId` for ids already validated by the schemas).
 *
 * @example
 * ```ts
 * import { kindOfPrefix } from "@care-atlas/domain";
 * kindOfPrefix("nbh_0000000001"); // "neighbourhood"
 * ```
 */
export const kindOfPrefix = (id: string): EntityKind | undefined =>
  id.charCodeAt(3) === 95 /* _ */ ? kindsByPrefix.get(id.slice(0, 3)) : undefined;

/**
 * The versions of an id, sorted by `valid.from` (empty when the snapshot has none).
 *
 * @example
 * ```ts
 * import { emptySnapshot, versionsOf } from "@care-atlas/domain";
 * versionsOf(emptySnapshot(), "place", "plc_0000000001"); // []
 * ```
 */
export const versionsOf = <K extends EntityKind>(
  source: SnapshotSource,
  kind: K,
  id: string,
): ReadonlyArray<EntityOf[K]> => {
  const byId: ReadonlyMap<string, ReadonlyArray<EntityOf[K]>> = asIndex(source).versions[kind];
  return byId.get(id) ?? [];
};

/**
 * The versions of any id, whatever its kind (read from its prefix).
 *
 * @example
 * ```ts
 * import { anyVersionsOf, emptySnapshot } from "@care-atlas/domain";
 * anyVersionsOf(emptySnapshot(), "org_0000000001"); // []
 * ```
 */
export const anyVersionsOf = (source: SnapshotSource, id: string): ReadonlyArray<Entity> => {
  const kind = kindOfPrefix(id);
  return kind === undefined ? [] : versionsOf(source, kind, id);
};

/**
 * The days an id exists — the union of its versions' valid periods, as disjoint periods
 * sorted by start — or `undefined` when no version of it is in the snapshot.
 *
 * @example
 * ```ts
 * import { Snapshot, emptySnapshot, lifetimeOf } from "@care-atlas/domain";
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   systems: [
 *     { id: "sys_0000000001", name: "Synthetic ICS", valid: { from: "2020-01-01", to: "2021-01-01" }, provenance: { sources: ["synthetic"] } },
 *     { id: "sys_0000000001", name: "Synthetic ICS (renamed)", valid: { from: "2021-01-01", to: null }, provenance: { sources: ["synthetic"] } },
 *   ],
 * });
 * lifetimeOf(snapshot, "sys_0000000001"); // [{ from: "2020-01-01", to: null }]
 * ```
 */
export const lifetimeOf = (source: SnapshotSource, id: string): ReadonlyArray<Period> | undefined =>
  asIndex(source).lifetimes.get(id);

/**
 * Whether `period` lies wholly inside a lifetime (one of its disjoint periods).
 *
 * @example
 * ```ts
 * import { insideLifetime } from "@care-atlas/domain";
 * insideLifetime([{ from: "2020-01-01", to: null }], { from: "2021-01-01", to: "2022-01-01" }); // true
 * ```
 */
export const insideLifetime = (lifetime: ReadonlyArray<Period>, period: Period): boolean =>
  lifetime.some((segment) => within(period, segment));

/**
 * Whether a lifetime contains `date`.
 *
 * @example
 * ```ts
 * import { aliveOn } from "@care-atlas/domain";
 * aliveOn([{ from: "2020-01-01", to: "2021-01-01" }], "2021-01-01"); // false
 * ```
 */
export const aliveOn = (lifetime: ReadonlyArray<Period>, date: IsoDate): boolean =>
  lifetime.some((segment) => contains(segment, date));
