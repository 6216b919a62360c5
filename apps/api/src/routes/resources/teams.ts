/**
 * @module resources/teams
 * Integrated neighbourhood teams.
 */
import { NeighbourhoodId, NeighbourhoodTeam, OrganisationId, TeamRole } from "@care-atlas/domain";
import { defineResource, inputOf, noExpansion } from "../resource/ResourceSpec.js";
import { allOf, whenGiven } from "./filters.js";

export const teams = defineResource({
  kind: "team",
  path: "/v1/teams",
  tag: "Teams",
  name: "Team",
  plural: "Teams",
  noun: "integrated neighbourhood team",
  nouns: "integrated neighbourhood teams",
  schema: NeighbourhoodTeam,
  writes: { input: inputOf(NeighbourhoodTeam, "TeamInput") },
  filters: {
    neighbourhoodId: NeighbourhoodId.optional(),
    leadOrganisationId: OrganisationId.optional(),
    role: TeamRole.optional().meta({
      description: "Only teams with this role in their composition.",
    }),
    hostOrganisationId: OrganisationId.optional().meta({
      description: "Only teams with a member hosted by this organisation.",
    }),
  },
  filter: (q) =>
    allOf<NeighbourhoodTeam>(
      whenGiven(q.neighbourhoodId, (t, v) => t.neighbourhoodId === v),
      whenGiven(q.leadOrganisationId, (t, v) => t.leadOrganisationId === v),
      whenGiven(q.role, (t, v) => t.members.some((m) => m.role === v)),
      whenGiven(q.hostOrganisationId, (t, v) => t.members.some((m) => m.hostOrganisationId === v)),
    ),
  expand: noExpansion(),
});
