/**
 * @module rules/internal
 * Helpers shared by the rules: naming records in messages, formatting periods and
 * collecting findings without duplicates. Not part of the public API.
 */
import { codeOf } from "../ExternalIdentifier.js";
import type { Finding } from "../Finding.js";
import type { EntityKind } from "../Id.js";
import type { OrganisationKind } from "../Organisation.js";
import { contains, type IsoDate, type Period } from "../Period.js";
import { anyVersionsOf, kindOfPrefix, type SnapshotIndex } from "../queries/SnapshotIndex.js";
import type { Entity, EntityOf } from "../Snapshot.js";
import { type RuleId, ruleSeverity } from "./Rule.js";

const kindNouns: Record<EntityKind, string> = {
  system: "system",
  place: "place",
  neighbourhoodScheme: "neighbourhood scheme",
  neighbourhood: "neighbourhood",
  organisation: "organisation",
  relationship: "relationship",
  succession: "succession",
  governanceBody: "governance body",
  collaborative: "provider collaborative",
  team: "neighbourhood team",
  pooledBudget: "pooled budget",
  decision: "decision",
  strategyElement: "strategy element",
};

const organisationNouns: Record<OrganisationKind, string> = {
  icb: "ICB",
  "sub-icb-location": "sub-ICB location",
  ccg: "CCG",
  "local-authority": "local authority",
  "combined-authority": "combined authority",
  "nhs-trust": "NHS trust",
  "gp-practice": "GP practice",
  pcn: "PCN",
  vcfse: "VCFSE organisation",
  police: "police organisation",
  other: "organisation",
};

/** The noun for a version: its organisation kind, body kind or strategy kind where it has one. */
export const nounOf = (kind: EntityKind, version: Entity | undefined): string => {
  if (version !== undefined && "kind" in version) {
    if (kind === "organisation")
      return organisationNouns[version.kind as OrganisationKind] ?? "organisation";
    if (kind === "governanceBody" || kind === "strategyElement")
      return version.kind.replaceAll("-", " ");
  }
  return kindNouns[kind];
};

const clip = (text: string, length = 60): string =>
  text.length <= length ? text : `${text.slice(0, length - 1)}…`;

/** The display name of a version, where it has one. */
const nameOf = (version: Entity): string | undefined => {
  if ("name" in version) return version.name;
  if ("title" in version && version.title !== undefined) return version.title;
  if ("text" in version) return clip(version.text);
  return undefined;
};

/** The version valid on `date`, or else the latest. */
const pick = (versions: ReadonlyArray<Entity>, date?: IsoDate): Entity | undefined => {
  if (date !== undefined) {
    for (let i = versions.length - 1; i >= 0; i--) {
      const version = versions[i];
      if (version !== undefined && contains(version.valid, date)) return version;
    }
  }
  return versions.at(-1);
};

const codeText = (version: Entity, date?: IsoDate): string | undefined => {
  if (!("codes" in version)) return undefined;
  const ods = codeOf(version.codes, "ods", date) ?? codeOf(version.codes, "ods");
  if (ods !== undefined) return `ODS ${ods}`;
  const gss = codeOf(version.codes, "gss", date) ?? codeOf(version.codes, "gss");
  return gss === undefined ? undefined : `GSS ${gss}`;
};

/**
 * A record named for an admin: its kind, name, code and id, e.g.
 * `CCG "Synthetic CCG" (ODS 99X, org_0000000001)`, from the version valid on `date` (or
 * the latest). A relationship is named by its ends; an unknown id says so.
 */
export const describe = (index: SnapshotIndex, id: string, date?: IsoDate): string => {
  const kind = kindOfPrefix(id);
  const version = pick(anyVersionsOf(index, id), date);
  if (kind === undefined || version === undefined) return `${id} (not in the register)`;
  if (kind === "relationship" && "subjectId" in version) {
    return `relationship ${id} (${describe(index, version.subjectId, date)} ${version.kind} ${describe(index, version.objectId, date)})`;
  }
  if (kind === "succession" && "predecessorIds" in version) {
    return `${version.kind} ${id} of ${version.valid.from}`;
  }
  const name = nameOf(version);
  const code = codeText(version, date);
  const noun = nounOf(kind, version);
  const label = [code, id].filter((part) => part !== undefined).join(", ");
  return name === undefined ? `${noun} ${label}` : `${noun} "${name}" (${label})`;
};

/** A period in words: `2020-01-01 to 2021-01-01`, or `from 2020-01-01 (open-ended)`. */
export const formatPeriod = (period: Period): string =>
  period.to === null ? `from ${period.from} (open-ended)` : `${period.from} to ${period.to}`;

/** A lifetime in words. */
export const formatLifetime = (lifetime: ReadonlyArray<Period>): string =>
  lifetime.length === 0 ? "never" : lifetime.map(formatPeriod).join(", ");

/** A whole number with thousands separators. */
export const formatCount = (value: number): string => value.toLocaleString("en-GB");

/** Up to `limit` items, then "and N more". */
export const listSome = (items: ReadonlyArray<string>, limit = 12): string =>
  items.length <= limit
    ? items.join(", ")
    : `${items.slice(0, limit).join(", ")} and ${formatCount(items.length - limit)} more`;

/** Collects one rule's findings, dropping exact duplicates (e.g. from repeated versions). */
export class Findings {
  readonly #rule: RuleId;
  readonly #seen = new Set<string>();
  readonly list: Finding[] = [];

  constructor(rule: RuleId) {
    this.#rule = rule;
  }

  add(subjects: ReadonlyArray<string>, message: string): void {
    const key = `${subjects.join(" ")}\n${message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push({
      rule: this.#rule,
      severity: ruleSeverity[this.#rule],
      subjects: [...subjects],
      message,
    });
  }
}

/** Adds to a list held in a map under `key`. */
export const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

/** A reference from a record: the field it is in and the id it names. */
export type Reference = readonly [field: string, id: string | undefined];

const many = (field: string, ids: ReadonlyArray<string>): Reference[] =>
  ids.map((id) => [field, id]);

/** The entity references of each kind of record (read by `dangling-reference` and the incremental check). */
export const referencesOf: {
  readonly [K in EntityKind]: (version: EntityOf[K]) => ReadonlyArray<Reference>;
} = {
  system: (v) => [["icbId", v.icbId]],
  place: (v) => [
    ["systemId", v.systemId],
    ["councilId", v.councilId],
    ["subIcbLocationId", v.subIcbLocationId],
    ["placeBasedLead.organisationId", v.placeBasedLead?.organisationId],
  ],
  neighbourhoodScheme: (v) => [
    ["systemId", v.systemId],
    ["placeId", v.placeId],
  ],
  neighbourhood: (v) => [
    ["placeId", v.placeId],
    ["schemeId", v.schemeId],
    ...many("footprint.pcnIds", v.footprint.pcnIds),
    ...many("footprint.practiceIds", v.footprint.practiceIds),
  ],
  organisation: (v) => [
    ["placeId", v.placeId],
    ["parentId", v.parentId],
  ],
  relationship: (v) => [
    ["subjectId", v.subjectId],
    ["objectId", v.objectId],
  ],
  succession: (v) => [
    ...many("predecessorIds", v.predecessorIds),
    ...many("successorIds", v.successorIds),
  ],
  governanceBody: (v) => [
    ["systemId", v.systemId],
    ["placeId", v.placeId],
  ],
  collaborative: (v) => [
    ["systemId", v.systemId],
    ["placeId", v.placeId],
    ["neighbourhoodId", v.neighbourhoodId],
    ...many("strategyLinks", v.strategyLinks),
  ],
  team: (v) => [
    ["neighbourhoodId", v.neighbourhoodId],
    ["leadOrganisationId", v.leadOrganisationId],
    ...many(
      "members.hostOrganisationId",
      v.members.map((member) => member.hostOrganisationId),
    ),
    ...many("strategyLinks", v.strategyLinks),
  ],
  pooledBudget: (v) => [
    ["placeId", v.placeId],
    ["hostId", v.hostId],
    ...many("partnerIds", v.partnerIds),
    ["governedById", v.governedById],
    ...many(
      "years.contributions.organisationId",
      v.years.flatMap((year) => year.contributions.map((c) => c.organisationId)),
    ),
    ...many("strategyLinks", v.strategyLinks),
  ],
  decision: (v) => [
    ["bodyId", v.bodyId],
    ...many("providerIds", v.providerIds),
    ["pooledBudgetId", v.pooledBudgetId],
    ...many("strategyLinks", v.strategyLinks),
  ],
  strategyElement: (v) => [["parentId", v.parentId]],
};
