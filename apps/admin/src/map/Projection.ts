/**
 * @module Projection
 * An equirectangular projection centred on 53.5°N (Greater Manchester): x = longitude ×
 * cos 53.5°, y = −latitude, scaled to fit a box and rounded to a grid, so shared
 * boundaries of neighbouring areas land on the same points. Good enough at city-region
 * scale, and cheap.
 */
import type { Area } from "@care-atlas/geo";

const cosLat = Math.cos((53.5 * Math.PI) / 180);

/** A projection from [lon, lat] to SVG user units, and the size of the drawing. */
export interface Projection {
  readonly width: number;
  readonly height: number;
  /** Projects and rounds to the grid (`1 / precision` units). */
  readonly project: (lon: number, lat: number) => readonly [number, number];
}

/** The bounding box of areas, [minLon, minLat, maxLon, maxLat]. */
export const boundsOf = (
  areas: Iterable<Area>,
): readonly [number, number, number, number] | undefined => {
  let minLon = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const area of areas) {
    for (const polygon of area.polygons) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
      }
    }
  }
  return Number.isFinite(minLon) ? [minLon, minLat, maxLon, maxLat] : undefined;
};

/**
 * A projection that fits `bounds` into `width` units (height follows the aspect ratio),
 * with a margin, rounding coordinates to `1 / precision`.
 *
 * @example
 * ```ts
 * const p = fitProjection([-2.73, 53.33, -1.91, 53.69], 600);
 * p.project(-2.73, 53.69); // [margin, margin]
 * ```
 */
export const fitProjection = (
  bounds: readonly [number, number, number, number],
  width: number,
  { margin = 8, precision = 1 }: { margin?: number; precision?: number } = {},
): Projection => {
  const [minLon, minLat, maxLon, maxLat] = bounds;
  const spanX = Math.max((maxLon - minLon) * cosLat, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = (width - 2 * margin) / spanX;
  const height = Math.ceil(spanY * scale + 2 * margin);
  const round = (v: number): number => Math.round(v * precision) / precision;
  return {
    width,
    height,
    project: (lon, lat) => [
      round(margin + (lon - minLon) * cosLat * scale),
      round(margin + (maxLat - lat) * scale),
    ],
  };
};

type Point = readonly [number, number];

/** A ring projected onto the grid, without repeated points; `undefined` if it collapses. */
export const projectRing = (
  projection: Projection,
  ring: ReadonlyArray<readonly [number, number]>,
): Point[] | undefined => {
  const points: Point[] = [];
  for (const [lon, lat] of ring) {
    const point = projection.project(lon, lat);
    const last = points.at(-1);
    if (last === undefined || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  const first = points[0];
  const last = points.at(-1);
  if (
    first !== undefined &&
    last !== undefined &&
    points.length > 1 &&
    first[0] === last[0] &&
    first[1] === last[1]
  ) {
    points.pop();
  }
  return points.length >= 3 ? points : undefined;
};

const num = (v: number): string => {
  const text = String(Math.round(v * 100) / 100);
  return text.startsWith("0.")
    ? text.slice(1)
    : text.startsWith("-0.")
      ? `-${text.slice(2)}`
      : text;
};

/**
 * SVG path data for closed rings, with relative moves to keep it short.
 *
 * @example
 * ```ts
 * ringsPath([[[0, 0], [10, 0], [10, 10]]]); // "M0 0h10v10z"
 * ```
 */
export const ringsPath = (rings: ReadonlyArray<ReadonlyArray<Point>>): string => {
  let d = "";
  for (const ring of rings) {
    const [first, ...rest] = ring;
    if (first === undefined) continue;
    d += `M${num(first[0])} ${num(first[1])}`;
    let [x, y] = first;
    for (const [px, py] of rest) {
      const dx = px - x;
      const dy = py - y;
      if (dy === 0) d += `h${num(dx)}`;
      else if (dx === 0) d += `v${num(dy)}`;
      else d += `l${num(dx)}${dy < 0 ? "" : " "}${num(dy)}`;
      x = px;
      y = py;
    }
    d += "z";
  }
  return d.replace(/ -/g, "-");
};

/**
 * SVG path data for open polylines.
 */
export const linesPath = (lines: ReadonlyArray<ReadonlyArray<Point>>): string => {
  let d = "";
  for (const line of lines) {
    const [first, ...rest] = line;
    if (first === undefined || rest.length === 0) continue;
    d += `M${num(first[0])} ${num(first[1])}`;
    let [x, y] = first;
    for (const [px, py] of rest) {
      const dx = px - x;
      const dy = py - y;
      if (dy === 0) d += `h${num(dx)}`;
      else if (dx === 0) d += `v${num(dy)}`;
      else d += `l${num(dx)} ${num(dy)}`;
      x = px;
      y = py;
    }
  }
  return d.replace(/ -/g, "-");
};
