/**
 * @module ChangeCheck
 * The "check" step before a save: the register's rules run on a candidate register with the
 * proposed history in place (the services' read model with the change applied, the domain's
 * `checkSnapshot`), and the findings the change would introduce are reported — errors,
 * which the services will refuse, and warnings, which they will accept.
 */
import { checkSnapshot, type Entity, type EntityKind, type Finding } from "@care-atlas/domain";
import type { ReadModel } from "@care-atlas/services";

const key = (finding: Finding): string =>
  `${finding.severity}|${finding.rule}|${[...finding.subjects].sort().join(",")}|${finding.message}`;

/** The findings of `after` that `before` does not have (as a multiset). */
export const introducedFindings = (
  before: ReadonlyArray<Finding>,
  after: ReadonlyArray<Finding>,
): Finding[] => {
  const counts = new Map<string, number>();
  for (const finding of before) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  const fresh: Finding[] = [];
  for (const finding of after) {
    const count = counts.get(key(finding)) ?? 0;
    if (count > 0) counts.set(key(finding), count - 1);
    else fresh.push(finding);
  }
  return fresh;
};

/** A new history of one entity. */
export interface HistoryUpdate {
  readonly kind: EntityKind;
  readonly id: string;
  readonly versions: ReadonlyArray<Entity>;
}

/**
 * The findings new histories of several entities would introduce together (a succession
 * and the predecessors it ends).
 */
export const checkChanges = (
  model: ReadModel,
  before: ReadonlyArray<Finding>,
  updates: ReadonlyArray<HistoryUpdate>,
): Finding[] => introducedFindings(before, checkSnapshot(model.withHistories(updates).index));

/**
 * The findings a new history of one entity would introduce.
 *
 * @example
 * ```ts
 * const introduced = checkChange(model, currentFindings, "organisation", id, newVersions);
 * introduced.filter((f) => f.severity === "error"); // what would block the save
 * ```
 */
export const checkChange = (
  model: ReadModel,
  before: ReadonlyArray<Finding>,
  kind: EntityKind,
  id: string,
  versions: ReadonlyArray<Entity>,
): Finding[] => {
  return checkChanges(model, before, [{ kind, id, versions }]);
};
