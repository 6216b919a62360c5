import { describe, expect, it } from "vitest";
import { distance, polygonsArea, ringArea } from "./Sphere.js";

describe("ringArea", () => {
  it("measures a 0.01° square at the equator (about 1.236 km²), signed by direction", () => {
    const ring: [number, number][] = [
      [0, 0],
      [0.01, 0],
      [0.01, 0.01],
      [0, 0.01],
      [0, 0],
    ];
    expect(ringArea(ring)).toBeCloseTo(1_236_000, -4);
    expect(ringArea([...ring].reverse())).toBeCloseTo(-1_236_000, -4);
  });

  it("subtracts holes", () => {
    const outer: [number, number][] = [
      [0, 0],
      [0.02, 0],
      [0.02, 0.02],
      [0, 0.02],
    ];
    const hole: [number, number][] = [
      [0.005, 0.005],
      [0.015, 0.005],
      [0.015, 0.015],
      [0.005, 0.015],
    ];
    expect(polygonsArea([[outer, hole]])).toBeCloseTo(3 * 1_236_000, -4);
  });
});

describe("distance", () => {
  it("is about 111.2 km for a degree of latitude", () => {
    expect(distance([-2, 53], [-2, 54])).toBeCloseTo(111_195, -2);
  });
});
