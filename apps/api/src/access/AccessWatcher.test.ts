import { type AuthEvent, authTablesSql, createAuthStore } from "@care-atlas/auth";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyCache } from "../middleware/auth.js";
import { watchAccess } from "./AccessWatcher.js";

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(authTablesSql);
});
afterAll(async () => {
  await pg.close();
});

const logger = { debug: () => {}, warn: () => {} };
const waitFor = async (condition: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe("watchAccess", () => {
  it("hears of events at once when notified, from the trail's current end", async () => {
    const auth = createAuthStore(pg);
    await auth.createKey({ name: "Synthetic before", scopes: ["read"] });
    const seen: AuthEvent[] = [];
    const watcher = await watchAccess({
      auth,
      subscribe: async (channel, onPayload) => {
        const stop = await pg.listen(channel, onPayload);
        return () => stop();
      },
      onEvent: (event) => seen.push(event),
      logger,
      pollMs: 60_000,
    });
    try {
      const { info } = await auth.createKey({ name: "Synthetic watched", scopes: ["read"] });
      await auth.revokeKey(info.prefix);
      await waitFor(() => seen.length === 2, 2000);
      expect(seen.map((e) => [e.action, e.subject])).toEqual([
        ["key.created", info.prefix],
        ["key.revoked", info.prefix],
      ]);
    } finally {
      await watcher.stop();
    }
  });

  it("falls back to polling when no notification comes", async () => {
    const auth = createAuthStore(pg);
    const seen: AuthEvent[] = [];
    const watcher = await watchAccess({ auth, onEvent: (e) => seen.push(e), logger, pollMs: 100 });
    try {
      const { info } = await auth.createKey({ name: "Synthetic polled", scopes: ["read"] });
      await auth.revokeKey(info.prefix);
      await waitFor(() => seen.some((e) => e.action === "key.revoked"), 1000);
    } finally {
      await watcher.stop();
    }
  });
});

describe("the key cache", () => {
  const principal = (id: string) => ({
    kind: "key" as const,
    id,
    name: "x",
    scopes: ["read" as const],
  });

  it("keeps valid keys until revoked, and forgets every key of a revoked prefix", () => {
    const cache = createKeyCache();
    cache.set("ca_aaaaaaaa_one", principal("aaaaaaaa"));
    cache.set("ca_bbbbbbbb_two", principal("bbbbbbbb"));
    cache.revoke("aaaaaaaa");
    expect(cache.get("ca_aaaaaaaa_one")).toBeUndefined();
    expect(cache.get("ca_bbbbbbbb_two")?.id).toBe("bbbbbbbb");
  });

  it("does not cache a verification that began before the key's revocation", () => {
    const cache = createKeyCache();
    const began = Date.now() - 10;
    cache.revoke("cccccccc");
    cache.set("ca_cccccccc_three", principal("cccccccc"), began);
    expect(cache.get("ca_cccccccc_three")).toBeUndefined();
    // Unknown keys are remembered as unknown.
    cache.set("ca_dddddddd_four", null);
    expect(cache.get("ca_dddddddd_four")).toBeNull();
  });
});
