/**
 * @module lsoaCoverage
 * The geographic rules of neighbourhood schemes: `lsoa-overlap` (error), `coverage-gap`
 * (warning) and `footprint-outside-place` (error).
 */
import { codeFormats } from "../ExternalIdentifier.js";
import type { Finding } from "../Finding.js";
import type { Lsoa } from "../Lsoa.js";
import type { Neighbourhood } from "../Neighbourhood.js";
import { contains, gaps, intersect, merge, overlaps, type Period } from "../Period.js";
import {
  asIndex,
  type SnapshotIndex,
  type SnapshotSource,
  versionsOf,
} from "../queries/SnapshotIndex.js";
import { describe, Findings, formatCount, formatPeriod, listSome, pushTo } from "./internal.js";
import type { RuleOptions } from "./Rule.js";

interface Footprints {
  /** Neighbourhood versions by scheme id and LSOA code (`scheme code`). */
  readonly bySchemeLsoa: ReadonlyMap<string, ReadonlyArray<Neighbourhood>>;
  /** Neighbourhood versions by scheme id. */
  readonly byScheme: ReadonlyMap<string, ReadonlyArray<Neighbourhood>>;
}

const footprintCache = new WeakMap<SnapshotIndex, Footprints>();

const footprints = (index: SnapshotIndex): Footprints => {
  const cached = footprintCache.get(index);
  if (cached !== undefined) return cached;
  const bySchemeLsoa = new Map<string, Neighbourhood[]>();
  const byScheme = new Map<string, Neighbourhood[]>();
  for (const neighbourhood of index.snapshot.neighbourhoods) {
    pushTo(byScheme, neighbourhood.schemeId, neighbourhood);
    for (const code of new Set(neighbourhood.footprint.lsoas)) {
      pushTo(bySchemeLsoa, `${neighbourhood.schemeId} ${code}`, neighbourhood);
    }
  }
  const result = { bySchemeLsoa, byScheme };
  footprintCache.set(index, result);
  return result;
};

const districtFormat = codeFormats.gss["local-authority"];

/** The GSS district codes a place held at some time in `period`. */
const districtCodes = (index: SnapshotIndex, placeId: string, period: Period): Set<string> => {
  const codes = new Set<string>();
  for (const place of versionsOf(index, "place", placeId)) {
    if (!overlaps(place.valid, period)) continue;
    for (const code of place.codes) {
      if (code.system !== "gss" || !districtFormat.test(code.value)) continue;
      if (code.period !== undefined && !overlaps(code.period, period)) continue;
      codes.add(code.value);
    }
  }
  return codes;
};

const intersectAll = (as: ReadonlyArray<Period>, bs: ReadonlyArray<Period>): Period[] => {
  const result: Period[] = [];
  for (const a of as) {
    for (const b of bs) {
      const shared = intersect(a, b);
      if (shared !== null) result.push(shared);
    }
  }
  return merge(result);
};

/**
 * Within each neighbourhood scheme, finds LSOAs that are in two neighbourhoods on the same
 * days. One finding per pair of neighbourhoods and shared period, listing the LSOAs.
 *
 * @example
 * ```ts
 * import { Snapshot, checkLsoaOverlap, emptySnapshot } from "@care-atlas/domain";
 * const provenance = { sources: ["synthetic"] };
 * const neighbourhood = (n: number) => ({
 *   id: `nbh_000000000${n}`, name: `Synthetic ${n}`, placeId: "plc_0000000001", schemeId: "nsc_0000000001",
 *   footprint: { lsoas: ["E01999001"] }, valid: { from: "2023-01-01", to: null }, provenance,
 * });
 * const snapshot = Snapshot.parse({ ...emptySnapshot(), neighbourhoods: [neighbourhood(1), neighbourhood(2)] });
 * checkLsoaOverlap(snapshot)[0]?.subjects; // ["nsc_0000000001", "nbh_0000000001", "nbh_0000000002", "E01999001"]
 * ```
 */
export const checkLsoaOverlap = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("lsoa-overlap");
  const groups = new Map<
    string,
    { schemeId: string; a: string; b: string; shared: Period; codes: string[] }
  >();
  for (const [key, versions] of footprints(index).bySchemeLsoa) {
    if (versions.length < 2) continue;
    const code = key.slice(key.indexOf(" ") + 1);
    for (let j = 1; j < versions.length; j++) {
      const second = versions[j];
      if (second === undefined) continue;
      for (let i = 0; i < j; i++) {
        const first = versions[i];
        if (first === undefined || first.id === second.id) continue;
        const shared = intersect(first.valid, second.valid);
        if (shared === null) continue;
        const [a, b] = first.id < second.id ? [first.id, second.id] : [second.id, first.id];
        const groupKey = `${first.schemeId} ${a} ${b} ${shared.from} ${shared.to}`;
        const group = groups.get(groupKey);
        if (group === undefined)
          groups.set(groupKey, { schemeId: first.schemeId, a, b, shared, codes: [code] });
        else if (!group.codes.includes(code)) group.codes.push(code);
      }
    }
  }
  for (const { schemeId, a, b, shared, codes } of groups.values()) {
    codes.sort();
    const at = shared.from;
    findings.add(
      [schemeId, a, b, ...codes],
      `${describe(index, a, at)} and ${describe(index, b, at)} of ${describe(index, schemeId, at)} both include ${codes.length === 1 ? "LSOA" : `${formatCount(codes.length)} LSOAs`} ${listSome(codes)}, ${formatPeriod(shared)}. An LSOA may be in only one neighbourhood of a scheme at a time.`,
    );
  }
  return findings.list;
};

/**
 * Within each geographic or mixed scheme, finds LSOAs of a place that no neighbourhood of
 * the scheme covers. A place is checked for the periods in which the scheme is geographic
 * or mixed, the place exists, and the scheme has at least one neighbourhood with an LSOA
 * footprint in it; the place's LSOAs are those of `snapshot.lsoas` whose `districtCode` is
 * one of the place's GSS district codes. Over all time, gaps are computed exactly from the
 * periods (so every date where something changes is covered); with the `date` option, only
 * that date is checked. One finding per scheme, place and gap period, listing the LSOAs.
 *
 * @example
 * ```ts
 * import { Snapshot, checkCoverageGap, emptySnapshot } from "@care-atlas/domain";
 * const provenance = { sources: ["synthetic"] };
 * const valid = { from: "2023-01-01", to: null };
 * const lsoa = (code: string) => ({ code, name: `Synthetic ${code}`, msoa: { code: "E02999001", name: "Synthetic 001" }, districtCode: "E08999001" });
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   lsoas: [lsoa("E01999001"), lsoa("E01999002")],
 *   places: [{ id: "plc_0000000001", name: "Synthetic Borough", systemId: "sys_0000000001", codes: [{ system: "gss", value: "E08999001" }], valid, provenance }],
 *   neighbourhoodSchemes: [{ id: "nsc_0000000001", name: "Synthetic Scheme", systemId: "sys_0000000001", basis: "geographic", status: "derived", valid, provenance }],
 *   neighbourhoods: [{ id: "nbh_0000000001", name: "Synthetic North", placeId: "plc_0000000001", schemeId: "nsc_0000000001", footprint: { lsoas: ["E01999001"] }, valid, provenance }],
 * });
 * checkCoverageGap(snapshot)[0]?.subjects; // ["nsc_0000000001", "plc_0000000001", "E01999002"]
 * ```
 */
export const checkCoverageGap = (source: SnapshotSource, options: RuleOptions = {}): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("coverage-gap");
  const { bySchemeLsoa, byScheme } = footprints(index);
  const { date } = options;

  for (const [schemeId, schemeVersions] of index.versions.neighbourhoodScheme) {
    const geographic = merge(
      schemeVersions
        .filter((s) => s.basis === "geographic" || s.basis === "mixed")
        .map((s) => s.valid),
    );
    if (geographic.length === 0) continue;

    const byPlace = new Map<string, Neighbourhood[]>();
    for (const neighbourhood of byScheme.get(schemeId) ?? []) {
      if (neighbourhood.footprint.lsoas.length > 0)
        pushTo(byPlace, neighbourhood.placeId, neighbourhood);
    }

    for (const [placeId, neighbourhoods] of byPlace) {
      const placeLifetime = index.lifetimes.get(placeId);
      if (placeLifetime === undefined) continue;
      let span = intersectAll(
        intersectAll(merge(neighbourhoods.map((n) => n.valid)), geographic),
        placeLifetime,
      );
      if (date !== undefined) span = span.filter((segment) => contains(segment, date));

      for (const segment of span) {
        const districts = districtCodes(index, placeId, segment);
        const lsoas: Lsoa[] = [];
        for (const district of districts)
          lsoas.push(...(index.lsoasByDistrict.get(district) ?? []));
        if (lsoas.length === 0) continue;

        const gapsByPeriod = new Map<string, { period: Period | null; codes: string[] }>();
        for (const lsoa of lsoas) {
          const covering = (bySchemeLsoa.get(`${schemeId} ${lsoa.code}`) ?? []).map((n) => n.valid);
          if (date !== undefined) {
            if (covering.some((period) => contains(period, date))) continue;
            const group = gapsByPeriod.get("on");
            if (group === undefined) gapsByPeriod.set("on", { period: null, codes: [lsoa.code] });
            else group.codes.push(lsoa.code);
            continue;
          }
          for (const gap of gaps(covering, segment)) {
            const key = `${gap.from} ${gap.to}`;
            const group = gapsByPeriod.get(key);
            if (group === undefined) gapsByPeriod.set(key, { period: gap, codes: [lsoa.code] });
            else group.codes.push(lsoa.code);
          }
        }

        for (const { period, codes } of gapsByPeriod.values()) {
          if (codes.length === 0) continue;
          codes.sort();
          const at = period?.from ?? date ?? segment.from;
          const when = period === null ? `on ${date}` : formatPeriod(period);
          findings.add(
            [schemeId, placeId, ...codes],
            `${describe(index, schemeId, at)} leaves ${formatCount(codes.length)} of the ${formatCount(lsoas.length)} LSOAs of ${describe(index, placeId, at)} in no neighbourhood ${when}: ${listSome(codes)}.`,
          );
        }
      }
    }
  }
  return findings.list;
};

/**
 * Finds footprint LSOAs outside the district of the neighbourhood's place (its GSS district
 * codes during the neighbourhood version's period). Places without a GSS district code, and
 * LSOAs missing from the geography (a `dangling-reference`), are not checked.
 *
 * @example
 * ```ts
 * import { Snapshot, checkFootprintOutsidePlace, emptySnapshot } from "@care-atlas/domain";
 * const provenance = { sources: ["synthetic"] };
 * const valid = { from: "2023-01-01", to: null };
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   lsoas: [{ code: "E01999001", name: "Synthetic 001A", msoa: { code: "E02999001", name: "Synthetic 001" }, districtCode: "E08999002" }],
 *   places: [{ id: "plc_0000000001", name: "Synthetic Borough", systemId: "sys_0000000001", codes: [{ system: "gss", value: "E08999001" }], valid, provenance }],
 *   neighbourhoods: [{ id: "nbh_0000000001", name: "Synthetic North", placeId: "plc_0000000001", schemeId: "nsc_0000000001", footprint: { lsoas: ["E01999001"] }, valid, provenance }],
 * });
 * checkFootprintOutsidePlace(snapshot)[0]?.subjects; // ["nbh_0000000001", "plc_0000000001", "E01999001"]
 * ```
 */
export const checkFootprintOutsidePlace = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("footprint-outside-place");
  for (const neighbourhood of index.snapshot.neighbourhoods) {
    if (neighbourhood.footprint.lsoas.length === 0) continue;
    const districts = districtCodes(index, neighbourhood.placeId, neighbourhood.valid);
    if (districts.size === 0) continue;
    const outside: string[] = [];
    for (const code of neighbourhood.footprint.lsoas) {
      const lsoa = index.lsoas.get(code);
      if (lsoa !== undefined && !districts.has(lsoa.districtCode) && !outside.includes(code))
        outside.push(code);
    }
    if (outside.length === 0) continue;
    outside.sort();
    const at = neighbourhood.valid.from;
    findings.add(
      [neighbourhood.id, neighbourhood.placeId, ...outside],
      `${describe(index, neighbourhood.id, at)} (${formatPeriod(neighbourhood.valid)}) has ${outside.length === 1 ? "LSOA" : `${formatCount(outside.length)} LSOAs`} ${listSome(outside)} in its footprint outside ${describe(index, neighbourhood.placeId, at)} (district ${[...districts].sort().join(" / ")}).`,
    );
  }
  return findings.list;
};
