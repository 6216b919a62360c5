import { describe, expect, it } from "vitest";
import { ReadCache } from "./readCache.js";

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
});
