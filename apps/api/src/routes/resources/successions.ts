/**
 * @module resources/successions
 * Successions: dated merges, splits, renames and transfers. Listed and read like other
 * resources; recorded with `POST /v1/successions`, which ends the predecessors too.
 */
import { entityKinds, Succession, SuccessionKind } from "@care-atlas/domain";
import { defineResource, noExpansion, noLinks } from "../resource/ResourceSpec.js";
import { refFilter } from "../shared/refs.js";
import { allOf, whenGiven } from "./filters.js";

export const successions = defineResource({
  kind: "succession",
  path: "/v1/successions",
  tag: "Organisations",
  name: "Succession",
  plural: "Successions",
  noun: "succession",
  nouns: "successions",
  schema: Succession,
  filters: {
    kind: SuccessionKind.optional(),
    predecessorId: refFilter(entityKinds, "Only successions with this predecessor."),
    successorId: refFilter(entityKinds, "Only successions with this successor."),
  },
  filter: (q) =>
    allOf<Succession>(
      whenGiven(q.kind, (s, v) => s.kind === v),
      whenGiven(q.predecessorId, (s, v) => s.predecessorIds.includes(v)),
      whenGiven(q.successorId, (s, v) => s.successorIds.includes(v)),
    ),
  expand: noExpansion(),
  links: noLinks(Succession),
});
