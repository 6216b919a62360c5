/**
 * ETags per answer: a read's ETag is a digest of what it answers (without its data
 * version), so a write changes the ETags of the answers it changes and no others; and the
 * cache policy lets a shared cache keep open reads (revalidating) but not keyed ones.
 */
import { describe, expect, it } from "vitest";
import { create, newVersion, syntheticName } from "./fixtures.js";
import { api, call } from "./harness.js";

const etagOf = async (path: string, key?: string) => {
  const response = await call(path, key === undefined ? {} : { key });
  expect(response.status, path).toBe(200);
  return response.headers.get("etag") ?? "";
};

const organisation = () => newVersion["/v1/organisations"]?.() ?? {};

describe("a write changes only the ETags of the answers it changes", () => {
  it("a write to one organisation leaves another organisation's ETag unchanged", async () => {
    const a = await create("/v1/organisations", organisation());
    const b = await create("/v1/organisations", organisation());
    const placeList = "/v1/places?limit=1000";
    const before = {
      a: await etagOf(`/v1/organisations/${a.id}`),
      b: await etagOf(`/v1/organisations/${b.id}`),
      places: await etagOf(placeList),
    };

    const renamed = { ...organisation(), id: b.id, name: syntheticName("renamed organisation") };
    const update = await call(`/v1/organisations/${b.id}`, {
      method: "PUT",
      key: api().keys.write,
      headers: { "If-Match": `"${b.revision}"` },
      body: JSON.stringify({ data: renamed, reason: "synthetic: renamed" }),
    });
    expect(update.status).toBe(200);

    // The other organisation, and the list of places, answer as before: same ETag, 304.
    expect(await etagOf(`/v1/organisations/${a.id}`)).toBe(before.a);
    expect(await etagOf(placeList)).toBe(before.places);
    const revalidated = await call(`/v1/organisations/${a.id}`, {
      headers: { "If-None-Match": before.a },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(before.a);
    // The organisation written to has a new one.
    const changed = await etagOf(`/v1/organisations/${b.id}`);
    expect(changed).not.toBe(before.b);
    const stale = await call(`/v1/organisations/${b.id}`, {
      headers: { "If-None-Match": before.b },
    });
    expect(stale.status).toBe(200);
    expect((await stale.json()).data.name).toBe(renamed.name);
  });

  it("the same answer has the same ETag whatever data version it was read at", async () => {
    const path = "/v1/lookup/practice/P91603";
    const first = await etagOf(path);
    await create("/v1/places", newVersion["/v1/places"]?.() ?? {});
    expect(await etagOf(path)).toBe(first);
  });
});

describe("the cache policy", () => {
  it("lets a shared cache keep open reads and revalidate them; keyed reads stay private", async () => {
    const open = await call("/v1/places?limit=2");
    expect(open.headers.get("cache-control")).toBe("public, no-cache");
    expect(open.headers.get("vary")).toBe("Accept, Accept-Encoding, Authorization, X-API-Key");
    // The same answer again (served from the read cache, and by the hot path).
    expect((await call("/v1/places?limit=2")).headers.get("cache-control")).toBe(
      "public, no-cache",
    );
    const keyed = await call("/v1/places?limit=2", { key: api().keys.read });
    expect(keyed.headers.get("cache-control")).toBe("private, no-cache");
    expect(keyed.headers.get("etag")).toBe(open.headers.get("etag"));
    const locked = await call("/v1/places?limit=2", {
      base: api().lockedUrl,
      key: api().keys.read,
    });
    expect(locked.headers.get("cache-control")).toBe("private, no-cache");
  });
});
