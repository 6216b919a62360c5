/**
 * @module resources/places
 * Places (localities): the districts of a system.
 */
import { Place } from "@care-atlas/domain";
import { z } from "zod";
import { defineResource, inputOf, noExpansion, noLinks } from "../resource/ResourceSpec.js";
import { refFilter } from "../shared/refs.js";
import { allOf, whenGiven } from "./filters.js";

export const places = defineResource({
  kind: "place",
  path: "/v1/places",
  tag: "Places",
  name: "Place",
  plural: "Places",
  noun: "place",
  nouns: "places",
  schema: Place,
  writes: { input: inputOf(Place, "PlaceInput") },
  filters: {
    systemId: refFilter(["system"], "Only places of this system."),
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Name contains (case-insensitive)." }),
  },
  filter: (q) =>
    allOf<Place>(
      whenGiven(q.systemId, (p, id) => p.systemId === id),
      whenGiven(q.name?.toLowerCase(), (p, text) => p.name.toLowerCase().includes(text)),
    ),
  expand: noExpansion(),
  links: noLinks(Place),
});
