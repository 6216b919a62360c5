/**
 * @module codeCrosswalk
 * From any ODS or ONS GSS code to the record that holds it: systems, places and
 * organisations (through their dated codes and versions) and LSOAs (by their E01 code).
 */
import type { CodeSystem, ExternalIdentifier } from "../ExternalIdentifier.js";
import type { Lsoa } from "../Lsoa.js";
import type { Organisation } from "../Organisation.js";
import { contains, type IsoDate, intersect, type Period } from "../Period.js";
import type { Place } from "../Place.js";
import type { System } from "../System.js";
import { asIndex, type SnapshotIndex, type SnapshotSource } from "./SnapshotIndex.js";

interface MatchFields {
  /** The code system. */
  readonly system: CodeSystem;
  /** The code, as the record holds it. */
  readonly code: string;
}

/**
 * A record that holds a code. For entities, `period` is when this version held the code
 * (the code's own period within the version's valid period); LSOAs are reference data
 * without a period (`period: null`).
 */
export type CodeMatch =
  | (MatchFields & {
      readonly kind: "system";
      readonly id: string;
      readonly version: System;
      readonly period: Period;
    })
  | (MatchFields & {
      readonly kind: "place";
      readonly id: string;
      readonly version: Place;
      readonly period: Period;
    })
  | (MatchFields & {
      readonly kind: "organisation";
      readonly id: string;
      readonly version: Organisation;
      readonly period: Period;
    })
  | (MatchFields & {
      readonly kind: "lsoa";
      /** The LSOA's code: LSOAs are keyed by code. */
      readonly id: string;
      readonly version: Lsoa;
      readonly period: null;
    });

/** Every holder of every code, keyed by the code in upper case. */
export type CodeCrosswalk = ReadonlyMap<string, ReadonlyArray<CodeMatch>>;

const normalise = (code: string): string => code.trim().toUpperCase();

const crosswalks = new WeakMap<SnapshotIndex, CodeCrosswalk>();

const periodOf = (code: ExternalIdentifier, valid: Period): Period | null =>
  code.period === undefined ? valid : intersect(code.period, valid);

/**
 * Every code in a snapshot and the records that hold it, keyed by the code in upper case.
 * Built once per {@link SnapshotIndex} and cached; a plain snapshot is indexed afresh.
 *
 * @example
 * ```ts
 * import { Snapshot, codeCrosswalk, emptySnapshot, indexSnapshot } from "@care-atlas/domain";
 * const index = indexSnapshot(Snapshot.parse({
 *   ...emptySnapshot(),
 *   organisations: [{
 *     id: "org_0000000001", kind: "gp-practice", name: "Synthetic Practice",
 *     codes: [{ system: "ods", value: "Z99999" }],
 *     valid: { from: "2020-04-01", to: null }, provenance: { sources: ["synthetic"] },
 *   }],
 * }));
 * codeCrosswalk(index).get("Z99999")?.[0]?.id; // "org_0000000001"
 * ```
 */
export const codeCrosswalk = (source: SnapshotSource): CodeCrosswalk => {
  const index = asIndex(source);
  const cached = crosswalks.get(index);
  if (cached !== undefined) return cached;

  const map = new Map<string, CodeMatch[]>();
  const add = (match: CodeMatch): void => {
    const key = normalise(match.code);
    const list = map.get(key);
    if (list === undefined) map.set(key, [match]);
    else list.push(match);
  };
  const { snapshot } = index;
  for (const version of snapshot.systems) {
    for (const code of version.codes) {
      const period = periodOf(code, version.valid);
      if (period !== null)
        add({
          kind: "system",
          id: version.id,
          version,
          system: code.system,
          code: code.value,
          period,
        });
    }
  }
  for (const version of snapshot.places) {
    for (const code of version.codes) {
      const period = periodOf(code, version.valid);
      if (period !== null)
        add({
          kind: "place",
          id: version.id,
          version,
          system: code.system,
          code: code.value,
          period,
        });
    }
  }
  for (const version of snapshot.organisations) {
    for (const code of version.codes) {
      const period = periodOf(code, version.valid);
      if (period !== null) {
        add({
          kind: "organisation",
          id: version.id,
          version,
          system: code.system,
          code: code.value,
          period,
        });
      }
    }
  }
  for (const lsoa of snapshot.lsoas) {
    add({
      kind: "lsoa",
      id: lsoa.code,
      version: lsoa,
      system: "gss",
      code: lsoa.code,
      period: null,
    });
  }
  crosswalks.set(index, map);
  return map;
};

/** Options of {@link findByCode}. */
export interface FindByCodeOptions {
  /** Only codes of this system. */
  readonly system?: CodeSystem;
  /** Only holders that held the code on this date. Without it, holders of any date. */
  readonly date?: IsoDate;
}

const kindOrder = { system: 0, place: 1, organisation: 2, lsoa: 3 } as const;

/**
 * The records that hold `code` (case-insensitive), honouring code and version periods when
 * a `date` is given. Sorted most recent first, then system, place, organisation, LSOA. More
 * than one record may hold one code: a place and its council share a GSS district code, a
 * system and its ICB an E54 code, and a renamed organisation has a version per name.
 *
 * @example
 * ```ts
 * import { Snapshot, emptySnapshot, findByCode } from "@care-atlas/domain";
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   organisations: [{
 *     id: "org_0000000001", kind: "ccg", name: "Synthetic CCG",
 *     codes: [{ system: "ods", value: "99X" }],
 *     valid: { from: "2013-04-01", to: "2017-04-01" }, provenance: { sources: ["synthetic"] },
 *   }],
 * });
 * findByCode(snapshot, "99x", { date: "2015-01-01" })[0]?.version.name; // "Synthetic CCG"
 * findByCode(snapshot, "99X", { date: "2020-01-01" }); // []
 * ```
 */
export const findByCode = (
  source: SnapshotSource,
  code: string,
  options: FindByCodeOptions = {},
): CodeMatch[] => {
  const { system, date } = options;
  const matches = codeCrosswalk(source).get(normalise(code)) ?? [];
  return matches
    .filter(
      (match) =>
        (system === undefined || match.system === system) &&
        (date === undefined || match.period === null || contains(match.period, date)),
    )
    .sort((a, b) => {
      const aFrom = a.period?.from ?? "";
      const bFrom = b.period?.from ?? "";
      if (aFrom !== bFrom) return aFrom < bFrom ? 1 : -1;
      return kindOrder[a.kind] - kindOrder[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
};
