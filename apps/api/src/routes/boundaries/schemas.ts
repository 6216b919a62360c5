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
    type: z.literal("MultiPolygon").describe("Always `MultiPolygon`."),
    coordinates: z
      .array(z.array(z.array(Position)))
      .describe("Polygons, each its outer ring then any holes, each ring closed."),
  })
  .meta({ id: "GeoJsonMultiPolygon", description: "A GeoJSON MultiPolygon." });

export const BoundaryKind = z.enum(["place", "neighbourhood", "lsoa"]);

export const BoundaryFeature = z
  .object({
    type: z.literal("Feature").describe("Always `Feature`."),
    id: z.string().describe("The record's id (an LSOA's code)."),
    properties: z
      .object({
        kind: BoundaryKind.describe("What is outlined."),
        id: z.string().describe("The record's id (an LSOA's code)."),
        name: z.string().describe("The record's name on the date."),
        code: z
          .string()
          .nullable()
          .describe("The GSS code of the area outlined: a place's district, an LSOA."),
        lsoas: z
          .array(z.string())
          .describe("The LSOAs the outline is made of (a neighbourhood's footprint on the date)."),
        areaSquareMetres: z.number().nonnegative().describe("The area enclosed, on the sphere."),
      })
      .describe("What the outline is of."),
    geometry: MultiPolygon,
  })
  .meta({ id: "BoundaryFeature", description: "The outline of a place, neighbourhood or LSOA." });
export type BoundaryFeature = z.infer<typeof BoundaryFeature>;

export const BoundaryCollection = z
  .object({
    type: z.literal("FeatureCollection").describe("Always `FeatureCollection`."),
    features: z.array(BoundaryFeature).describe("One outline per record, by id."),
    resolution: Resolution,
    validAt: z.string().describe("The date the records were read at."),
    attribution: z
      .array(z.string())
      .describe(
        "The attribution the boundaries' licence (OGL v3.0) requires: show it with the map.",
      ),
    licence: z.string().describe("The licence of the boundaries."),
    dataVersion: z
      .number()
      .int()
      .nonnegative()
      .describe("The data version (last change seq) the records were read at."),
  })
  .meta({
    id: "BoundaryCollection",
    description: "A GeoJSON FeatureCollection of boundaries, with their attribution.",
  });
