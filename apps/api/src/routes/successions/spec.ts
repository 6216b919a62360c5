/**
 * @module successions/spec
 * Successions: dated merges, splits, renames and transfers. Listed and read like other
 * resources; recorded with `POST /v1/successions`, which ends the predecessors too.
 */
import { EntityId, Succession, SuccessionKind } from "@care-atlas/domain";
import { allOf, whenGiven } from "../filters.js";
import { defineResource } from "../resource.js";

export const successions = defineResource({
  kind: "succession",
  path: "/v1/successions",
  tag: "Organisations",
  name: "Succession",
  plural: "Successions",
  schema: Succession,
  filters: {
    kind: SuccessionKind.optional(),
    predecessorId: EntityId.optional(),
    successorId: EntityId.optional(),
  },
  filter: (q) =>
    allOf<Succession>(
      whenGiven(q.kind, (s, v) => s.kind === v),
      whenGiven(q.predecessorId, (s, v) => s.predecessorIds.includes(v)),
      whenGiven(q.successorId, (s, v) => s.successorIds.includes(v)),
    ),
  writable: false,
});
