/**
 * @module GeoJson
 * The small part of GeoJSON that maps and lookups read: features with polygon or multipolygon geometry
 * in WGS84 longitude/latitude, and a code in their properties (ONS `area_code`).
 */
import { z } from "zod";

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
const Ring = z.array(Position);

/** A polygon or multipolygon geometry. */
export const AreaGeometry = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: z.array(Ring) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(Ring)) }),
]);
export type AreaGeometry = z.infer<typeof AreaGeometry>;

/** A feature with an area geometry. */
export const AreaFeature = z.object({
  type: z.literal("Feature"),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: AreaGeometry,
});
export type AreaFeature = z.infer<typeof AreaFeature>;

/** A feature collection of areas. */
export const AreaCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(AreaFeature),
});
export type AreaCollection = z.infer<typeof AreaCollection>;

/** An area ready to draw: its code, name and outer/inner rings as [lon, lat] pairs. */
export interface Area {
  readonly code: string;
  readonly name: string;
  /** Polygons, each a list of rings (first outer, then holes). */
  readonly polygons: ReadonlyArray<ReadonlyArray<ReadonlyArray<readonly [number, number]>>>;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

/**
 * Areas from a GeoJSON feature collection, keyed by the `codeProperty` (ONS `area_code` by
 * default, with `LAD23CD`-style names as fallbacks).
 *
 * @example
 * ```ts
 * const areas = readAreas({ type: "FeatureCollection", features: [] });
 * areas.size; // 0
 * ```
 */
export const readAreas = (input: unknown, codeProperty = "area_code"): Map<string, Area> => {
  const collection = AreaCollection.parse(input);
  const areas = new Map<string, Area>();
  for (const feature of collection.features) {
    const props = feature.properties ?? {};
    const code =
      text(props[codeProperty]) ??
      text(Object.entries(props).find(([key]) => /CD$/i.test(key))?.[1]);
    if (code === undefined) continue;
    const name =
      text(props.area_name) ??
      text(Object.entries(props).find(([key]) => /NM$/i.test(key))?.[1]) ??
      code;
    const geometry = feature.geometry;
    const polygons = (
      geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates
    ).map((polygon) => polygon.map((ring) => ring.map((p) => [p[0], p[1]] as const)));
    areas.set(code, { code, name, polygons });
  }
  return areas;
};
