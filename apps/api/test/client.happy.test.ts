/** @care-atlas/client against the real server. */
import { CareAtlasError, createClient, throwOnProblem } from "@care-atlas/client";
import { describe, expect, it } from "vitest";
import { real } from "./fixtures.js";
import { api } from "./harness.js";

describe("@care-atlas/client", () => {
  it("reads places, looks up a postcode and pages the change feed, typed", async () => {
    const atlas = createClient({ baseUrl: api().url });
    const places = await atlas.GET("/v1/places", { params: { query: { limit: 100 } } });
    expect(places.error).toBeUndefined();
    // A list answers JSON, CSV or NDJSON (by Accept): the JSON page is the object.
    const page = typeof places.data === "object" ? places.data : undefined;
    expect(page?.data.map((place) => place.name)).toContain("Trafford");

    const lookup = await atlas.GET("/v1/lookup/postcode/{postcode}", {
      params: { path: { postcode: "M32 0JG" } },
    });
    expect(lookup.data?.data.place?.name).toBe("Trafford");

    const one = await atlas.GET("/v1/places/{id}", {
      params: { path: { id: real.place.id }, query: { validAt: "2024-01-01" } },
    });
    expect(one.data?.data.id).toBe(real.place.id);

    const feed = await atlas.GET("/v1/changes", { params: { query: { limit: 2 } } });
    expect(feed.data?.data).toHaveLength(2);
  });

  it("returns problems as typed errors, or throws them with throwOnProblem", async () => {
    const atlas = createClient({ baseUrl: api().url });
    const missing = await atlas.GET("/v1/places/{id}", {
      params: { path: { id: "plc_zzzzzzzzzzzzzz" } },
    });
    expect(missing.error?.code).toBe("not-found");
    atlas.use(throwOnProblem);
    await expect(
      atlas.GET("/v1/lookup/postcode/{postcode}", { params: { path: { postcode: "nope" } } }),
    ).rejects.toBeInstanceOf(CareAtlasError);
  });

  it("writes with an API key and If-Match", async () => {
    const atlas = createClient({ baseUrl: api().url, apiKey: api().keys.write });
    const created = await atlas.POST("/v1/organisations", {
      body: {
        data: {
          kind: "vcfse",
          name: "Synthetic client organisation",
          valid: { from: "2024-04-01", to: null },
          provenance: { sources: [real.source] },
        },
        reason: "synthetic: client test",
      },
    });
    expect(created.response.status).toBe(201);
    const id = created.data?.data[0]?.id ?? "";
    const ended = await atlas.POST("/v1/organisations/{id}/end", {
      params: { path: { id }, header: { "if-match": `"${created.data?.revision}"` } },
      body: { date: "2025-01-01", reason: "synthetic: client test end" },
    });
    expect(ended.data?.revision).toBe(2);
  });
});
