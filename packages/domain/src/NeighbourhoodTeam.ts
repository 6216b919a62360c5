/**
 * @module NeighbourhoodTeam
 * Integrated neighbourhood teams: GP-led, multi-agency teams that serve a neighbourhood,
 * composed of roles from {@link TeamRole}, each hosted by an organisation.
 */
import { z } from "zod";
import { NeighbourhoodId, OrganisationId, StrategyElementId, TeamId } from "./Id.js";
import { Name, recordFields } from "./internal/record.js";
import { TeamRole } from "./TeamRole.js";

/** Who fills a role in a team, and which organisation employs them. */
export const TeamMember = z
  .object({
    role: TeamRole,
    hostOrganisationId: OrganisationId,
    headcount: z.number().int().positive().optional(),
  })
  .meta({ id: "TeamMember", description: "A role in a team and its host organisation." });
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
    id: TeamId,
    name: Name,
    neighbourhoodId: NeighbourhoodId,
    leadOrganisationId: OrganisationId.optional(),
    gpLed: z.boolean().default(true),
    members: z.array(TeamMember).default([]),
    strategyLinks: z.array(StrategyElementId).default([]),
    ...recordFields,
  })
  .meta({
    id: "NeighbourhoodTeam",
    description: "An integrated neighbourhood team serving one neighbourhood.",
  });
export type NeighbourhoodTeam = z.infer<typeof NeighbourhoodTeam>;
