/**
 * @module organisations/spec
 * Organisations: filter by kind, role, code, name, place and status; one organisation
 * comes with its relationships and its predecessors and successors.
 */
import {
  contains,
  Organisation,
  OrganisationKind,
  OrganisationRoleKind,
  PlaceId,
  Relationship,
  Succession,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { allOf, relationshipsOf, successionsOf, whenGiven } from "../filters.js";
import { defineResource } from "../resource.js";

export const organisations = defineResource({
  kind: "organisation",
  path: "/v1/organisations",
  tag: "Organisations",
  name: "Organisation",
  plural: "Organisations",
  schema: Organisation,
  filters: {
    kind: OrganisationKind.optional().meta({ description: "Only this kind of organisation." }),
    role: OrganisationRoleKind.optional().meta({
      description: "Only organisations holding this role on the date.",
    }),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{3,9}$/, { error: "must be an ODS or GSS code" })
      .optional()
      .meta({ description: "Only organisations holding this ODS or GSS code." }),
    q: z
      .string()
      .trim()
      .min(2, { error: "give at least 2 characters" })
      .max(200)
      .optional()
      .meta({ description: "Name contains (case-insensitive)." }),
    placeId: PlaceId.optional().meta({ description: "Only organisations of this place." }),
    status: z.enum(["open", "closing"]).optional().meta({
      description:
        "open: no end date recorded for the version valid on the date; closing: the version valid on the date has an end date.",
    }),
  },
  filter: (q, _register, time) =>
    allOf<Organisation>(
      whenGiven(q.kind, (o, v) => o.kind === v),
      whenGiven(q.role, (o, v) =>
        o.roles.some(
          (role) =>
            role.role === v &&
            contains(role.period, time.validAt ?? new Date().toISOString().slice(0, 10)),
        ),
      ),
      whenGiven(q.code, (o, v) => o.codes.some((code) => code.value.toUpperCase() === v)),
      whenGiven(q.q?.toLowerCase(), (o, v) => o.name.toLowerCase().includes(v)),
      whenGiven(q.placeId, (o, v) => o.placeId === v),
      whenGiven(q.status, (o, v) => (v === "open" ? o.valid.to === null : o.valid.to !== null)),
    ),
  expand: {
    shape: {
      relationships: z
        .array(Relationship)
        .describe(
          "Relationships valid on the date in which the organisation is subject or object.",
        ),
      predecessors: z.array(Succession).describe("Successions in which it is a successor."),
      successors: z.array(Succession).describe("Successions in which it is a predecessor."),
    },
    compute: (register, organisation, time) =>
      Effect.gen(function* () {
        const [relationships, successions] = yield* Effect.all([
          relationshipsOf(register, organisation.id, time),
          successionsOf(register, organisation.id, time),
        ]);
        return {
          relationships,
          predecessors: successions.filter((s) => s.successorIds.includes(organisation.id)),
          successors: successions.filter((s) => s.predecessorIds.includes(organisation.id)),
        };
      }),
  },
});
