/**
 * @module resources/teams
 * Integrated neighbourhood teams.
 */
import { NeighbourhoodId, NeighbourhoodTeam, TeamRole } from "@care-atlas/domain";
import { defineResource, inputOf, noExpansion, noLinks } from "../resource/ResourceSpec.js";
import { refFilter } from "../shared/refs.js";
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
    leadOrganisationId: refFilter(["organisation"], "Only teams led by this organisation."),
    role: TeamRole.optional().meta({
      description: "Only teams with this role in their composition.",
    }),
    hostOrganisationId: refFilter(
      ["organisation"],
      "Only teams with a member hosted by this organisation.",
    ),
  },
  filter: (q) =>
    allOf<NeighbourhoodTeam>(
      whenGiven(q.neighbourhoodId, (t, v) => t.neighbourhoodId === v),
      whenGiven(q.leadOrganisationId, (t, v) => t.leadOrganisationId === v),
      whenGiven(q.role, (t, v) => t.members.some((m) => m.role === v)),
      whenGiven(q.hostOrganisationId, (t, v) => t.members.some((m) => m.hostOrganisationId === v)),
    ),
  expand: noExpansion(),
  links: noLinks(NeighbourhoodTeam),
});
