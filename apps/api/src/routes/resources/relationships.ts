/**
 * @module resources/relationships
 * Relationships: membership, leadership, chairing, accountability, reporting, hosting.
 */
import { EntityId, Relationship, RelationshipKind } from "@care-atlas/domain";
import { defineResource, inputOf, noExpansion } from "../resource/ResourceSpec.js";
import { allOf, whenGiven } from "./filters.js";

export const relationships = defineResource({
  kind: "relationship",
  path: "/v1/relationships",
  tag: "Organisations",
  name: "Relationship",
  plural: "Relationships",
  noun: "relationship",
  nouns: "relationships",
  schema: Relationship,
  writes: { input: inputOf(Relationship, "RelationshipInput") },
  filters: {
    kind: RelationshipKind.optional(),
    subjectId: EntityId.optional().meta({ description: "Only relationships of this subject." }),
    objectId: EntityId.optional().meta({ description: "Only relationships to this object." }),
  },
  filter: (q) =>
    allOf<Relationship>(
      whenGiven(q.kind, (r, v) => r.kind === v),
      whenGiven(q.subjectId, (r, v) => r.subjectId === v),
      whenGiven(q.objectId, (r, v) => r.objectId === v),
    ),
  expand: noExpansion(),
});
