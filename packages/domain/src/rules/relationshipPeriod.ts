/**
 * @module relationshipPeriod
 * Rule `relationship-period` (error): a link between records lies inside the lifetimes of
 * the records it links.
 */
import type { Finding } from "../Finding.js";
import type { IsoDate, Period } from "../Period.js";
import {
  aliveOn,
  asIndex,
  insideLifetime,
  type SnapshotIndex,
  type SnapshotSource,
} from "../queries/SnapshotIndex.js";
import { describe, Findings, formatLifetime, formatPeriod } from "./internal.js";

/**
 * Checks that links lie inside the lifetimes of what they link (an end that no version
 * defines is a `dangling-reference` instead):
 * - each relationship version's period inside the lifetimes of its subject and object;
 * - each team version's period inside the lifetimes of its lead organisation and of its
 *   members' host organisations;
 * - each pooled budget version's period inside the lifetimes of its host and partners;
 * - each decision's date inside the lifetimes of its body and providers.
 *
 * @example
 * ```ts
 * import { Snapshot, checkRelationshipPeriod, emptySnapshot } from "@care-atlas/domain";
 * const provenance = { sources: ["synthetic"] };
 * const org = (n: number, from: string) => ({
 *   id: `org_000000000${n}`, kind: "other", name: `Synthetic Org ${n}`, valid: { from, to: null }, provenance,
 * });
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   organisations: [org(1, "2015-01-01"), org(2, "2020-01-01")],
 *   relationships: [{
 *     id: "rel_0000000001", kind: "member-of", subjectId: "org_0000000001", objectId: "org_0000000002",
 *     valid: { from: "2019-01-01", to: null }, provenance,
 *   }],
 * });
 * checkRelationshipPeriod(snapshot)[0]?.subjects; // ["rel_0000000001", "org_0000000002"]
 * ```
 */
export const checkRelationshipPeriod = (source: SnapshotSource): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("relationship-period");

  const periodInside = (
    holderId: string,
    period: Period,
    role: string,
    endId: string | undefined,
  ): void => {
    if (endId === undefined) return;
    const lifetime = index.lifetimes.get(endId);
    if (lifetime === undefined || insideLifetime(lifetime, period)) return;
    findings.add(
      [holderId, endId],
      `${describe(index, holderId, period.from)} is valid ${formatPeriod(period)}, outside the lifetime of its ${role} ${describe(index, endId, period.from)}, which exists ${formatLifetime(lifetime)}.`,
    );
  };

  const dateInside = (
    holderId: string,
    date: IsoDate,
    role: string,
    endId: string | undefined,
  ): void => {
    if (endId === undefined) return;
    const lifetime = index.lifetimes.get(endId);
    if (lifetime === undefined || aliveOn(lifetime, date)) return;
    findings.add(
      [holderId, endId],
      `${describe(index, holderId, date)} is dated ${date}, when its ${role} ${describe(index, endId)} did not exist (it exists ${formatLifetime(lifetime)}).`,
    );
  };

  checkLinks(index, periodInside, dateInside);
  return findings.list;
};

const checkLinks = (
  index: SnapshotIndex,
  periodInside: (holderId: string, period: Period, role: string, endId: string | undefined) => void,
  dateInside: (holderId: string, date: IsoDate, role: string, endId: string | undefined) => void,
): void => {
  const { snapshot } = index;
  for (const relationship of snapshot.relationships) {
    periodInside(relationship.id, relationship.valid, "subject", relationship.subjectId);
    periodInside(relationship.id, relationship.valid, "object", relationship.objectId);
  }
  for (const team of snapshot.teams) {
    periodInside(team.id, team.valid, "lead organisation", team.leadOrganisationId);
    for (const hostId of new Set(team.members.map((member) => member.hostOrganisationId))) {
      periodInside(team.id, team.valid, "members' host", hostId);
    }
  }
  for (const budget of snapshot.pooledBudgets) {
    periodInside(budget.id, budget.valid, "host", budget.hostId);
    for (const partnerId of budget.partnerIds)
      periodInside(budget.id, budget.valid, "partner", partnerId);
  }
  for (const decision of snapshot.decisions) {
    dateInside(decision.id, decision.date, "body", decision.bodyId);
    for (const providerId of decision.providerIds)
      dateInside(decision.id, decision.date, "provider", providerId);
  }
};
