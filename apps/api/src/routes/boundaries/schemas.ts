/**
 * @module boundaries/schemas
 * GeoJSON (RFC 7946) as the boundary routes answer it: features with a MultiPolygon
 * geometry (WGS84 longitude/latitude, outer rings anticlockwise) and properties naming what
 * they outline, in a collection that carries its attribution as foreign members.
 */
import { z } from "zod";
import { Resolution } from "../../geography/Boundaries.js";

const Position = z.tuple([z.number(), z.number()]).describe("[longitude, latitude], WGS84.");

export const MultiPolygon = z
  .object({
    type: z.literal("MultiPolygon"),
    coordinates: z.array(z.array(z.array(Position))),
  })
  .meta({ id: "GeoJsonMultiPolygon", description: "A GeoJSON MultiPolygon." });

export const BoundaryKind = z.enum(["place", "neighbourhood", "lsoa"]);

export const BoundaryFeature = z
  .object({
    type: z.literal("Feature"),
    id: z.string().describe("The record's id (an LSOA's code)."),
    properties: z.object({
      kind: BoundaryKind,
      id: z.string(),
      name: z.string(),
      code: z
        .string()
        .nullable()
        .describe("The GSS code of the area outlined: a place's district, an LSOA."),
      lsoas: z
        .array(z.string())
        .describe("The LSOAs the outline is made of (a neighbourhood's footprint on the date)."),
      areaSquareMetres: z.number().nonnegative().describe("The area enclosed, on the sphere."),
    }),
    geometry: MultiPolygon,
  })
  .meta({ id: "BoundaryFeature", description: "The outline of a place, neighbourhood or LSOA." });
export type BoundaryFeature = z.infer<typeof BoundaryFeature>;

export const BoundaryCollection = z
  .object({
    type: z.literal("FeatureCollection"),
    features: z.array(BoundaryFeature),
    resolution: Resolution,
    validAt: z.string().describe("The date the records were read at."),
    attribution: z
      .array(z.string())
      .describe(
        "The attribution the boundaries' licence (OGL v3.0) requires: show it with the map.",
      ),
    licence: z.string(),
    dataVersion: z.number().int().nonnegative(),
  })
  .meta({
    id: "BoundaryCollection",
    description: "A GeoJSON FeatureCollection of boundaries, with their attribution.",
  });
