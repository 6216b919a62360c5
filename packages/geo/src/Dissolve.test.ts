import { describe, expect, it } from "vitest";
import { colourGroups, dissolve, dissolveGroups, unionPolygons } from "./Dissolve.js";
import { polygonsArea } from "./Sphere.js";

const square = (x: number, y: number): [number, number][] => [
  [x, y],
  [x + 1, y],
  [x + 1, y + 1],
  [x, y + 1],
];

const length = (lines: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): number =>
  lines.reduce((sum, line) => sum + line.length - 1, 0);

describe("dissolve", () => {
  it("cancels the edges two areas share", () => {
    const lines = dissolve([square(0, 0), square(1, 0)]);
    // The 2×1 rectangle has a perimeter of 6 unit edges, in one closed line.
    expect(length(lines)).toBe(6);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.[0]).toEqual(lines[0]?.at(-1));
  });

  it("keeps a hole's boundary: a 3×3 block without its centre", () => {
    const rings = [];
    for (let x = 0; x < 3; x++)
      for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) rings.push(square(x, y));
    expect(length(dissolve(rings))).toBe(12 + 4);
  });

  it("leaves a single area as it is", () => {
    expect(length(dissolve([square(5, 5)]))).toBe(4);
  });
});

describe("dissolveGroups", () => {
  it("draws the line between two groups once and reports that they touch", () => {
    const { lines, touching } = dissolveGroups([
      [square(0, 0), square(1, 0)],
      [square(2, 0)],
      [square(9, 9)],
    ]);
    // Outer boundary of the 3×1 strip (8) + the edge between the groups (1) + the far square (4).
    expect(length(lines)).toBe(13);
    expect(touching).toEqual([[0, 1]]);
  });
});

describe("colourGroups", () => {
  it("gives touching groups different colours", () => {
    const touching: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
    ];
    const colours = colourGroups(4, touching, 6);
    for (const [a, b] of touching) expect(colours[a]).not.toBe(colours[b]);
  });
});

describe("unionPolygons", () => {
  const cell = (x: number, y: number): [number, number][][] => [
    [...square(x, y), [x, y] as [number, number]].map(([a, b]): [number, number] => [
      a / 100,
      b / 100,
    ]),
  ];

  it("merges two polygons that share an edge into one outer ring", () => {
    const union = unionPolygons([cell(0, 0), cell(1, 0)]);
    expect(union).toHaveLength(1);
    expect(union[0]).toHaveLength(1);
    // Closed, anticlockwise, the 2×1 rectangle's 6 corners (collinear points kept) + closing.
    expect(union[0]?.[0]).toHaveLength(7);
    expect(polygonsArea(union)).toBeCloseTo(polygonsArea([cell(0, 0), cell(1, 0)]), 0);
  });

  it("keeps a hole: a 3×3 block without its centre", () => {
    const cells = [];
    for (let x = 0; x < 3; x++)
      for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) cells.push(cell(x, y));
    const union = unionPolygons(cells);
    expect(union).toHaveLength(1);
    expect(union[0]).toHaveLength(2);
    expect(polygonsArea(union)).toBeCloseTo(polygonsArea(cells), 0);
  });

  it("turns rings the right way whatever way they came", () => {
    const reversed = cell(1, 0).map((ring) => [...ring].reverse());
    expect(unionPolygons([cell(0, 0), reversed])).toHaveLength(1);
  });

  it("keeps polygons apart when they do not touch", () => {
    expect(unionPolygons([cell(0, 0), cell(5, 5)])).toHaveLength(2);
  });
});
