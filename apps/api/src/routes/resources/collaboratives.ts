/**
 * @module resources/collaboratives
 * Provider collaboratives at system, place and neighbourhood level: filter by level, place
 * and member; one collaborative comes with its members and leads.
 */
import { Collaborative, Level, Relationship } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { defineResource, inputOf, noLinks } from "../resource/ResourceSpec.js";
import { refFilter } from "../shared/refs.js";
import { allOf, whenGiven } from "./filters.js";

export const collaboratives = defineResource({
  kind: "collaborative",
  path: "/v1/collaboratives",
  tag: "Collaboratives",
  name: "Collaborative",
  plural: "Collaboratives",
  noun: "provider collaborative",
  nouns: "provider collaboratives",
  schema: Collaborative,
  writes: { input: inputOf(Collaborative, "CollaborativeInput") },
  filters: {
    level: Level.optional().meta({ description: "system, place or neighbourhood." }),
    placeId: refFilter(["place"], "Only collaboratives of this place."),
    memberId: refFilter(
      ["organisation"],
      "Only collaboratives this organisation is a member (or lead) of on the date.",
    ),
  },
  filter: (q, register, time) =>
    Effect.gen(function* () {
      let collaborativeIds: Set<string> | undefined;
      if (q.memberId !== undefined) {
        const memberships = yield* register.relationshipsOf(q.memberId, {
          ...time,
          as: "subject",
          kinds: ["member-of", "lead-of"],
        });
        collaborativeIds = new Set(memberships.items.map((r) => r.objectId));
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
      Effect.map(
        register.relationshipsOf(collaborative.id, { ...time, as: "object" }),
        ({ items }) => ({
          members: items.filter((r) => r.kind === "member-of"),
          leads: items.filter((r) => r.kind === "lead-of"),
        }),
      ),
  },
  links: noLinks(Collaborative),
});
