/**
 * @module resolveSuccessor
 * "What is 00W today?": follows dated succession links (merges, splits, renames, transfers)
 * from an entity to the bodies that carry it on at a date.
 */
import type { EntityKind } from "../Id.js";
import { contains, type IsoDate } from "../Period.js";
import type { Entity } from "../Snapshot.js";
import type { Succession } from "../Succession.js";
import { anyVersionsOf, asIndex, kindOfPrefix, type SnapshotSource } from "./SnapshotIndex.js";

/** One succession followed: from one entity to one of the succession's successors. */
export interface SuccessorStep {
  readonly succession: Succession;
  readonly fromId: string;
  readonly toId: string;
}

/**
 * Where a chain of successions from the starting entity leads.
 *
 * - `version` is the entity's version valid at the date: the entity carries the start on.
 * - `version` is `undefined` for a dead end: the entity was not valid at the date and no
 *   succession in force at the date leads on from it (it closed without a successor, or the
 *   date is before it existed, or the chain ran into a cycle).
 */
export interface SuccessorPath {
  /** The entity the chain reaches. */
  readonly id: string;
  readonly kind: EntityKind | undefined;
  readonly version: Entity | undefined;
  /** The ids from the start to `id`, both included. */
  readonly path: ReadonlyArray<string>;
  /** The successions followed, in order. */
  readonly steps: ReadonlyArray<SuccessorStep>;
}

const versionOn = (versions: ReadonlyArray<Entity>, date: IsoDate): Entity | undefined => {
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i];
    if (version !== undefined && contains(version.valid, date)) return version;
  }
  return undefined;
};

/**
 * The entities that carry `id` on at `date`. If `id` itself is valid at `date` it is the
 * one answer, with an empty path. Otherwise every succession naming it as a predecessor and
 * in force at `date` is followed to its successors, and so on, breadth first: a merge leads
 * to one body, a split to several. Each entity is visited once, so cycles in bad data end
 * (as dead ends) instead of looping, and each answer carries its shortest path. Answers are
 * sorted: carriers before dead ends, then by id.
 *
 * @example
 * ```ts
 * import { Snapshot, emptySnapshot, resolveSuccessor } from "@care-atlas/domain";
 * const org = (id: string, name: string, from: string, to: string | null) => ({
 *   id, kind: "ccg", name, valid: { from, to }, provenance: { sources: ["synthetic"] },
 * });
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   organisations: [
 *     org("org_0000000001", "Synthetic North CCG", "2013-04-01", "2017-04-01"),
 *     org("org_0000000002", "Synthetic City CCG", "2017-04-01", null),
 *   ],
 *   successions: [{
 *     id: "suc_0000000001", kind: "rename", predecessorIds: ["org_0000000001"], successorIds: ["org_0000000002"],
 *     valid: { from: "2017-04-01", to: null }, provenance: { sources: ["synthetic"] },
 *   }],
 * });
 * resolveSuccessor(snapshot, "org_0000000001", "2024-01-01").map((p) => p.path);
 * // [["org_0000000001", "org_0000000002"]]
 * ```
 */
export const resolveSuccessor = (
  source: SnapshotSource,
  id: string,
  date: IsoDate,
): SuccessorPath[] => {
  const index = asIndex(source);
  const results: SuccessorPath[] = [];
  const visited = new Set<string>([id]);
  let frontier: { id: string; path: string[]; steps: SuccessorStep[] }[] = [
    { id, path: [id], steps: [] },
  ];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      const kind = kindOfPrefix(node.id);
      const version = versionOn(anyVersionsOf(index, node.id), date);
      if (version !== undefined) {
        results.push({ id: node.id, kind, version, path: node.path, steps: node.steps });
        continue;
      }
      // Led on: some successor is new, or reached by another branch (a split that merges
      // again). A node whose every lead goes back to its own ancestors is in a cycle.
      let ledOn = false;
      for (const succession of index.successionsFrom.get(node.id) ?? []) {
        if (!contains(succession.valid, date)) continue;
        for (const successorId of succession.successorIds) {
          if (visited.has(successorId)) {
            if (!node.path.includes(successorId)) ledOn = true;
            continue;
          }
          ledOn = true;
          visited.add(successorId);
          next.push({
            id: successorId,
            path: [...node.path, successorId],
            steps: [...node.steps, { succession, fromId: node.id, toId: successorId }],
          });
        }
      }
      if (!ledOn)
        results.push({ id: node.id, kind, version: undefined, path: node.path, steps: node.steps });
    }
    frontier = next;
  }
  return results.sort(
    (a, b) =>
      Number(a.version === undefined) - Number(b.version === undefined) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
};
