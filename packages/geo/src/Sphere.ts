/**
 * @module Sphere
 * Measures on the Earth as a sphere (WGS84 longitude/latitude in degrees): the area a ring
 * encloses and the distance between two points. The sphere's radius is the WGS84 mean
 * (6,371,008.8 m), as turf and most web maps use; good to a few tenths of a per cent.
 */

type Point = readonly [number, number];

/** The mean radius of the Earth, metres. */
export const earthRadius = 6_371_008.8;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/**
 * The signed area (m²) a ring of [lon, lat] points encloses on the sphere: positive when the
 * ring runs anticlockwise (the spherical-excess sum of Chamberlain and Duquette).
 *
 * @example
 * ```ts
 * ringArea([[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]); // ≈ 1,236,000 m²
 * ```
 */
export const ringArea = (ring: ReadonlyArray<Point>): number => {
  const n = ring.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lower = ring[i] as Point;
    const middle = ring[(i + 1) % n] as Point;
    const upper = ring[(i + 2) % n] as Point;
    total += (radians(upper[0]) - radians(lower[0])) * Math.sin(radians(middle[1]));
  }
  return (-total * earthRadius * earthRadius) / 2;
};

/**
 * The area (m²) of polygons (each a list of rings: the first outer, then holes), whatever
 * way their rings run.
 *
 * @example
 * ```ts
 * polygonsArea([[[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]]]); // ≈ 1,236,000 m²
 * ```
 */
export const polygonsArea = (
  polygons: ReadonlyArray<ReadonlyArray<ReadonlyArray<Point>>>,
): number => {
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      const area = Math.abs(ringArea(ring));
      total += index === 0 ? area : -area;
    });
  }
  return total;
};

/**
 * The great-circle distance (m) between two [lon, lat] points (haversine).
 *
 * @example
 * ```ts
 * distance([-2.2426, 53.4808], [-2.3, 53.46]); // ≈ 4,300 m
 * ```
 */
export const distance = (a: Point, b: Point): number => {
  const dLat = radians(b[1] - a[1]);
  const dLon = radians(b[0] - a[0]);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a[1])) * Math.cos(radians(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadius * Math.asin(Math.min(1, Math.sqrt(h)));
};
