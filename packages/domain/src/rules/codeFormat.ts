/**
 * @module codeFormat
 * The code rules: `code-format` (error), each ODS and GSS code shaped as its system and the
 * kind of its holder require; `duplicate-code` (warning), one code held by two records of a
 * kind at once.
 */
import {
  type CodeKind,
  type CodeSystem,
  checkCode,
  codeFormats,
  ExternalIdentifier,
} from "../ExternalIdentifier.js";
import type { Finding } from "../Finding.js";
import type { OrganisationKind } from "../Organisation.js";
import { intersect, merge, type Period } from "../Period.js";
import { type CodeMatch, codeCrosswalk } from "../queries/codeCrosswalk.js";
import { asIndex, type SnapshotIndex, type SnapshotSource } from "../queries/SnapshotIndex.js";
import { describe, Findings, formatLifetime, nounOf } from "./internal.js";

const hints: { readonly [S in CodeSystem]: Partial<Record<CodeKind, string>> } = {
  gss: {
    icb: "E54 and 6 digits",
    "sub-icb-location": "E38 and 6 digits",
    ccg: "E38 and 6 digits",
    "local-authority": "E06, E07, E08 or E09 and 6 digits",
    "combined-authority": "E47 and 6 digits",
    lsoa: "E01 and 6 digits",
    msoa: "E02 and 6 digits",
    ward: "E05 and 6 digits",
    region: "E40 and 6 digits",
  },
  ods: {
    icb: "Q and 2 letters or digits, as QOP",
    "sub-icb-location": "2 digits and a letter, as 14L, or 5 as X2C4Y",
    ccg: "2 digits and a letter, as 14L, or 5 as X2C4Y",
    "nhs-trust": "R and 2 letters or digits, as R0A",
    "gp-practice": "a letter and 5 digits, as P82001",
    pcn: "U and 5 digits",
    region: "Y and 2 digits",
  },
};

const codeKindOfOrganisation = (kind: OrganisationKind): CodeKind | undefined =>
  kind in codeFormats.gss || kind in codeFormats.ods ? (kind as CodeKind) : undefined;

const holders: Record<CodeKind, string> = {
  icb: "an ICB",
  "sub-icb-location": "a sub-ICB location",
  ccg: "a CCG",
  "local-authority": "a local authority",
  "combined-authority": "a combined authority",
  lsoa: "an LSOA",
  msoa: "an MSOA",
  ward: "a ward",
  region: "a region",
  "nhs-trust": "an NHS trust",
  "gp-practice": "a GP practice",
  pcn: "a PCN",
};

/**
 * Why a code is malformed for a holder of `kind`, or `null`. Kinds without a format in a
 * system fall back to the system's general format.
 */
const problem = (system: CodeSystem, kind: CodeKind | undefined, value: string): string | null => {
  if (kind !== undefined && checkCode(system, kind, value) !== null) {
    return `not ${system === "ods" ? "an" : "a"} ${system.toUpperCase()} code for ${holders[kind]} (${hints[system][kind] ?? "see codeFormats"})`;
  }
  if (kind === undefined || !(kind in codeFormats[system])) {
    if (!ExternalIdentifier.safeParse({ system, value }).success) {
      return `not a well-formed ${system.toUpperCase()} code`;
    }
  }
  return null;
};

const checkEntityCodes = (index: SnapshotIndex, findings: Findings): void => {
  const { snapshot } = index;
  const check = (
    id: string,
    at: string,
    codes: ReadonlyArray<ExternalIdentifier>,
    kind: CodeKind | undefined,
  ): void => {
    for (const code of codes) {
      const why = problem(code.system, kind, code.value);
      if (why === null) continue;
      findings.add(
        [id, code.value],
        `${describe(index, id, at)} has ${code.system.toUpperCase()} code "${code.value}", which is ${why}.`,
      );
    }
  };
  for (const system of snapshot.systems) check(system.id, system.valid.from, system.codes, "icb");
  for (const place of snapshot.places) {
    check(
      place.id,
      place.valid.from,
      place.codes.filter((c) => c.system === "gss"),
      "local-authority",
    );
    check(
      place.id,
      place.valid.from,
      place.codes.filter((c) => c.system !== "gss"),
      undefined,
    );
  }
  for (const organisation of snapshot.organisations) {
    check(
      organisation.id,
      organisation.valid.from,
      organisation.codes,
      codeKindOfOrganisation(organisation.kind),
    );
  }
  for (const lsoa of snapshot.lsoas) {
    const parts: [CodeKind, string, string][] = [["lsoa", "code", lsoa.code]];
    if (lsoa.msoa !== undefined) parts.push(["msoa", "MSOA code", lsoa.msoa.code]);
    parts.push(["local-authority", "district code", lsoa.districtCode]);
    if (lsoa.ward !== undefined) parts.push(["ward", "ward code", lsoa.ward.code]);
    for (const [kind, field, value] of parts) {
      const why = problem("gss", kind, value);
      if (why === null) continue;
      findings.add(
        [lsoa.code, value],
        `LSOA ${lsoa.code} (${lsoa.name}) has ${field} "${value}", which is ${why}.`,
      );
    }
  }
};

/**
 * Checks every ODS and GSS code against the format for its holder: organisations by their
 * kind (ICB, sub-ICB location, CCG, local authority, combined authority, NHS trust, GP
 * practice, PCN; other kinds by the system's general format), places as local authorities
 * (GSS E06–E09), systems as ICBs (GSS E54, ODS Q + 2), and LSOAs' own, MSOA, ward and
 * district codes.
 *
 * @example
 * ```ts
 * import { Snapshot, checkCodeFormat, emptySnapshot } from "@care-atlas/domain";
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   organisations: [{
 *     id: "org_0000000001", kind: "pcn", name: "Synthetic PCN", codes: [{ system: "ods", value: "Z99999" }],
 *     valid: { from: "2019-07-01", to: null }, provenance: { sources: ["synthetic"] },
 *   }],
 * });
 * checkCodeFormat(snapshot)[0]?.subjects; // ["org_0000000001", "Z99999"]
 * ```
 */
export const checkCodeFormat = (source: SnapshotSource): Finding[] => {
  const findings = new Findings("code-format");
  checkEntityCodes(asIndex(source), findings);
  return findings.list;
};

type EntityMatch = Exclude<CodeMatch, { kind: "lsoa" }>;

/**
 * Finds codes held by two different records of the same kind on the same day (a lookup by
 * such a code is ambiguous). Records of different kinds may share a code — a place and its
 * council, a system and its ICB — and the versions of one record are one holder.
 *
 * @example
 * ```ts
 * import { Snapshot, checkDuplicateCode, emptySnapshot } from "@care-atlas/domain";
 * const practice = (n: number) => ({
 *   id: `org_000000000${n}`, kind: "gp-practice", name: `Synthetic Practice ${n}`,
 *   codes: [{ system: "ods", value: "Z99999" }],
 *   valid: { from: "2020-04-01", to: null }, provenance: { sources: ["synthetic"] },
 * });
 * const snapshot = Snapshot.parse({ ...emptySnapshot(), organisations: [practice(1), practice(2)] });
 * checkDuplicateCode(snapshot)[0]?.subjects; // ["Z99999", "org_0000000001", "org_0000000002"]
 * ```
 */
export const checkDuplicateCode = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("duplicate-code");
  for (const matches of codeCrosswalk(index).values()) {
    if (matches.length < 2) continue;
    const entities = matches.filter((m): m is EntityMatch => m.kind !== "lsoa");
    const pairs = new Map<
      string,
      { first: EntityMatch; a: string; b: string; periods: Period[] }
    >();
    for (let j = 1; j < entities.length; j++) {
      const second = entities[j];
      if (second === undefined) continue;
      for (let i = 0; i < j; i++) {
        const first = entities[i];
        if (first === undefined || first.id === second.id || first.kind !== second.kind) continue;
        if (first.system !== second.system) continue;
        const shared = intersect(first.period, second.period);
        if (shared === null) continue;
        const [a, b] = first.id < second.id ? [first.id, second.id] : [second.id, first.id];
        const pair = pairs.get(`${a} ${b}`);
        if (pair === undefined) pairs.set(`${a} ${b}`, { first, a, b, periods: [shared] });
        else pair.periods.push(shared);
      }
    }
    for (const { first, a, b, periods } of pairs.values()) {
      const shared = merge(periods);
      const at = shared[0]?.from;
      findings.add(
        [first.code, a, b],
        `${first.system.toUpperCase()} code ${first.code} is held by two ${nounOf(first.kind, undefined)}s at once, ${formatLifetime(shared)}: ${describe(index, a, at)} and ${describe(index, b, at)}.`,
      );
    }
  }
  return findings.list;
};
