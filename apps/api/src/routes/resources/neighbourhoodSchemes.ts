/**
 * @module resources/neighbourhoodSchemes
 * Neighbourhood schemes: ways of dividing places into neighbourhoods.
 */
import { FootprintBasis, NeighbourhoodScheme, SchemeStatus } from "@care-atlas/domain";
import { defineResource, inputOf, noExpansion, noLinks } from "../resource/ResourceSpec.js";
import { refFilter } from "../shared/refs.js";
import { allOf, whenGiven } from "./filters.js";

export const neighbourhoodSchemes = defineResource({
  kind: "neighbourhoodScheme",
  path: "/v1/neighbourhood-schemes",
  tag: "Neighbourhoods",
  name: "NeighbourhoodScheme",
  plural: "NeighbourhoodSchemes",
  noun: "neighbourhood scheme",
  nouns: "neighbourhood schemes",
  schema: NeighbourhoodScheme,
  writes: { input: inputOf(NeighbourhoodScheme, "NeighbourhoodSchemeInput") },
  filters: {
    systemId: refFilter(["system"], "Only schemes of this system."),
    placeId: refFilter(["place"], "Only schemes of this place."),
    basis: FootprintBasis.optional(),
    status: SchemeStatus.optional(),
  },
  filter: (q) =>
    allOf<NeighbourhoodScheme>(
      whenGiven(q.systemId, (s, v) => s.systemId === v),
      whenGiven(q.placeId, (s, v) => s.placeId === v),
      whenGiven(q.basis, (s, v) => s.basis === v),
      whenGiven(q.status, (s, v) => s.status === v),
    ),
  expand: noExpansion(),
  links: noLinks(NeighbourhoodScheme),
});
