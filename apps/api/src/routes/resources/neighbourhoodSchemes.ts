/**
 * @module resources/neighbourhoodSchemes
 * Neighbourhood schemes: ways of dividing places into neighbourhoods.
 */
import {
  FootprintBasis,
  NeighbourhoodScheme,
  PlaceId,
  SchemeStatus,
  SystemId,
} from "@care-atlas/domain";
import { defineResource, inputOf, noExpansion } from "../resource/ResourceSpec.js";
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
    systemId: SystemId.optional(),
    placeId: PlaceId.optional(),
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
});
