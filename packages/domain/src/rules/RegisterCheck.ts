/**
 * @module RegisterCheck
 * The rules checked incrementally. A {@link RegisterCheck} is built once from a snapshot
 * (every rule run over it, unit by unit) and keeps, per rule, the findings of each unit
 * the rule checks, with the indexes that say which units a change touches. `recheck(change)`
 * returns the check of the register with the change applied, re-running each rule only on
 * the units the change touches:
 *
 * - a rule of single records (most rules) re-checks the changed records, the records that
 *   refer to them and the records that refer to those (a finding names, and reads the
 *   lifetimes and versions of, the records its record refers to — a relationship's ends, a
 *   neighbourhood's place and scheme and their system);
 * - `lsoa-overlap` and `coverage-gap` re-check the schemes of the neighbourhoods touched
 *   (all of each scheme's neighbourhoods);
 * - `duplicate-code` re-checks the codes the touched records hold or held (every holder);
 * - `accountability-cycle` re-checks the graph of `accountable-to` and `reports-to`
 *   relationships when one of them, or one of their ends, is touched.
 *
 * The findings equal `checkSnapshot` of the changed register (as a set: rule by rule in
 * catalogue order, the order within a rule may differ), for a snapshot whose records are
 * ordered by id and then by start, as a read model holds them. LSOAs and sources are not
 * part of a change: when they change, build a new check.
 *
 * A check is immutable: `recheck` shares what the change does not touch with the check it
 * came from, so a refused change leaves the old check as it was.
 */
import type { Finding } from "../Finding.js";
import type { EntityKind } from "../Id.js";
import { LayeredMap } from "../LayeredMap.js";
import type { Lsoa } from "../Lsoa.js";
import { merge, type Period } from "../Period.js";
import {
  asIndex,
  kindOfPrefix,
  type SnapshotIndex,
  type SnapshotSource,
  type VersionsByKind,
} from "../queries/SnapshotIndex.js";
import { collections, type Entity, emptySnapshot, type Snapshot } from "../Snapshot.js";
import type { Succession } from "../Succession.js";
import { ruleChecks } from "./checkSnapshot.js";
import { type Reference, referencesOf } from "./internal.js";
import { type RuleId, type RuleOptions, ruleIds } from "./Rule.js";

/** One record's new history in a {@link RegisterChange}. */
export interface EntityHistory {
  readonly kind: EntityKind;
  readonly id: string;
  /** Every version of the record after the change; empty = the record is removed. */
  readonly versions: ReadonlyArray<Entity>;
}

/** What a change does to the register: the records whose history it replaces. */
export interface RegisterChange {
  readonly entities: ReadonlyArray<EntityHistory>;
}

/**
 * A map that looks up every key of `all` but lists only `focus`: what a rule sees when it
 * runs on a few units, finding every record it looks up.
 */
class FocusMap<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly all: ReadonlyMap<string, V>,
    private readonly focus: ReadonlyMap<string, V>,
  ) {}
  get(key: string): V | undefined {
    return this.all.get(key);
  }
  has(key: string): boolean {
    return this.all.has(key);
  }
  get size(): number {
    return this.focus.size;
  }
  entries(): MapIterator<[string, V]> {
    return this.focus.entries();
  }
  keys(): MapIterator<string> {
    return this.focus.keys();
  }
  values(): MapIterator<V> {
    return this.focus.values();
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.focus.entries();
  }
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.focus) callback(value, key, this);
  }
}

// ---------------------------------------------------------------------------------------
// The state a check keeps.

type Versions = ReadonlyArray<Entity>;

interface State {
  readonly versions: { readonly [K in EntityKind]: LayeredMap<Versions> };
  readonly lifetimes: LayeredMap<ReadonlyArray<Period>>;
  /** Ids of the records that refer to an id (whether or not the id exists). */
  readonly referrers: LayeredMap<ReadonlySet<string>>;
  /** Ids of the neighbourhoods with a version in a scheme, by scheme id. */
  readonly schemeMembers: LayeredMap<ReadonlySet<string>>;
  /** Ids of the systems, places and organisations holding a code, by normalised code. */
  readonly codeHolders: LayeredMap<ReadonlySet<string>>;
  /** Ids of the relationships with an `accountable-to` or `reports-to` version. */
  readonly upward: ReadonlySet<string>;
  readonly successionsFrom: LayeredMap<ReadonlyArray<Succession>>;
  readonly lsoas: ReadonlyMap<string, Lsoa>;
  readonly lsoasByDistrict: ReadonlyMap<string, ReadonlyArray<Lsoa>>;
  readonly lsoaList: ReadonlyArray<Lsoa>;
  readonly sourceKeys: ReadonlySet<string>;
  readonly sources: Snapshot["sources"];
  readonly options: RuleOptions;
}

const entityKinds = Object.keys(collections) as EntityKind[];
const lsoaUnit = "lsoas";
const cycleUnit = "accountability";
const upwardKinds: ReadonlySet<string> = new Set(["accountable-to", "reports-to"]);
const codeHolding: ReadonlySet<EntityKind> = new Set(["system", "place", "organisation"]);

const normalise = (code: string): string => code.trim().toUpperCase();

const idsReferredBy = (kind: EntityKind, versions: Versions): Set<string> => {
  const references = referencesOf[kind] as (version: Entity) => ReadonlyArray<Reference>;
  const ids = new Set<string>();
  for (const version of versions) {
    for (const [, target] of references(version)) if (target !== undefined) ids.add(target);
  }
  return ids;
};

const schemesOf = (kind: EntityKind, versions: Versions): Set<string> => {
  const ids = new Set<string>();
  if (kind === "neighbourhood") {
    for (const version of versions) if ("schemeId" in version) ids.add(version.schemeId);
  }
  return ids;
};

const codesOf = (kind: EntityKind, versions: Versions): Set<string> => {
  const codes = new Set<string>();
  if (!codeHolding.has(kind)) return codes;
  for (const version of versions) {
    if ("codes" in version) for (const code of version.codes) codes.add(normalise(code.value));
  }
  return codes;
};

const isUpward = (kind: EntityKind, versions: Versions): boolean =>
  kind === "relationship" &&
  versions.some((version) => "kind" in version && upwardKinds.has(version.kind));

// ---------------------------------------------------------------------------------------
// What each rule checks unit by unit.

interface Scope {
  /** The units of the rule a record's versions belong to. */
  readonly units: (kind: EntityKind, id: string, versions: Versions) => Iterable<string>;
  /** The ids of the records the rule must see to check a unit. */
  readonly focus: (state: State, unit: string) => Iterable<string>;
  /** Whether a finding of a run on `unit` belongs to that unit. */
  readonly keep?: (finding: Finding, unit: string) => boolean;
}

const records = (...kinds: EntityKind[]): Scope => {
  const of = new Set<EntityKind | "any">(kinds.length === 0 ? ["any"] : kinds);
  return {
    units: (kind, id) => (of.has("any") || of.has(kind) ? [id] : []),
    focus: (_state, unit) => [unit],
  };
};

const schemes = (withScheme: boolean): Scope => ({
  units: (kind, id, versions) =>
    withScheme && kind === "neighbourhoodScheme" ? [id] : schemesOf(kind, versions),
  focus: (state, unit) => {
    const members = state.schemeMembers.get(unit) ?? [];
    return withScheme ? [unit, ...members] : members;
  },
  keep: (finding, unit) => finding.subjects[0] === unit,
});

const scopes: { readonly [K in RuleId]: Scope } = {
  "version-overlap": records(),
  "dangling-reference": records(),
  "neighbourhood-nesting": records("neighbourhood"),
  "lsoa-overlap": schemes(false),
  "coverage-gap": schemes(true),
  "footprint-outside-place": records("neighbourhood"),
  "population-band": records("neighbourhood"),
  "pooled-budget-sum": records("pooledBudget"),
  "delegated-limit": records("decision"),
  "accountability-cycle": {
    units: (kind, _id, versions) => (isUpward(kind, versions) ? [cycleUnit] : []),
    focus: (state) => state.upward,
  },
  "relationship-period": records("relationship", "team", "pooledBudget", "decision"),
  "succession-dates": records("succession"),
  "code-format": records("system", "place", "organisation"),
  "duplicate-code": {
    units: (kind, _id, versions) => codesOf(kind, versions),
    focus: (state, unit) => state.codeHolders.get(unit) ?? [],
    keep: (finding, unit) => normalise(finding.subjects[0] ?? "") === unit,
  },
  "team-in-neighbourhood": records("team"),
};

const emptyMap: ReadonlyMap<string, never> = new Map<string, never>();

/** The index a rule runs on to check a few units: it lists their records, finds them all. */
const focusIndex = (state: State, ids: Iterable<string>, withLsoas: boolean): SnapshotIndex => {
  const snapshot = emptySnapshot();
  const focus = new Map<EntityKind, Map<string, Versions>>();
  for (const id of [...new Set(ids)].sort()) {
    const kind = kindOfPrefix(id);
    if (kind === undefined) continue;
    const versions = state.versions[kind].get(id);
    if (versions === undefined) continue;
    let byId = focus.get(kind);
    if (byId === undefined) {
      byId = new Map();
      focus.set(kind, byId);
    }
    byId.set(id, versions);
    const target = snapshot[collections[kind]] as Entity[];
    for (const version of versions) target.push(version);
  }
  if (withLsoas) snapshot.lsoas = [...state.lsoaList];
  snapshot.sources = [...state.sources];
  const versions = {} as Record<EntityKind, ReadonlyMap<string, Versions>>;
  for (const kind of entityKinds) {
    versions[kind] = new FocusMap(state.versions[kind], focus.get(kind) ?? emptyMap);
  }
  return {
    snapshot,
    versions: versions as unknown as VersionsByKind,
    lifetimes: state.lifetimes,
    lsoas: state.lsoas,
    lsoasByDistrict: state.lsoasByDistrict,
    sourceKeys: state.sourceKeys,
    successionsFrom: state.successionsFrom,
  };
};

const runUnit = (state: State, rule: RuleId, unit: string): Finding[] => {
  const scope = scopes[rule];
  const index =
    unit === lsoaUnit
      ? focusIndex(state, [], true)
      : focusIndex(state, scope.focus(state, unit), false);
  const found = ruleChecks[rule](index, state.options);
  return scope.keep === undefined || unit === lsoaUnit
    ? found
    : found.filter((finding) => scope.keep?.(finding, unit) === true);
};

type UnitFindings = ReadonlyMap<string, ReadonlyArray<Finding>>;

const findingKey = (finding: Finding): string =>
  `${finding.subjects.join(" ")}\n${finding.message}`;

const byFrom = (a: { valid: Period }, b: { valid: Period }): number =>
  a.valid.from < b.valid.from ? -1 : a.valid.from > b.valid.from ? 1 : 0;

/** Adds and removes one id in the sets of a map, collecting the new sets in `updates`. */
const moveId = (
  map: LayeredMap<ReadonlySet<string>>,
  updates: Map<string, ReadonlySet<string> | undefined>,
  id: string,
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
): void => {
  const edit = (key: string, add: boolean): void => {
    const current = updates.has(key) ? updates.get(key) : map.get(key);
    const next = new Set(current ?? []);
    if (add) next.add(id);
    else next.delete(id);
    updates.set(key, next.size === 0 ? undefined : next);
  };
  for (const key of before) if (!after.has(key)) edit(key, false);
  for (const key of after) if (!before.has(key)) edit(key, true);
};

/**
 * The register's rules, checked once and then incrementally: see the module comment.
 *
 * @example
 * ```ts
 * import { RegisterCheck, checkSnapshot } from "@care-atlas/domain";
 * import { syntheticRegister } from "@care-atlas/domain/testing";
 * const snapshot = syntheticRegister({ places: 1, practicesPerPcn: 2 });
 * const check = RegisterCheck.build(snapshot);
 * check.findings; // [] — the same as checkSnapshot(snapshot)
 * const practice = snapshot.organisations.find((o) => o.kind === "gp-practice");
 * const after = check.recheck({
 *   entities: [{ kind: "organisation", id: practice!.id, versions: [] }], // removed
 * });
 * after.findings.map((f) => f.rule); // ["dangling-reference", …]: its PCN membership now dangles
 * check.findings; // still []: a check is immutable
 * ```
 */
export class RegisterCheck {
  private findingsMemo: ReadonlyArray<Finding> | undefined;

  private constructor(
    private readonly state: State,
    private readonly units: { readonly [K in RuleId]: UnitFindings },
  ) {}

  /**
   * Checks every rule over a snapshot or its index (not validated here: parse it with
   * `Snapshot.parse` first), keeping what {@link recheck} needs.
   */
  static build(source: SnapshotSource, options: RuleOptions = {}): RegisterCheck {
    const index = asIndex(source);
    const { snapshot } = index;
    const referrers = new Map<string, Set<string>>();
    const schemeMembers = new Map<string, Set<string>>();
    const codeHolders = new Map<string, Set<string>>();
    const upward = new Set<string>();
    const addTo = (map: Map<string, Set<string>>, key: string, id: string): void => {
      const set = map.get(key);
      if (set === undefined) map.set(key, new Set([id]));
      else set.add(id);
    };
    const versions = {} as Record<EntityKind, LayeredMap<Versions>>;
    for (const kind of entityKinds) {
      const byId = index.versions[kind] as ReadonlyMap<string, Versions>;
      versions[kind] = LayeredMap.of(byId);
      for (const [id, list] of byId) {
        for (const target of idsReferredBy(kind, list)) addTo(referrers, target, id);
        for (const scheme of schemesOf(kind, list)) addTo(schemeMembers, scheme, id);
        for (const code of codesOf(kind, list)) addTo(codeHolders, code, id);
        if (isUpward(kind, list)) upward.add(id);
      }
    }
    const state: State = {
      versions,
      lifetimes: LayeredMap.of(index.lifetimes),
      referrers: LayeredMap.of(referrers),
      schemeMembers: LayeredMap.of(schemeMembers),
      codeHolders: LayeredMap.of(codeHolders),
      upward,
      successionsFrom: LayeredMap.of(index.successionsFrom),
      lsoas: index.lsoas,
      lsoasByDistrict: index.lsoasByDistrict,
      lsoaList: snapshot.lsoas,
      sourceKeys: index.sourceKeys,
      sources: snapshot.sources,
      options,
    };
    const units = {} as Record<RuleId, UnitFindings>;
    for (const rule of ruleIds) {
      const scope = scopes[rule];
      const all = new Set<string>();
      for (const kind of entityKinds) {
        for (const [id, list] of index.versions[kind] as ReadonlyMap<string, Versions>) {
          for (const unit of scope.units(kind, id, list)) all.add(unit);
        }
      }
      const found = new Map<string, ReadonlyArray<Finding>>();
      for (const unit of [lsoaUnit, ...all]) {
        const list = runUnit(state, rule, unit);
        if (list.length > 0) found.set(unit, list);
      }
      units[rule] = found;
    }
    return new RegisterCheck(state, units);
  }

  /** Every finding, rule by rule in catalogue order. */
  get findings(): ReadonlyArray<Finding> {
    if (this.findingsMemo === undefined) {
      const list: Finding[] = [];
      for (const rule of ruleIds) {
        const seen = new Set<string>();
        for (const found of this.units[rule].values()) {
          for (const finding of found) {
            const key = findingKey(finding);
            if (seen.has(key)) continue;
            seen.add(key);
            list.push(finding);
          }
        }
      }
      this.findingsMemo = list;
    }
    return this.findingsMemo;
  }

  /**
   * The check of the register with `change` applied: the rules re-run only on the units
   * the change touches and those that depend on them. This check is left unchanged.
   */
  recheck(change: RegisterChange): RegisterCheck {
    const last = new Map<string, EntityHistory>();
    for (const entity of change.entities) last.set(entity.id, entity);
    if (last.size === 0) return this;
    const old = this.state;

    const versionUpdates = new Map<EntityKind, Map<string, Versions | undefined>>();
    const lifetimeUpdates = new Map<string, ReadonlyArray<Period> | undefined>();
    const referrerUpdates = new Map<string, ReadonlySet<string> | undefined>();
    const memberUpdates = new Map<string, ReadonlySet<string> | undefined>();
    const holderUpdates = new Map<string, ReadonlySet<string> | undefined>();
    const successionUpdates = new Map<string, ReadonlyArray<Succession> | undefined>();
    let upward: Set<string> | undefined;
    const before = new Map<string, { kind: EntityKind; versions: Versions }>();

    for (const { kind, id, versions: given } of last.values()) {
      const previous = old.versions[kind].get(id) ?? [];
      before.set(id, { kind, versions: previous });
      const versions = [...given].sort(byFrom);
      let byId = versionUpdates.get(kind);
      if (byId === undefined) {
        byId = new Map();
        versionUpdates.set(kind, byId);
      }
      byId.set(id, versions.length === 0 ? undefined : versions);
      lifetimeUpdates.set(
        id,
        versions.length === 0 ? undefined : merge(versions.map((version) => version.valid)),
      );
      moveId(
        old.referrers,
        referrerUpdates,
        id,
        idsReferredBy(kind, previous),
        idsReferredBy(kind, versions),
      );
      moveId(
        old.schemeMembers,
        memberUpdates,
        id,
        schemesOf(kind, previous),
        schemesOf(kind, versions),
      );
      moveId(old.codeHolders, holderUpdates, id, codesOf(kind, previous), codesOf(kind, versions));
      if (isUpward(kind, previous) !== isUpward(kind, versions)) {
        upward ??= new Set(old.upward);
        if (isUpward(kind, versions)) upward.add(id);
        else upward.delete(id);
      }
      if (kind === "succession") {
        const predecessors = new Set<string>();
        for (const version of [...previous, ...versions] as Succession[]) {
          for (const predecessorId of version.predecessorIds) predecessors.add(predecessorId);
        }
        for (const predecessorId of predecessors) {
          const current = successionUpdates.has(predecessorId)
            ? successionUpdates.get(predecessorId)
            : old.successionsFrom.get(predecessorId);
          const kept = (current ?? []).filter((version) => version.id !== id);
          for (const version of versions as Succession[]) {
            if (version.predecessorIds.includes(predecessorId)) kept.push(version);
          }
          kept.sort(byFrom);
          successionUpdates.set(predecessorId, kept.length === 0 ? undefined : kept);
        }
      }
    }

    const versions = { ...old.versions };
    for (const [kind, updates] of versionUpdates) versions[kind] = old.versions[kind].with(updates);
    const state: State = {
      ...old,
      versions,
      lifetimes: old.lifetimes.with(lifetimeUpdates),
      referrers: old.referrers.with(referrerUpdates),
      schemeMembers: old.schemeMembers.with(memberUpdates),
      codeHolders: old.codeHolders.with(holderUpdates),
      upward: upward ?? old.upward,
      successionsFrom: old.successionsFrom.with(successionUpdates),
    };

    // The records touched: the changed ones, those referring to them, and to those.
    const touched = new Set<string>(last.keys());
    let frontier: Iterable<string> = last.keys();
    for (let hop = 0; hop < 2; hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const referrer of state.referrers.get(id) ?? []) {
          if (touched.has(referrer)) continue;
          touched.add(referrer);
          next.push(referrer);
        }
      }
      frontier = next;
    }

    const units = { ...this.units };
    for (const rule of ruleIds) {
      const scope = scopes[rule];
      const affected = new Set<string>();
      for (const id of touched) {
        const kind = kindOfPrefix(id);
        if (kind === undefined) continue;
        const now = state.versions[kind].get(id);
        if (now !== undefined) for (const unit of scope.units(kind, id, now)) affected.add(unit);
        const was = before.get(id);
        if (was !== undefined)
          for (const unit of scope.units(kind, id, was.versions)) affected.add(unit);
      }
      if (affected.size === 0) continue;
      const found = new Map(this.units[rule]);
      for (const unit of affected) {
        const list = runUnit(state, rule, unit);
        if (list.length > 0) found.set(unit, list);
        else found.delete(unit);
      }
      units[rule] = found;
    }
    return new RegisterCheck(state, units);
  }
}
