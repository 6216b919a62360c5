/**
 * @module postcodesNear
 * The postcodes nearest a point: those of the register's postcodes whose point lies within
 * a radius, nearest first. Postcode points sit on a grid of cells (built once per set of
 * postcodes, as sorted typed arrays of rows), so a search reads only the cells the radius
 * reaches.
 */
import { LatLon, type PostcodeRecord } from "@care-atlas/domain";
import { distance } from "@care-atlas/geo";
import type { PostcodeTable } from "@care-atlas/store";
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
/** A cell as one number: its column and row, each offset to be positive. */
const cellKey = (x: number, y: number): number => (x + 20_000) * 40_000 + (y + 20_000);

/** The rows of a table grouped by cell: cells sorted, each with the range of its rows. */
interface Grid {
  readonly cells: Float64Array;
  /** `starts[k]`…`starts[k + 1]` index `rows` for cell k. */
  readonly starts: Int32Array;
  readonly rows: Int32Array;
}

const grids = new WeakMap<PostcodeTable, Grid>();

const gridOf = (table: PostcodeTable): Grid => {
  let grid = grids.get(table);
  if (grid === undefined) {
    const keys = new Float64Array(table.size);
    const placed: number[] = [];
    for (let i = 0; i < table.size; i++) {
      const point = table.pointAt(i);
      if (point === undefined) continue;
      keys[i] = cellKey(Math.floor(point.lon / cellSize), Math.floor(point.lat / cellSize));
      placed.push(i);
    }
    placed.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
    const rows = Int32Array.from(placed);
    const cells: number[] = [];
    const starts: number[] = [];
    rows.forEach((row, k) => {
      const key = keys[row] as number;
      if (cells.at(-1) !== key) {
        cells.push(key);
        starts.push(k);
      }
    });
    starts.push(rows.length);
    grid = { cells: Float64Array.from(cells), starts: Int32Array.from(starts), rows };
    grids.set(table, grid);
  }
  return grid;
};

/** The rows of one cell. */
const rowsOfCell = (grid: Grid, key: number): Int32Array => {
  let low = 0;
  let high = grid.cells.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = grid.cells[mid] as number;
    if (at < key) low = mid + 1;
    else if (at > key) high = mid - 1;
    else return grid.rows.subarray(grid.starts[mid], grid.starts[mid + 1]);
  }
  return grid.rows.subarray(0, 0);
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
  postcodes: PostcodeTable,
  point: LatLon,
  radiusMetres: number,
  limit: number,
): NearbyPostcode[] => {
  const grid = gridOf(postcodes);
  const dLat = (radiusMetres / 111_195) * 1.01;
  const dLon = dLat / Math.max(0.01, Math.cos((point.lat * Math.PI) / 180));
  const found: { row: number; postcode: string; distanceMetres: number }[] = [];
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
      for (const row of rowsOfCell(grid, cellKey(x, y))) {
        const at = postcodes.pointAt(row);
        if (at === undefined) continue;
        const metres = distance(from, [at.lon, at.lat]);
        if (metres <= radiusMetres) {
          found.push({
            row,
            postcode: postcodes.postcodeAt(row),
            distanceMetres: Math.round(metres),
          });
        }
      }
    }
  }
  return found
    .sort((a, b) => a.distanceMetres - b.distanceMetres || (a.postcode < b.postcode ? -1 : 1))
    .slice(0, limit)
    .map((item) => ({ postcode: postcodes.record(item.row), distanceMetres: item.distanceMetres }));
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
