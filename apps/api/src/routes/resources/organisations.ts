/**
 * @module resources/organisations
 * Organisations: found by kind, role, code, name, place and status (the services'
 * `searchOrganisations`); one organisation comes with its relationships and its
 * predecessors and successors.
 */
import {
  Organisation,
  OrganisationKind,
  OrganisationRoleKind,
  PlaceId,
  Relationship,
  Succession,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { defineResource, inputOf } from "../resource/ResourceSpec.js";

export const organisations = defineResource({
  kind: "organisation",
  path: "/v1/organisations",
  tag: "Organisations",
  name: "Organisation",
  plural: "Organisations",
  noun: "organisation",
  nouns: "organisations",
  schema: Organisation,
  writes: { input: inputOf(Organisation, "OrganisationInput") },
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
  search: (q, register, options) =>
    register.searchOrganisations(
      {
        kind: q.kind,
        role: q.role,
        code: q.code,
        name: q.q,
        placeId: q.placeId,
        status: q.status,
      },
      options,
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
          register.relationshipsOf(organisation.id, time),
          register.successionsOf(organisation.id, time),
        ]);
        return {
          relationships: [...relationships.items],
          predecessors: [...successions.predecessors],
          successors: [...successions.successors],
        };
      }),
  },
});
