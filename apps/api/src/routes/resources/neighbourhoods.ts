/**
 * @module resources/neighbourhoods
 * Neighbourhoods: footprint (LSOAs and/or PCNs and practices), population with its
 * source, and the integrated neighbourhood teams that serve them.
 */
import {
  Neighbourhood,
  NeighbourhoodSchemeId,
  NeighbourhoodTeam,
  Source,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { defineResource, inputOf, noLinks } from "../resource/ResourceSpec.js";
import { refFilter } from "../shared/refs.js";
import { allOf, whenGiven } from "./filters.js";

export const neighbourhoods = defineResource({
  kind: "neighbourhood",
  path: "/v1/neighbourhoods",
  tag: "Neighbourhoods",
  name: "Neighbourhood",
  plural: "Neighbourhoods",
  noun: "neighbourhood",
  nouns: "neighbourhoods",
  schema: Neighbourhood,
  writes: { input: inputOf(Neighbourhood, "NeighbourhoodInput") },
  filters: {
    placeId: refFilter(["place"], "Only neighbourhoods of this place."),
    schemeId: NeighbourhoodSchemeId.optional().meta({ description: "Only this scheme." }),
    lsoa: z
      .string()
      .regex(/^E01\d{6}$/, { error: "must be an LSOA code, E01 + 6 digits" })
      .optional()
      .meta({ description: "Only neighbourhoods whose footprint lists this LSOA." }),
    pcnId: refFilter(["organisation"], "Only neighbourhoods built on this PCN."),
  },
  filter: (q) =>
    allOf<Neighbourhood>(
      whenGiven(q.placeId, (n, v) => n.placeId === v),
      whenGiven(q.schemeId, (n, v) => n.schemeId === v),
      whenGiven(q.lsoa, (n, v) => n.footprint.lsoas.includes(v)),
      whenGiven(q.pcnId, (n, v) => n.footprint.pcnIds.includes(v)),
    ),
  expand: {
    shape: {
      teams: z
        .array(NeighbourhoodTeam)
        .describe("The teams serving the neighbourhood on the date."),
      populationSource: Source.nullable().describe("The source of the population figure."),
    },
    compute: (register, neighbourhood, time) =>
      Effect.gen(function* () {
        const teams = yield* register.listAll("team", {
          ...time,
          filter: (team) => team.neighbourhoodId === neighbourhood.id,
        });
        const key = neighbourhood.population?.source;
        const directory = yield* register.directory(
          time.asOf === undefined ? {} : { asOf: time.asOf },
        );
        return {
          teams: [...teams.items],
          populationSource: key === undefined ? null : (directory.source(key) ?? null),
        };
      }),
  },
  links: noLinks(Neighbourhood),
});
