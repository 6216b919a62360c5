import { describe, expect, it } from "vitest";
import { AreaIndex } from "./AreaIndex.js";
import type { Area } from "./GeoJson.js";

const box = (code: string, x: number, y: number, size: number): Area => ({
  code,
  name: code,
  polygons: [
    [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  ],
});

describe("AreaIndex", () => {
  const ring: Area = {
    code: "RING",
    name: "ring",
    polygons: [
      [
        [
          [0, 0],
          [0.1, 0],
          [0.1, 0.1],
          [0, 0.1],
        ],
        [
          [0.04, 0.04],
          [0.06, 0.04],
          [0.06, 0.06],
          [0.04, 0.06],
        ],
      ],
    ],
  };
  const index = AreaIndex.of([box("A", -2.3, 53.4, 0.05), box("B", -2.25, 53.4, 0.05), ring]);

  it("finds the area containing a point", () => {
    expect(index.containing([-2.28, 53.42]).map((a) => a.code)).toEqual(["A"]);
    expect(index.containing([-2.22, 53.42]).map((a) => a.code)).toEqual(["B"]);
  });

  it("finds nothing outside every area, or in a hole", () => {
    expect(index.containing([-1, 50])).toEqual([]);
    expect(index.containing([0.05, 0.05])).toEqual([]);
    expect(index.containing([0.02, 0.02]).map((a) => a.code)).toEqual(["RING"]);
  });

  it("knows the bounds of its areas", () => {
    const [west, south, east, north] = index.bounds ?? [];
    expect([west, south, east]).toEqual([-2.3, 0, 0.1]);
    expect(north).toBeCloseTo(53.45, 10);
  });
});
