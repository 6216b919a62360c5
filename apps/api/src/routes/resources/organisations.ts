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
  Relationship,
  Succession,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { today } from "../../http/today.js";
import { defineResource, inputOf } from "../resource/ResourceSpec.js";
import { Reference, referenceTo, refFilter } from "../shared/refs.js";

/** An organisation in a list: its version, and the organisations a client asks for next. */
export const OrganisationListItem = Organisation.and(
  z.object({
    pcn: Reference.nullable()
      .optional()
      .describe("For a GP practice: the PCN it is a member of on the date (null: none)."),
    subIcbLocation: Reference.nullable()
      .optional()
      .describe(
        "For a GP practice or a PCN: the sub-ICB location of its place on the date (null: none).",
      ),
  }),
).meta({
  id: "OrganisationListItem",
  description:
    "An organisation's version on the date, with the organisations a client asks for next: a practice's PCN, a practice's or PCN's sub-ICB location.",
});
export type OrganisationListItem = z.infer<typeof OrganisationListItem>;

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
    placeId: refFilter(["place"], "Only organisations of this place."),
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
  links: {
    schema: OrganisationListItem,
    compute: (register, items, time) =>
      Effect.map(
        register.organisationLinks(
          items.map((item) => item.id),
          time,
        ),
        (links) => {
          const date = time.validAt ?? today();
          return items.map((item, i): OrganisationListItem => {
            const link = links[i];
            if (link === undefined) return item;
            const subIcbLocation =
              link.subIcbLocation === null ? null : referenceTo(link.subIcbLocation, date);
            if (item.kind === "gp-practice") {
              const pcn = link.pcn === null ? null : referenceTo(link.pcn, date);
              return { ...item, pcn, subIcbLocation };
            }
            return item.kind === "pcn" ? { ...item, subIcbLocation } : item;
          });
        },
      ),
  },
});
