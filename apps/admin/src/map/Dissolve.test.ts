import { describe, expect, it } from "vitest";
import { colourGroups, dissolve, dissolveGroups } from "./Dissolve.js";
import { fitProjection, linesPath, projectRing, ringsPath } from "./Projection.js";

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

describe("projection", () => {
  it("fits the bounds into the width, north up", () => {
    const projection = fitProjection([-2.7, 53.3, -1.9, 53.7], 600, { margin: 10 });
    expect(projection.project(-2.7, 53.7)).toEqual([10, 10]);
    const [x, y] = projection.project(-1.9, 53.3);
    expect(x).toBe(590);
    expect(y).toBe(projection.height - 10);
    expect(projection.height).toBeGreaterThan(400);
    expect(projection.height).toBeLessThan(600);
  });

  it("drops repeated points and collapsed rings", () => {
    const projection = fitProjection([0, 0, 1, 1], 100, { margin: 0 });
    expect(
      projectRing(projection, [
        [0, 0],
        [0.0001, 0],
        [0.5, 0.5],
        [0, 1],
        [0, 0],
      ]),
    ).toHaveLength(3);
    expect(
      projectRing(projection, [
        [0, 0],
        [0.001, 0.001],
        [0.002, 0],
      ]),
    ).toBeUndefined();
  });

  it("writes compact relative path data", () => {
    expect(
      ringsPath([
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [3, 4],
        ],
      ]),
    ).toBe("M0 0h10v10l-7-6z");
    expect(
      linesPath([
        [
          [1, 1],
          [1, 5],
          [4, 9],
        ],
      ]),
    ).toBe("M1 1v4l3 4");
  });
});
