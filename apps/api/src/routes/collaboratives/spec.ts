/**
 * @module collaboratives/spec
 * Provider collaboratives: filter by level, place and member; one collaborative comes with
 * its members and lead (relationships to it).
 */
import { Collaborative, Level, OrganisationId, PlaceId, Relationship } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { allOf, listAll, whenGiven } from "../filters.js";
import { defineResource } from "../resource.js";

export const collaboratives = defineResource({
  kind: "collaborative",
  path: "/v1/collaboratives",
  tag: "Collaboratives",
  name: "Collaborative",
  plural: "Collaboratives",
  schema: Collaborative,
  filters: {
    level: Level.optional().meta({ description: "system, place or neighbourhood." }),
    placeId: PlaceId.optional(),
    memberId: OrganisationId.optional().meta({
      description: "Only collaboratives this organisation is a member (or lead) of on the date.",
    }),
  },
  filter: (q, register, time) =>
    Effect.gen(function* () {
      let collaborativeIds: Set<string> | undefined;
      if (q.memberId !== undefined) {
        const memberId = q.memberId;
        const memberships = yield* listAll(
          register,
          "relationship",
          time,
          (r) => r.subjectId === memberId && (r.kind === "member-of" || r.kind === "lead-of"),
        );
        collaborativeIds = new Set(memberships.map((r) => r.objectId));
      }
      return allOf<Collaborative>(
        whenGiven(q.level, (c, v) => c.level === v),
        whenGiven(q.placeId, (c, v) => c.placeId === v),
        whenGiven(collaborativeIds, (c, ids) => ids.has(c.id)),
      );
    }),
  expand: {
    shape: {
      members: z.array(Relationship).describe("member-of relationships to the collaborative."),
      leads: z.array(Relationship).describe("lead-of relationships to the collaborative."),
    },
    compute: (register, collaborative, time) =>
      Effect.gen(function* () {
        const links = yield* listAll(
          register,
          "relationship",
          time,
          (r) => r.objectId === collaborative.id,
        );
        return {
          members: links.filter((r) => r.kind === "member-of"),
          leads: links.filter((r) => r.kind === "lead-of"),
        };
      }),
  },
});
