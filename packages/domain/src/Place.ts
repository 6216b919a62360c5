/**
 * @module Place
 * A place (locality): one of the districts of a system, with its council, its sub-ICB
 * location and its place-based lead.
 */
import { z } from "zod";
import { ExternalIdentifier } from "./ExternalIdentifier.js";
import { fieldMeta } from "./FieldMeta.js";
import { OrganisationId, PlaceId, SystemId } from "./Id.js";
import { Name, recordFields } from "./internal/record.js";
import { PopulationFigure } from "./Population.js";

/** The role that coordinates a place's integrated care partnership, and who holds it. */
export const PlaceBasedLead = z
  .object({
    title: Name.describe("The role, e.g. 'Place-based lead'.").register(fieldMeta, {
      label: "Title",
    }),
    holder: Name.optional()
      .describe("The person, where a source names them.")
      .register(fieldMeta, { label: "Holder" }),
    organisationId: OrganisationId.optional()
      .register(fieldMeta, { label: "Organisation" })
      .describe("The organisation the place-based lead comes from."),
  })
  .meta({ id: "PlaceBasedLead", description: "The person who coordinates a place's partnership." });
export type PlaceBasedLead = z.infer<typeof PlaceBasedLead>;

/**
 * A version of a place (locality).
 *
 * @example
 * ```ts
 * import { Place } from "@care-atlas/domain";
 * Place.parse({
 *   id: "plc_0000000001",
 *   name: "Synthetic Borough",
 *   systemId: "sys_0000000001",
 *   codes: [{ system: "gss", value: "E08000999" }],
 *   valid: { from: "2022-07-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const Place = z
  .object({
    id: PlaceId.describe("The place's id (plc_…), stable for ever."),
    name: Name.describe("The place's name, e.g. 'Trafford'."),
    systemId: SystemId.describe("The system the place is part of."),
    codes: z
      .array(ExternalIdentifier)
      .default([])
      .register(fieldMeta, { label: "Codes" })
      .describe(
        "Its codes: the ONS GSS code of its local authority district (E08…), with their periods.",
      ),
    councilId: OrganisationId.optional()
      .describe("The local authority for the place.")
      .register(fieldMeta, { label: "Council" }),
    subIcbLocationId: OrganisationId.optional()
      .describe("The NHS sub-ICB location for the place.")
      .register(fieldMeta, { label: "Sub-ICB location" }),
    placeBasedLead: PlaceBasedLead.optional().register(fieldMeta, { label: "Place-based lead" }),
    population: PopulationFigure.optional()
      .describe("The place's population, e.g. the Census count summed over its LSOAs.")
      .register(fieldMeta, { label: "Population" }),
    ...recordFields,
  })
  .meta({
    id: "Place",
    description: "A place (locality) of a system, e.g. a metropolitan district.",
  })
  .register(fieldMeta, { fields: { systemId: { label: "System" } } });
export type Place = z.infer<typeof Place>;
