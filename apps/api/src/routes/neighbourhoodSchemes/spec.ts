/**
 * @module neighbourhoodSchemes/spec
 * Neighbourhood schemes: ways of dividing places into neighbourhoods.
 */
import {
  FootprintBasis,
  NeighbourhoodScheme,
  PlaceId,
  SchemeStatus,
  SystemId,
} from "@care-atlas/domain";
import { allOf, whenGiven } from "../filters.js";
import { defineResource } from "../resource.js";

export const neighbourhoodSchemes = defineResource({
  kind: "neighbourhoodScheme",
  path: "/v1/neighbourhood-schemes",
  tag: "Neighbourhoods",
  name: "NeighbourhoodScheme",
  plural: "NeighbourhoodSchemes",
  schema: NeighbourhoodScheme,
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
});
