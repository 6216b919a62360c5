import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { problemWithId } from "./http/fastAnswer.js";
import { missOf, ReadCache } from "./readCache.js";

const entry = (version: number, size: number) => ({
  version,
  day: "2026-01-01",
  etag: `W/"${version}"`,
  type: "application/json",
  body: new Uint8Array(size),
});

describe("ReadCache", () => {
  it("returns what it holds and drops the least recently used beyond its entry bound", () => {
    const cache = new ReadCache(2, 1_000_000);
    cache.set("/a", entry(1, 10));
    cache.set("/b", entry(1, 10));
    expect(cache.get("/a")?.version).toBe(1); // /a is now the most recent
    cache.set("/c", entry(1, 10));
    expect(cache.get("/b")).toBeUndefined();
    expect(cache.get("/a")).toBeDefined();
    expect(cache.get("/c")).toBeDefined();
    expect(cache.size).toBe(2);
  });

  it("drops the oldest entry not used since it came in, whatever the order of use", () => {
    const cache = new ReadCache(3, 1_000_000);
    for (const key of ["/a", "/b", "/c"]) cache.set(key, entry(1, 10));
    cache.get("/b");
    cache.get("/a");
    cache.set("/d", entry(1, 10)); // /c is the only one unused since it came in
    expect(cache.get("/c")).toBeUndefined();
    // /a and /b had their second chance (used since they came in); /d has not been used.
    cache.set("/e", entry(1, 10));
    expect(cache.get("/d")).toBeUndefined();
    for (const key of ["/a", "/b", "/e"]) expect(cache.get(key)).toBeDefined();
    expect(cache.size).toBe(3);
  });

  it("keeps within its byte bound and refuses answers larger than a sixteenth of it", () => {
    const cache = new ReadCache(100, 1_600);
    cache.set("/huge", entry(1, 200));
    expect(cache.get("/huge")).toBeUndefined();
    for (let i = 0; i < 20; i++) cache.set(`/${i}`, entry(1, 100));
    expect(cache.size).toBe(16);
    expect(cache.get("/0")).toBeUndefined();
    expect(cache.get("/19")).toBeDefined();
  });

  it("replaces an entry for the same key", () => {
    const cache = new ReadCache();
    cache.set("/a", entry(1, 10));
    cache.set("/a", entry(2, 10));
    expect(cache.get("/a")?.version).toBe(2);
    expect(cache.size).toBe(1);
  });

  it("keeps compressed copies of an answer of 1 KB or more, and counts their bytes", () => {
    const cache = new ReadCache(100, 16 * 4_000);
    const body = new TextEncoder().encode(JSON.stringify({ synthetic: "y".repeat(3_000) }));
    cache.set("/big", { ...entry(1, 0), body });
    const hit = cache.get("/big");
    if (hit === undefined) throw new Error("not cached");
    const br = cache.encoded(hit, "br");
    expect(br).toBeDefined();
    expect(brotliDecompressSync(br ?? new Uint8Array())).toEqual(Buffer.from(body));
    expect(cache.encoded(hit, "br")).toBe(br); // kept, not compressed again
    cache.set("/small", entry(1, 100));
    const small = cache.get("/small");
    expect(small === undefined ? "gone" : cache.encoded(small, "gzip")).toBeUndefined();
  });

  it("remembers misses apart from answers, so that misses cannot push answers out", () => {
    const cache = new ReadCache(2, 1_000_000, 2);
    cache.set("/a", entry(1, 10));
    const text =
      '{"type":"/problems/not-found","instance":"/v1/x","requestId":"r-1","detail":"none"}';
    for (const key of ["/m1", "/m2", "/m3"]) {
      const miss = missOf(1, "2026-01-01", "application/problem+json", text, "r-1");
      if (miss === undefined) throw new Error("no request id found");
      cache.setMiss(key, miss);
    }
    expect(cache.misses).toBe(2);
    expect(cache.miss("/m1")).toBeUndefined();
    expect(cache.get("/a")).toBeDefined();
    const miss = cache.miss("/m3");
    if (miss === undefined) throw new Error("miss not kept");
    expect(JSON.parse(new TextDecoder().decode(problemWithId(miss, "r-2")))).toEqual({
      type: "/problems/not-found",
      instance: "/v1/x",
      requestId: "r-2",
      detail: "none",
    });
    expect(missOf(1, "2026-01-01", "application/problem+json", text, "r-9")).toBeUndefined();
  });
});
