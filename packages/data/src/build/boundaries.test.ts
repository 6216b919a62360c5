import { describe, expect, it } from "vitest";
import { containsPoint, type Feature, readFeatures, reduceGeoJson } from "./boundaries.js";

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

const holed: Feature = {
  type: "Feature",
  properties: { area_name: "Synthetic" },
  geometry: { type: "Polygon", coordinates: [square(0, 0, 10) as never, square(4, 4, 2) as never] },
};

describe("containsPoint", () => {
  it("finds points inside the outer ring and outside holes", () => {
    expect(containsPoint(holed, [1, 1])).toBe(true);
    expect(containsPoint(holed, [5, 5])).toBe(false);
    expect(containsPoint(holed, [11, 1])).toBe(false);
  });

  it("looks in every polygon of a multipolygon", () => {
    const multi: Feature = {
      type: "Feature",
      properties: {},
      geometry: {
        type: "MultiPolygon",
        coordinates: [[square(0, 0, 1) as never], [square(5, 5, 1) as never]],
      },
    };
    expect(containsPoint(multi, [5.5, 5.5])).toBe(true);
    expect(containsPoint(multi, [3, 3])).toBe(false);
  });
});

describe("reduceGeoJson", () => {
  const text = JSON.stringify({
    type: "FeatureCollection",
    name: "synthetic",
    features: [
      {
        type: "Feature",
        properties: { area_code: "E01999001" },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [-2.123456789, 53.000004],
              [-2.1, 53.1],
              [-2.2, 53.1],
              [-2.123456789, 53.000004],
            ],
          ],
        },
      },
    ],
  });

  it("rounds coordinates to 5 decimal places and keeps properties", () => {
    const reduced = reduceGeoJson(text);
    const parsed = readFeatures(reduced);
    expect(parsed.name).toBe("synthetic");
    expect(parsed.features[0]?.properties).toEqual({ area_code: "E01999001" });
    expect(parsed.features[0]?.geometry.coordinates[0]?.[0]).toEqual([-2.12346, 53]);
  });

  it("writes one feature per line, the same bytes every time", () => {
    expect(reduceGeoJson(text).split("\n")).toHaveLength(4);
    expect(reduceGeoJson(text)).toBe(reduceGeoJson(reduceGeoJson(text)));
  });

  it("refuses anything but polygons", () => {
    expect(() =>
      reduceGeoJson(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}}]}',
      ),
    ).toThrow(/unsupported geometry Point/);
  });
});
