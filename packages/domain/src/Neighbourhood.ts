/**
 * @module Neighbourhood
 * A neighbourhood: 30,000–50,000 people within one place, defined geographically (a set of
 * LSOAs), by registered population (GP practices / PCNs), or both.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { NeighbourhoodId, NeighbourhoodSchemeId, OrganisationId, PlaceId } from "./Id.js";
import { Name, recordFields } from "./internal/record.js";
import { PopulationFigure } from "./Population.js";

/** An LSOA 2021 code, `E01` + 6 digits. */
export const LsoaCode = z
  .string()
  .regex(/^E01\d{6}$/, { error: "must be an LSOA code, E01 + 6 digits" })
  .meta({ id: "LsoaCode", description: "An ONS LSOA code (E01…)." });
export type LsoaCode = z.infer<typeof LsoaCode>;

/**
 * Where a neighbourhood is: a set of LSOAs (geographic) and/or the registered lists of PCNs
 * and practices. At least one part must be non-empty.
 */
export const Footprint = z
  .object({
    lsoas: z
      .array(LsoaCode)
      .default([])
      .register(fieldMeta, { label: "LSOAs" })
      .describe("For a geographic footprint: the LSOA 2021 codes it covers."),
    pcnIds: z
      .array(OrganisationId)
      .default([])
      .register(fieldMeta, { label: "PCNs" })
      .describe(
        "For a registered-population footprint: the PCNs whose practices' lists it covers.",
      ),
    practiceIds: z
      .array(OrganisationId)
      .default([])
      .register(fieldMeta, { label: "GP practices" })
      .describe("For a registered-population footprint: the GP practices whose lists it covers."),
  })
  .refine((f) => f.lsoas.length + f.pcnIds.length + f.practiceIds.length > 0, {
    error: "a footprint needs at least one LSOA, PCN or practice",
  })
  .meta({ id: "Footprint", description: "A neighbourhood's LSOAs and/or registered-list basis." })
  .register(fieldMeta, { label: "Footprint" });
export type Footprint = z.infer<typeof Footprint>;

/**
 * A version of a neighbourhood.
 *
 * @example
 * ```ts
 * import { Neighbourhood } from "@care-atlas/domain";
 * Neighbourhood.parse({
 *   id: "nbh_0000000001",
 *   name: "Synthetic North",
 *   placeId: "plc_0000000001",
 *   schemeId: "nsc_0000000001",
 *   footprint: { lsoas: ["E01999001"] },
 *   valid: { from: "2023-01-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const Neighbourhood = z
  .object({
    id: NeighbourhoodId.describe("The neighbourhood's id (nbh_…)."),
    name: Name.describe("The neighbourhood's name."),
    placeId: PlaceId.describe("The place the neighbourhood is in."),
    schemeId: NeighbourhoodSchemeId.describe("The neighbourhood scheme it is part of."),
    footprint: Footprint,
    population: PopulationFigure.optional().register(fieldMeta, { label: "Population" }),
    ...recordFields,
  })
  .meta({
    id: "Neighbourhood",
    description: "A neighbourhood of 30,000–50,000 people within a place.",
  })
  .register(fieldMeta, {
    fields: { placeId: { label: "Place" }, schemeId: { label: "Neighbourhood scheme" } },
  });
export type Neighbourhood = z.infer<typeof Neighbourhood>;
