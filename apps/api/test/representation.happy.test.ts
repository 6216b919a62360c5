/**
 * Lean answers: by default a read leaves out the derivation texts of provenance and
 * population (the source keys stay); `provenance=true` gives them; `form=compact` gives the
 * records once each in `included`, referred to by key. Every answer here is also checked
 * against the document by the harness (the compact form's schema included).
 */
import { describe, expect, it } from "vitest";
import { call } from "./harness.js";

const get = async (path: string) => {
  const response = await call(path);
  expect(response.status, path).toBe(200);
  const text = await response.text();
  return {
    text,
    bytes: Buffer.byteLength(text),
    body: JSON.parse(text),
    etag: response.headers.get("etag"),
  };
};

const reads = [
  "/v1/lookup/postcode/M32%200JG",
  "/v1/lookup/practice/P91603",
  "/v1/areas/lsoas/E01006112",
  "/v1/lookup/code/00W",
  "/v1/organisations?kind=gp-practice&placeId=E08000009&limit=100",
  "/v1/neighbourhoods?limit=100",
  "/v1/places",
  "/v1/organisations/P91603",
  "/v1/neighbourhoods?placeId=E08000009&limit=1",
];

const join = (path: string, query: string) => `${path}${path.includes("?") ? "&" : "?"}${query}`;

describe("the default answer leaves out derivation texts; provenance=true gives them", () => {
  it.each(reads)("%s", async (path) => {
    const lean = await get(path);
    const full = await get(join(path, "provenance=true"));
    expect(lean.text).not.toContain('"derivation"');
    expect(lean.text).toContain('"sources"');
    expect(lean.bytes).toBeLessThanOrEqual(full.bytes);
    expect(lean.etag).toBe(full.etag);
  });

  it("keeps derivations where they are asked for", async () => {
    const full = await get("/v1/lookup/practice/P91603?provenance=true");
    expect(full.text).toContain('"derivation"');
  });
});

describe("form=compact", () => {
  it("refers to each record by key and lists it once in included", async () => {
    const { body } = await get("/v1/lookup/practice/P91603?form=compact");
    expect(typeof body.data.practice).toBe("string");
    expect(body.included.organisations[body.data.practice].codes).toContainEqual({
      system: "ods",
      value: "P91603",
    });
    expect(typeof body.data.pcn).toBe("string");
    expect(body.included.relationships[body.data.membership].objectId).toBe(body.data.pcn);
    for (const entry of body.data.neighbourhoods) {
      expect(body.included.neighbourhoods[entry.neighbourhood]).toBeDefined();
    }
  });

  it("keeps nulls, LSOAs by code, and the list items' references", async () => {
    const early = await get("/v1/lookup/practice/P91603?validAt=2018-01-01&form=compact");
    expect(early.body.data.pcn).toBeNull();
    const lsoa = await get("/v1/areas/lsoas/E01006112?form=compact");
    expect(lsoa.body.data.lsoa).toBe("E01006112");
    expect(lsoa.body.included.lsoas.E01006112.msoa.code).toMatch(/^E02/);
    const practices = await get(
      "/v1/organisations?kind=gp-practice&placeId=E08000009&form=compact&limit=5",
    );
    for (const id of practices.body.data) {
      expect(practices.body.included.organisations[id].pcn).toBeDefined();
    }
  });

  it("pages the same list with the same cursor whatever the form", async () => {
    const first = await get("/v1/places?limit=2&form=compact");
    const next = await get(`/v1/places?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.body.data.length).toBeGreaterThan(0);
  });
});
