/**
 * @module AreaIndex
 * Which areas contain a point: the areas' bounding boxes bucketed on a grid of cells, so a
 * lookup tests only the few areas whose box covers the point's cell, then each candidate's
 * rings (even-odd rule, holes excluded).
 */
import { inRing } from "./Dissolve.js";
import type { Area } from "./GeoJson.js";

type Point = readonly [number, number];

interface Entry {
  readonly area: Area;
  readonly box: readonly [number, number, number, number];
}

const boxOf = (area: Area): [number, number, number, number] => {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of area.polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
};

/** Whether a point lies in an area (in one of its polygons, outside that polygon's holes). */
export const areaContains = (area: Area, point: Point): boolean =>
  area.polygons.some((polygon) => {
    const [outer, ...holes] = polygon;
    return outer !== undefined && inRing(point, outer) && !holes.some((h) => inRing(point, h));
  });

/**
 * A point-in-polygon index over areas.
 *
 * @example
 * ```ts
 * const index = AreaIndex.of(readAreas(lsoaGeoJson).values());
 * index.containing([-2.3, 53.45])[0]?.code; // e.g. "E01006112"
 * ```
 */
export class AreaIndex {
  private constructor(
    private readonly cells: ReadonlyMap<string, ReadonlyArray<Entry>>,
    private readonly cellSize: number,
    /** The bounding box of every area: [west, south, east, north]. */
    readonly bounds: readonly [number, number, number, number] | undefined,
  ) {}

  /** An index of `areas` on cells of `cellSize` degrees (default 0.01°, about 1 km). */
  static of(areas: Iterable<Area>, cellSize = 0.01): AreaIndex {
    const cells = new Map<string, Entry[]>();
    let bounds: [number, number, number, number] | undefined;
    for (const area of areas) {
      const box = boxOf(area);
      if (!Number.isFinite(box[0])) continue;
      bounds =
        bounds === undefined
          ? [...box]
          : [
              Math.min(bounds[0], box[0]),
              Math.min(bounds[1], box[1]),
              Math.max(bounds[2], box[2]),
              Math.max(bounds[3], box[3]),
            ];
      const entry: Entry = { area, box };
      for (let cx = Math.floor(box[0] / cellSize); cx <= Math.floor(box[2] / cellSize); cx++) {
        for (let cy = Math.floor(box[1] / cellSize); cy <= Math.floor(box[3] / cellSize); cy++) {
          const cell = `${cx},${cy}`;
          const list = cells.get(cell);
          if (list === undefined) cells.set(cell, [entry]);
          else list.push(entry);
        }
      }
    }
    return new AreaIndex(cells, cellSize, bounds);
  }

  /** The areas containing the point `[lon, lat]` (none outside them all; two on a shared edge is possible). */
  containing(point: Point): Area[] {
    const [x, y] = point;
    const cell = `${Math.floor(x / this.cellSize)},${Math.floor(y / this.cellSize)}`;
    const found: Area[] = [];
    for (const { area, box } of this.cells.get(cell) ?? []) {
      if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
      if (areaContains(area, point)) found.push(area);
    }
    return found;
  }
}
