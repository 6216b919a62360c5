/**
 * @module NeighbourhoodTeam
 * Integrated neighbourhood teams: GP-led, multi-agency teams that serve a neighbourhood,
 * composed of roles from {@link TeamRole}, each hosted by an organisation.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { NeighbourhoodId, OrganisationId, StrategyElementId, TeamId } from "./Id.js";
import { Name, recordFields } from "./internal/record.js";
import { TeamRole } from "./TeamRole.js";

/** Who fills a role in a team, and which organisation employs them. */
export const TeamMember = z
  .object({
    role: TeamRole,
    hostOrganisationId: OrganisationId.describe(
      "The organisation that employs or hosts the people in the role.",
    ),
    headcount: z
      .number()
      .int()
      .positive()
      .optional()
      .register(fieldMeta, { label: "Headcount" })
      .describe("How many people hold the role, when known."),
  })
  .meta({ id: "TeamMember", description: "A role in a team and its host organisation." })
  .register(fieldMeta, { fields: { hostOrganisationId: { label: "Host organisation" } } });
export type TeamMember = z.infer<typeof TeamMember>;

/**
 * A version of an integrated neighbourhood team.
 *
 * @example
 * ```ts
 * import { NeighbourhoodTeam } from "@care-atlas/domain";
 * NeighbourhoodTeam.parse({
 *   id: "int_0000000001",
 *   name: "Synthetic North INT",
 *   neighbourhoodId: "nbh_0000000001",
 *   gpLed: true,
 *   members: [{ role: "district-nurse", hostOrganisationId: "org_0000000001" }],
 *   valid: { from: "2023-01-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const NeighbourhoodTeam = z
  .object({
    id: TeamId.describe("The team's id (int_…)."),
    name: Name.describe("The team's name."),
    neighbourhoodId: NeighbourhoodId.describe("The neighbourhood the team serves."),
    leadOrganisationId: OrganisationId.optional()
      .register(fieldMeta, { label: "Lead organisation" })
      .describe("The organisation that leads the team."),
    gpLed: z
      .boolean()
      .default(true)
      .register(fieldMeta, { label: "GP-led" })
      .describe("Whether general practice leads the team."),
    members: z
      .array(TeamMember)
      .default([])
      .register(fieldMeta, { label: "Members" })
      .describe("The roles in the team (from the controlled vocabulary) and who hosts each."),
    strategyLinks: z
      .array(StrategyElementId)
      .default([])
      .register(fieldMeta, { label: "Strategy links" })
      .describe("The strategy elements (outcomes, commitments) it serves."),
    ...recordFields,
  })
  .meta({
    id: "NeighbourhoodTeam",
    description: "An integrated neighbourhood team serving one neighbourhood.",
  })
  .register(fieldMeta, { fields: { neighbourhoodId: { label: "Neighbourhood" } } });
export type NeighbourhoodTeam = z.infer<typeof NeighbourhoodTeam>;
