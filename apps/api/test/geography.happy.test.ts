/**
 * Boundaries and point lookups over the GM dataset: every Trafford postcode's own point is
 * looked up and must land in the postcode's LSOA (unless the point lies outside that
 * LSOA's own boundary); the Trafford localities dissolved from their LSOAs are compared
 * with the localities' published boundaries; every answer carries its attribution and ETag.
 */
import { readFileSync } from "node:fs";
import { boundaryPaths, loadPostcodes } from "@care-atlas/data";
import { areaContains, polygonsArea, readAreas } from "@care-atlas/geo";
import { intersection } from "polyclip-ts";
import { describe, expect, it } from "vitest";
import { answers, resourceAt } from "./answers.js";
import { call, expectProblem, getJson } from "./harness.js";

type Geom = Parameters<typeof intersection>[0];

const lsoaAreas = readAreas(JSON.parse(readFileSync(boundaryPaths.lsoasGeneralised, "utf8")));
const localities = readAreas(
  JSON.parse(readFileSync(boundaryPaths.traffordLocalities, "utf8")),
  "area_name",
);

/** Runs `task` over `items`, `width` at a time. */
const inParallel = async <T>(
  items: ReadonlyArray<T>,
  width: number,
  task: (item: T) => Promise<void>,
) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
};

describe("GET /v1/lookup/point", () => {
  it("agrees with the LSOA of every Trafford postcode's own point (except points outside their own LSOA)", async () => {
    const postcodes = loadPostcodes().filter((p) => p.point !== undefined);
    expect(postcodes.length).toBeGreaterThan(10_000);
    const outsideOwn: string[] = [];
    const disagree: string[] = [];
    await inParallel(postcodes, 16, async (location) => {
      const point = location.point as { lat: number; lon: number };
      const own = lsoaAreas.get(location.lsoaCode);
      const inside = own !== undefined && areaContains(own, [point.lon, point.lat]);
      if (!inside) outsideOwn.push(location.postcode);
      const response = await call(
        `/v1/lookup/point?lat=${point.lat}&lon=${point.lon}&postcodes=0&validAt=2024-04-01`,
      );
      if (response.status !== 200) {
        await response.text();
        if (inside) disagree.push(`${location.postcode}: ${response.status}`);
        return;
      }
      const body = answers.point.parse(await response.json());
      if (body.data.code !== location.lsoaCode && inside) {
        disagree.push(`${location.postcode}: ${body.data.code} ≠ ${location.lsoaCode}`);
      }
    });
    console.info(
      `point lookup: ${postcodes.length} Trafford postcodes, ${outsideOwn.length} with a point outside their own LSOA's generalised boundary, ${disagree.length} disagreements otherwise`,
    );
    expect(disagree).toEqual([]);
    expect(outsideOwn.length).toBeLessThan(postcodes.length / 100);
  });

  it("answers the chain and the nearest postcodes, nearest first", async () => {
    const body = await getJson(
      "/v1/lookup/point?lat=53.4577&lon=-2.3096&radius=400&postcodes=5&validAt=2025-06-01",
      answers.point,
    );
    expect(body.data.place?.name).toBe("Trafford");
    expect(body.data.icb?.codes.some((c) => c.value === "QOP")).toBe(true);
    expect(body.data.neighbourhoods.length).toBeGreaterThan(0);
    expect(body.data.postcodes.length).toBe(5);
    const distances = body.data.postcodes.map((p) => p.distanceMetres);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(400);
  });

  it("is a clear 404 problem outside the loaded boundaries", async () => {
    const problem = await expectProblem(
      await call("/v1/lookup/point?lat=51.5007&lon=-0.1246"),
      404,
      "not-found",
    );
    expect(String(problem.detail)).toMatch(/none of the loaded LSOAs .*longitude/);
  });

  it("refuses coordinates that are not numbers in range", async () => {
    for (const query of ["lat=91&lon=0", "lat=53&lon=x", "lat=1e2&lon=0", "lon=-2"]) {
      await expectProblem(await call(`/v1/lookup/point?${query}`), 400, "invalid-request");
    }
  });
});

/** |A Δ B| = |A| + |B| − 2|A ∩ B|, in m². */
const symmetricDifference = (a: Geom, b: Geom): number => {
  const both = intersection(a, b) as ReadonlyArray<ReadonlyArray<ReadonlyArray<[number, number]>>>;
  const area = (g: Geom) =>
    polygonsArea(g as ReadonlyArray<ReadonlyArray<ReadonlyArray<[number, number]>>>);
  return area(a) + area(b) - 2 * polygonsArea(both);
};

describe("GET /v1/boundaries", () => {
  it("dissolves the Trafford localities from their LSOAs close to their published boundaries", async () => {
    const schemes = await getJson(
      "/v1/neighbourhood-schemes?validAt=2025-06-01",
      resourceAt("/v1/neighbourhood-schemes").page,
    );
    const trafford = schemes.data.find((s) => JSON.stringify(s).includes("Trafford"));
    expect(trafford).toBeDefined();
    const body = await getJson(
      `/v1/boundaries/neighbourhoods?validAt=2025-06-01&schemeId=${trafford?.id}`,
      answers.boundaries,
    );
    expect(body.features).toHaveLength(4);
    expect(body.attribution.join(" ")).toMatch(/Contains OS data © Crown copyright/);
    expect(body.attribution.join(" ")).toMatch(/Office for National Statistics/);
    const report: string[] = [];
    for (const feature of body.features) {
      const name = feature.properties.name.replace(/^Trafford locality: /, "");
      const published = localities.get(name);
      expect(published, name).toBeDefined();
      const ours = feature.geometry.coordinates as Geom;
      const theirs = (published?.polygons ?? []) as Geom;
      const difference = symmetricDifference(ours, theirs);
      const publishedArea = polygonsArea(published?.polygons ?? []);
      const share = difference / publishedArea;
      report.push(
        `${name}: ours ${(feature.properties.areaSquareMetres / 1e6).toFixed(2)} km², published ${(publishedArea / 1e6).toFixed(2)} km², symmetric difference ${(difference / 1e6).toFixed(2)} km² (${(share * 100).toFixed(1)} %)`,
      );
      expect(feature.geometry.coordinates).toHaveLength(1);
      expect(share, name).toBeLessThan(0.1);
    }
    console.info(`Trafford localities vs published boundaries:\n  ${report.join("\n  ")}`);
  });

  it("outlines places, LSOAs of a place and one LSOA, at both resolutions, with ETags", async () => {
    const places = await getJson("/v1/boundaries/places?validAt=2024-04-01", answers.boundaries);
    expect(places.features).toHaveLength(10);
    const trafford = places.features.find((f) => f.properties.name === "Trafford");
    expect(trafford?.properties.code).toBe("E08000009");
    const coarse = await getJson(
      `/v1/boundaries/places/${trafford?.id}?validAt=2024-04-01&resolution=super-generalised`,
      answers.boundaries,
    );
    expect(coarse.features).toHaveLength(1);
    const fine = await getJson(
      `/v1/boundaries/places/${trafford?.id}?validAt=2024-04-01`,
      answers.boundaries,
    );
    const points = (doc: typeof fine) => JSON.stringify(doc.features[0]?.geometry).length;
    expect(points(fine)).toBeGreaterThan(points(coarse));
    const lsoas = await getJson(
      `/v1/boundaries/lsoas?placeId=${trafford?.id}&validAt=2024-04-01`,
      answers.boundaries,
    );
    expect(lsoas.features.length).toBeGreaterThan(100);
    expect(lsoas.features.every((f) => f.properties.kind === "lsoa")).toBe(true);
    const response = await call("/v1/boundaries/lsoas/E01006112");
    expect(response.headers.get("content-type")).toMatch(/^application\/geo\+json/);
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    const one = answers.boundaries.parse(await response.json());
    expect(one.features[0]?.id).toBe("E01006112");
    const again = await call("/v1/boundaries/lsoas/E01006112", {
      headers: { "If-None-Match": etag ?? "" },
    });
    expect(again.status).toBe(304);
    // The fast path serves the cached answer with its own media type.
    const cached = await call("/v1/boundaries/lsoas/E01006112");
    expect(cached.headers.get("content-type")).toMatch(/^application\/geo\+json/);
    await cached.text();
  });

  it("refuses an unknown LSOA and a neighbourhood without an LSOA footprint", async () => {
    await expectProblem(await call("/v1/boundaries/lsoas/E01999999"), 404, "not-found");
    const pcn = await getJson(
      "/v1/neighbourhoods?validAt=2024-04-01&limit=1000",
      resourceAt("/v1/neighbourhoods").page,
    );
    const registered = pcn.data.find((n) => !JSON.stringify(n).includes('"lsoas":["E01'));
    expect(registered).toBeDefined();
    const problem = await expectProblem(
      await call(`/v1/boundaries/neighbourhoods/${registered?.id}?validAt=2024-04-01`),
      404,
      "not-found",
    );
    expect(String(problem.detail)).toMatch(/registered population/);
  });
});
