/**
 * @module boundaries
 * GeoJSON boundaries for maps: read, lightly reduced (coordinates rounded to 5 decimal
 * places, about a metre, far finer than the super-generalised shapes), written one feature
 * per line; and a point-in-polygon test used to break ties when placing LSOAs in localities.
 */

type Position = readonly [number, number];
type Ring = ReadonlyArray<Position>;

/** A GeoJSON feature with a Polygon or MultiPolygon geometry. */
export interface Feature {
  readonly type: "Feature";
  readonly properties: Readonly<Record<string, unknown>>;
  readonly geometry:
    | { readonly type: "Polygon"; readonly coordinates: ReadonlyArray<Ring> }
    | { readonly type: "MultiPolygon"; readonly coordinates: ReadonlyArray<ReadonlyArray<Ring>> };
}

/** A GeoJSON feature collection as the raw files have it. */
export interface FeatureCollection {
  readonly type: "FeatureCollection";
  readonly name?: string;
  readonly crs?: unknown;
  readonly features: ReadonlyArray<Feature>;
}

/** Parses a raw GeoJSON file, checking it is a collection of (multi)polygons. */
export const readFeatures = (text: string): FeatureCollection => {
  const collection = JSON.parse(text) as FeatureCollection;
  if (collection.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    throw new Error("not a GeoJSON FeatureCollection");
  }
  for (const feature of collection.features) {
    const type = feature.geometry?.type;
    if (type !== "Polygon" && type !== "MultiPolygon")
      throw new Error(`unsupported geometry ${type}`);
  }
  return collection;
};

const round = (value: number): number => {
  const rounded = Math.round(value * 1e5) / 1e5;
  return Object.is(rounded, -0) ? 0 : rounded;
};

const roundRing = (ring: Ring): Ring => ring.map(([x, y]): Position => [round(x), round(y)]);

/**
 * The collection with coordinates rounded to 5 decimal places, serialised with one feature
 * per line (stable bytes for the same input).
 *
 * @example
 * ```ts
 * reduceGeoJson('{"type":"FeatureCollection","features":[]}'); // '{"type":"FeatureCollection","features":[\n]}\n'
 * ```
 */
export const reduceGeoJson = (text: string): string => {
  const collection = readFeatures(text);
  const features = collection.features.map((feature) => {
    const geometry =
      feature.geometry.type === "Polygon"
        ? { type: "Polygon", coordinates: feature.geometry.coordinates.map(roundRing) }
        : {
            type: "MultiPolygon",
            coordinates: feature.geometry.coordinates.map((p) => p.map(roundRing)),
          };
    return JSON.stringify({ type: "Feature", properties: feature.properties, geometry });
  });
  const head: Record<string, unknown> = { type: "FeatureCollection" };
  if (collection.name !== undefined) head.name = collection.name;
  if (collection.crs !== undefined) head.crs = collection.crs;
  const opening = JSON.stringify(head).slice(0, -1);
  return `${opening},"features":[\n${features.join(",\n")}\n]}\n`;
};

/** Whether a point lies inside a ring (even-odd rule). */
const inRing = ([x, y]: Position, ring: Ring): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

const inPolygon = (point: Position, polygon: ReadonlyArray<Ring>): boolean => {
  const [outer, ...holes] = polygon;
  return outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole));
};

/**
 * Whether the point `[lon, lat]` lies inside a feature's polygon(s).
 *
 * @example
 * ```ts
 * const square = { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } } as const;
 * containsPoint(square, [0.5, 0.5]); // true
 * ```
 */
export const containsPoint = (feature: Feature, point: Position): boolean =>
  feature.geometry.type === "Polygon"
    ? inPolygon(point, feature.geometry.coordinates)
    : feature.geometry.coordinates.some((polygon) => inPolygon(point, polygon));
