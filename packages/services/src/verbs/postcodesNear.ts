/**
 * @module postcodesNear
 * The postcodes nearest a point: those of the register's postcodes whose point lies within
 * a radius, nearest first. Postcode points sit on a grid of cells (built once per set of
 * postcodes), so a search reads only the cells the radius reaches.
 */
import { LatLon, type PostcodeRecord } from "@care-atlas/domain";
import { distance } from "@care-atlas/geo";
import { Effect } from "effect";
import { z } from "zod";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions, parseWith } from "../internal/input.js";

/** Options of `postcodesNear`. */
export interface PostcodesNearOptions {
  /** How far to look, in metres (1–5,000; default 500). */
  readonly radiusMetres?: number | undefined;
  /** At most this many (1–100; default 10). */
  readonly limit?: number | undefined;
  readonly asOf?: Date | undefined;
}

/** A postcode near the point. */
export interface NearbyPostcode {
  readonly postcode: PostcodeRecord;
  /** From the point to the postcode's point, metres (rounded). */
  readonly distanceMetres: number;
}

/** The postcodes near a point. */
export interface PostcodesNearRead {
  readonly items: ReadonlyArray<NearbyPostcode>;
  readonly dataVersion: number;
}

export type PostcodesNear = (
  point: LatLon,
  options?: PostcodesNearOptions,
) => Effect.Effect<PostcodesNearRead, ValidationFailed | StoreUnavailable>;

const Options = z.object({
  radiusMetres: z.number().min(1).max(5000).default(500),
  limit: z.number().int().min(1).max(100).default(10),
});

/** Cells of 0.01° (about 1.1 km north–south, 0.66 km east–west at 53° N). */
const cellSize = 0.01;
const cellOf = (lon: number, lat: number): string =>
  `${Math.floor(lon / cellSize)},${Math.floor(lat / cellSize)}`;

const grids = new WeakMap<ReadonlyArray<PostcodeRecord>, Map<string, PostcodeRecord[]>>();

const gridOf = (postcodes: ReadonlyArray<PostcodeRecord>): Map<string, PostcodeRecord[]> => {
  let grid = grids.get(postcodes);
  if (grid === undefined) {
    grid = new Map();
    for (const location of postcodes) {
      if (location.point === undefined) continue;
      const cell = cellOf(location.point.lon, location.point.lat);
      const list = grid.get(cell);
      if (list === undefined) grid.set(cell, [location]);
      else list.push(location);
    }
    grids.set(postcodes, grid);
  }
  return grid;
};

/**
 * The postcodes of `postcodes` within `radiusMetres` of `point`, nearest first (ties by
 * postcode), at most `limit`.
 *
 * @example
 * ```ts
 * postcodesNearIn(model.reference.postcodes, { lat: 53.4577, lon: -2.3096 }, 200, 5);
 * ```
 */
export const postcodesNearIn = (
  postcodes: ReadonlyArray<PostcodeRecord>,
  point: LatLon,
  radiusMetres: number,
  limit: number,
): NearbyPostcode[] => {
  const grid = gridOf(postcodes);
  const dLat = (radiusMetres / 111_195) * 1.01;
  const dLon = dLat / Math.max(0.01, Math.cos((point.lat * Math.PI) / 180));
  const found: NearbyPostcode[] = [];
  const from: readonly [number, number] = [point.lon, point.lat];
  for (
    let x = Math.floor((point.lon - dLon) / cellSize);
    x <= Math.floor((point.lon + dLon) / cellSize);
    x++
  ) {
    for (
      let y = Math.floor((point.lat - dLat) / cellSize);
      y <= Math.floor((point.lat + dLat) / cellSize);
      y++
    ) {
      for (const location of grid.get(`${x},${y}`) ?? []) {
        const at = location.point;
        if (at === undefined) continue;
        const metres = distance(from, [at.lon, at.lat]);
        if (metres <= radiusMetres)
          found.push({ postcode: location, distanceMetres: Math.round(metres) });
      }
    }
  }
  return found
    .sort(
      (a, b) =>
        a.distanceMetres - b.distanceMetres || (a.postcode.postcode < b.postcode.postcode ? -1 : 1),
    )
    .slice(0, limit);
};

/** `postcodesNear({ lat, lon }, { radiusMetres?, limit?, asOf? })`. */
export const makePostcodesNear =
  (ctx: RegisterContext): PostcodesNear =>
  (point, options) =>
    Effect.gen(function* () {
      const at = yield* parseWith(LatLon, point, "point");
      const { radiusMetres, limit } = yield* parseWith(
        Options,
        { radiusMetres: options?.radiusMetres, limit: options?.limit },
        "query",
      );
      const { asOf } = yield* parseReadOptions({ asOf: options?.asOf });
      const model = yield* ctx.live.at(asOf);
      return {
        items: postcodesNearIn(model.reference.postcodes, at, radiusMetres, limit),
        dataVersion: model.seq,
      } satisfies PostcodesNearRead;
    });
