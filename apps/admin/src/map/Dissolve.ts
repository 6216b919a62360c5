/**
 * @module Dissolve
 * Outlines of groups of areas drawn on a grid. An edge shared by two areas of the same group
 * cancels out; an edge between two groups (or on the outside) is kept once, so neighbouring
 * groups share one line. ONS boundary sets are topologically consistent, and snapping to the
 * grid makes the shared edges of neighbouring areas identical. The same pass finds which
 * groups touch, for colouring them apart.
 */
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
