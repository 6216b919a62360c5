/**
 * @module resources/relationships
 * Relationships: membership, leadership, chairing, accountability, reporting, hosting.
 */
import { entityKinds, Relationship, RelationshipKind } from "@care-atlas/domain";
import { defineResource, inputOf, noExpansion, noLinks } from "../resource/ResourceSpec.js";
import { refFilter } from "../shared/refs.js";
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
    subjectId: refFilter(entityKinds, "Only relationships of this subject."),
    objectId: refFilter(entityKinds, "Only relationships to this object."),
  },
  filter: (q) =>
    allOf<Relationship>(
      whenGiven(q.kind, (r, v) => r.kind === v),
      whenGiven(q.subjectId, (r, v) => r.subjectId === v),
      whenGiven(q.objectId, (r, v) => r.objectId === v),
    ),
  expand: noExpansion(),
  links: noLinks(Relationship),
});
