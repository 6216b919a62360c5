/**
 * What ending an entity takes with it: the relationships it is a subject or object of.
 * A link cannot outlive either end (rule `relationship-period`), so the writes that end
 * entities (`endEntity`, the predecessors of `recordSuccession`) end those links on the
 * same date, in the same transaction. Nothing else cascades: teams, neighbourhoods,
 * budgets and decisions that depend on an ended entity stay rule findings for a person to
 * resolve.
 */
import { History, type IsoDate, type Relationship } from "@care-atlas/domain";
import type { ReadModel } from "../ReadModel.js";
import { sameVersions } from "./canonical.js";
import type { EntityWrite } from "./write.js";

/**
 * A relationship's history with every version that involves one of `ended` closed on
 * `date` (History.endHistory on that version: one that starts on or after `date` is
 * dropped). Versions that do not involve them are kept as they are.
 */
export const endLinks = (
  versions: ReadonlyArray<Relationship>,
  ended: ReadonlySet<string>,
  date: IsoDate,
): Relationship[] =>
  versions.flatMap((version) =>
    ended.has(version.subjectId) || ended.has(version.objectId)
      ? History.endHistory([version], date)
      : [version],
  );

/**
 * The writes that end, on `date`, every relationship of `model` involving one of `ended`
 * that is still valid on or after that date (at the revision the model holds). Ids in
 * `skip` (already written by the same change) are left alone.
 */
export const endRelationshipsOf = (
  model: ReadModel,
  ended: ReadonlyArray<string>,
  date: IsoDate,
  skip: ReadonlySet<string> = new Set(),
): EntityWrite[] => {
  const endedSet = new Set(ended);
  const ids = new Set<string>();
  for (const id of ended) for (const link of model.relationshipsOf(id)) ids.add(link);
  const writes: EntityWrite[] = [];
  for (const id of [...ids].sort()) {
    if (skip.has(id)) continue;
    const history = model.history(id);
    if (history === undefined || history.kind !== "relationship") continue;
    const current = history.versions as ReadonlyArray<Relationship>;
    const versions = endLinks(current, endedSet, date);
    if (sameVersions(current, versions)) continue;
    writes.push({ kind: "relationship", id, expectedRevision: history.revision, versions });
  }
  return writes;
};
