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
    hostOrganisationId: OrganisationId,
    headcount: z.number().int().positive().optional().register(fieldMeta, { label: "Headcount" }),
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
    id: TeamId,
    name: Name,
    neighbourhoodId: NeighbourhoodId,
    leadOrganisationId: OrganisationId.optional().register(fieldMeta, {
      label: "Lead organisation",
    }),
    gpLed: z.boolean().default(true).register(fieldMeta, { label: "GP-led" }),
    members: z.array(TeamMember).default([]).register(fieldMeta, { label: "Members" }),
    strategyLinks: z
      .array(StrategyElementId)
      .default([])
      .register(fieldMeta, { label: "Strategy links" }),
    ...recordFields,
  })
  .meta({
    id: "NeighbourhoodTeam",
    description: "An integrated neighbourhood team serving one neighbourhood.",
  })
  .register(fieldMeta, { fields: { neighbourhoodId: { label: "Neighbourhood" } } });
export type NeighbourhoodTeam = z.infer<typeof NeighbourhoodTeam>;
