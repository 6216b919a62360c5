/**
 * @module places/spec
 * Places (localities): the districts of a system.
 */
import { Place, SystemId } from "@care-atlas/domain";
import { z } from "zod";
import { allOf, whenGiven } from "../filters.js";
import { defineResource } from "../resource.js";

export const places = defineResource({
  kind: "place",
  path: "/v1/places",
  tag: "Places",
  name: "Place",
  plural: "Places",
  schema: Place,
  filters: {
    systemId: SystemId.optional().meta({ description: "Only places of this system." }),
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
});
