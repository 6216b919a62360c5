import { describe, expect, it } from "vitest";
import { fitProjection, linesPath, projectRing, ringsPath } from "./Projection.js";

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
