/**
 * @module Dissolve
 * Outlines of groups of areas drawn on a grid, and the union of areas as polygons. An edge shared by two areas of the same group
 * cancels out; an edge between two groups (or on the outside) is kept once, so neighbouring
 * groups share one line. ONS boundary sets are topologically consistent, and snapping to the
 * grid makes the shared edges of neighbouring areas identical. The same pass finds which
 * groups touch, for colouring them apart.
 */
import { ringArea } from "./Sphere.js";

type Point = readonly [number, number];

const key = (p: Point): string => `${p[0]},${p[1]}`;

/** Chains edges into lines (closed where they meet up). */
const chain = (edges: ReadonlyArray<readonly [Point, Point]>): Point[][] => {
  const next = new Map<string, Point[]>();
  for (const [from, to] of edges) {
    const list = next.get(key(from));
    if (list === undefined) next.set(key(from), [to]);
    else list.push(to);
    // Undirected: walk either way.
    const back = next.get(key(to));
    if (back === undefined) next.set(key(to), [from]);
    else back.push(from);
  }
  const used = new Set<string>();
  const edgeId = (a: Point, b: Point): string => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
  };
  const lines: Point[][] = [];
  for (const [from, to] of edges) {
    if (used.has(edgeId(from, to))) continue;
    used.add(edgeId(from, to));
    const line: Point[] = [from, to];
    // Extend forwards from `to`, then backwards from `from`.
    for (const forward of [true, false]) {
      for (;;) {
        const end = forward ? (line.at(-1) as Point) : (line[0] as Point);
        const candidates = next.get(key(end)) ?? [];
        const step = candidates.find((p) => !used.has(edgeId(end, p)));
        if (step === undefined) break;
        used.add(edgeId(end, step));
        if (forward) line.push(step);
        else line.unshift(step);
      }
    }
    lines.push(line);
  }
  return lines;
};

/** The result of {@link dissolveGroups}. */
export interface GroupOutlines {
  /** The boundary lines: group edges and outer edges, each drawn once. */
  readonly lines: Point[][];
  /** Pairs of group indexes that share an edge. */
  readonly touching: ReadonlyArray<readonly [number, number]>;
}

/**
 * The outlines of several groups of rings at once.
 *
 * @example
 * ```ts
 * dissolveGroups([[squareA], [squareB]]).touching; // [[0, 1]] when the squares share an edge
 * ```
 */
export const dissolveGroups = (
  groups: ReadonlyArray<ReadonlyArray<ReadonlyArray<Point>>>,
): GroupOutlines => {
  const edges = new Map<string, { from: Point; to: Point; groups: number[] }>();
  groups.forEach((rings, group) => {
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const from = ring[i];
        const to = ring[(i + 1) % ring.length];
        if (from === undefined || to === undefined) continue;
        const a = key(from);
        const b = key(to);
        if (a === b) continue;
        const id = a < b ? `${a}|${b}` : `${b}|${a}`;
        const edge = edges.get(id);
        if (edge === undefined) edges.set(id, { from, to, groups: [group] });
        else edge.groups.push(group);
      }
    }
  });
  const kept: [Point, Point][] = [];
  const touching = new Set<string>();
  for (const edge of edges.values()) {
    const [first, second] = edge.groups;
    if (edge.groups.length === 1) {
      kept.push([edge.from, edge.to]);
    } else if (first !== undefined && second !== undefined && first !== second) {
      kept.push([edge.from, edge.to]);
      touching.add(first < second ? `${first} ${second}` : `${second} ${first}`);
    }
  }
  return {
    lines: chain(kept),
    touching: [...touching].map((pair) => pair.split(" ").map(Number) as [number, number]),
  };
};

/** The boundary lines of the union of `rings`. */
export const dissolve = (rings: ReadonlyArray<ReadonlyArray<Point>>): Point[][] =>
  dissolveGroups([rings]).lines;

/**
 * Colours for groups so that touching groups differ (greedy, largest degree first).
 *
 * @example
 * ```ts
 * colourGroups(3, [[0, 1], [1, 2]], 4); // e.g. [1, 0, 1]
 * ```
 */
export const colourGroups = (
  count: number,
  touching: ReadonlyArray<readonly [number, number]>,
  palette: number,
): number[] => {
  const neighbours = Array.from({ length: count }, () => new Set<number>());
  for (const [a, b] of touching) {
    neighbours[a]?.add(b);
    neighbours[b]?.add(a);
  }
  const order = [...neighbours.keys()].sort(
    (a, b) => (neighbours[b]?.size ?? 0) - (neighbours[a]?.size ?? 0) || a - b,
  );
  const colours = new Array<number>(count).fill(-1);
  for (const group of order) {
    const taken = new Set([...(neighbours[group] ?? [])].map((n) => colours[n]));
    let colour = 0;
    while (taken.has(colour) && colour < palette - 1) colour++;
    colours[group] = colour;
  }
  return colours;
};

/** A ring's signed area in its own plane (positive: anticlockwise). */
const planarArea = (ring: ReadonlyArray<Point>): number => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Point;
    const b = ring[i] as Point;
    sum += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return sum / 2;
};

/** Whether a point lies inside a ring (even-odd rule). */
export const inRing = (point: Point, ring: ReadonlyArray<Point>): boolean => {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

/** A ring without its closing point (GeoJSON repeats the first point at the end). */
const open = (ring: ReadonlyArray<Point>): Point[] => {
  const points = [...ring];
  const first = points[0];
  const last = points.at(-1);
  if (points.length > 1 && first !== undefined && last !== undefined && key(first) === key(last)) {
    points.pop();
  }
  return points;
};

/** Polygons, each a list of rings (the first outer, then holes), as GeoJSON has them. */
export type Polygons = ReadonlyArray<ReadonlyArray<ReadonlyArray<Point>>>;

/**
 * The union of polygons that share edges exactly (a topologically consistent set, such as
 * ONS boundaries), as GeoJSON MultiPolygon coordinates: outer rings anticlockwise, holes
 * clockwise (RFC 7946), each ring closed. Each ring is turned the right way first (outer
 * anticlockwise, holes clockwise); an edge walked both ways lies between two polygons and
 * cancels; what remains is chained into rings, and each hole goes to the smallest outer ring
 * around it. Rings that enclose no area (where two polygons' edges do not quite meet) are
 * dropped.
 *
 * @example
 * ```ts
 * const square = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] as const;
 * unionPolygons([square(0), square(1)]); // one 2×1 rectangle
 * ```
 */
export const unionPolygons = (polygons: Polygons): Point[][][] => {
  const counts = new Map<string, { from: Point; to: Point; count: number }>();
  const add = (from: Point, to: Point): void => {
    const forward = `${key(from)}|${key(to)}`;
    const backward = counts.get(`${key(to)}|${key(from)}`);
    if (backward !== undefined && backward.count > 0) {
      backward.count--;
      return;
    }
    const edge = counts.get(forward);
    if (edge === undefined) counts.set(forward, { from, to, count: 1 });
    else edge.count++;
  };
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      const points = open(ring);
      if (points.length < 3) return;
      const anticlockwise = planarArea(points) > 0;
      // Outer rings anticlockwise, holes clockwise.
      if (anticlockwise !== (index === 0)) points.reverse();
      for (let i = 0; i < points.length; i++) {
        const from = points[i] as Point;
        const to = points[(i + 1) % points.length] as Point;
        if (key(from) !== key(to)) add(from, to);
      }
    });
  }
  const outgoing = new Map<string, Point[]>();
  for (const edge of counts.values()) {
    for (let n = 0; n < edge.count; n++) {
      const list = outgoing.get(key(edge.from));
      if (list === undefined) outgoing.set(key(edge.from), [edge.to]);
      else list.push(edge.to);
    }
  }
  const rings: Point[][] = [];
  for (const [start, ends] of outgoing) {
    while (ends.length > 0) {
      const first = ends.pop() as Point;
      const [sx, sy] = start.split(",").map(Number) as [number, number];
      const ring: Point[] = [[sx, sy], first];
      let at = first;
      while (key(at) !== start) {
        const next = outgoing.get(key(at))?.pop();
        if (next === undefined) break;
        ring.push(next);
        at = next;
      }
      if (key(at) === start && ring.length >= 4) rings.push(ring);
    }
  }
  const outers: { ring: Point[]; area: number; holes: Point[][] }[] = [];
  const holes: Point[][] = [];
  for (const ring of rings) {
    const area = planarArea(ring);
    // Rings of (nearly) no area: slivers where edges do not quite meet.
    if (Math.abs(ringArea(ring)) < 1) continue;
    if (area > 0) outers.push({ ring, area, holes: [] });
    else holes.push(ring);
  }
  outers.sort((a, b) => a.area - b.area);
  for (const hole of holes) {
    const probe = hole[0] as Point;
    const home = outers.find((outer) => inRing(probe, outer.ring));
    if (home !== undefined) home.holes.push(hole);
  }
  return outers.sort((a, b) => b.area - a.area).map((outer) => [outer.ring, ...outer.holes]);
};
