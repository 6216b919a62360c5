/**
 * Rate limits over real HTTP, on a Care Atlas of the test's own with low limits: per client
 * address for requests without a key (cached hot reads included: the fast path counts
 * them too), per key for requests with one, bulk lookups counted by their size. Beyond a
 * limit: 429 problem+json with `Retry-After` (an OperationOutcome under /fhir/R4). Behind a
 * trusted proxy the address is the forwarded one; otherwise `X-Forwarded-For` is ignored.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../src/env.js";
import { createLogger } from "../src/logger.js";
import { type CareAtlas, startCareAtlas } from "../src/start.js";
import { expectProblem } from "./harness.js";

const dir = mkdtempSync(join(tmpdir(), "care-atlas-limits-"));
let atlas: CareAtlas;
let proxied: CareAtlas;

const start = (extra: Record<string, string>) =>
  startCareAtlas(
    parseEnv({
      PORT: "0",
      DATA_DIR: join(dir, extra.TRUST_PROXY === "true" ? "proxied" : "direct"),
      SEED: "false",
      RATE_LIMIT_ADDRESS_PER_MINUTE: "20",
      RATE_LIMIT_KEY_PER_MINUTE: "40",
      ...extra,
    }),
    createLogger({ level: "silent" }),
    { mountAdmin: false },
  );

beforeAll(async () => {
  atlas = await start({});
  proxied = await start({ TRUST_PROXY: "true" });
}, 120_000);

afterAll(async () => {
  await atlas?.close();
  await proxied?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (base: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers });

describe("rate limits", () => {
  it("limits an address without a key, cached reads included, with a 429 and Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await get(atlas.url, "/v1/places")).status);
    expect(statuses).toEqual(Array.from({ length: 20 }, () => 200));
    const limited = await get(atlas.url, "/v1/places");
    const problem = await expectProblem(limited, 429, "rate-limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(String(problem.detail)).toMatch(/limit of 20 requests a minute for address/);
    // Health checks are not limited.
    expect((await get(atlas.url, "/healthz")).status).toBe(200);
  });

  it("gives each key its own limit, and counts a bulk lookup by its size", async () => {
    const { key } = await atlas.auth.createKey({ name: "Synthetic limited", scopes: ["read"] });
    const headers = { Authorization: `Bearer ${key}`, "Content-Type": "application/json" };
    const bulk = (count: number) =>
      fetch(`${atlas.url}/v1/lookup/postcodes`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          postcodes: Array.from({ length: count }, (_, i) => `M1 ${(i % 9) + 1}AA`),
        }),
      });
    // The address is spent (previous test); the key is not.
    expect((await get(atlas.url, "/v1/places", headers)).status).toBe(200);
    expect((await bulk(30)).status).toBe(200); // 30 of the key's 40
    const over = await bulk(20);
    await expectProblem(over, 429, "rate-limited");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const { key: other } = await atlas.auth.createKey({ name: "Synthetic big", scopes: ["read"] });
    const tooBig = await fetch(`${atlas.url}/v1/lookup/postcodes`, {
      method: "POST",
      headers: { ...headers, Authorization: `Bearer ${other}` },
      body: JSON.stringify({ postcodes: Array.from({ length: 41 }, () => "M1 1AA") }),
    });
    const problem = await expectProblem(tooBig, 429, "rate-limited");
    expect(String(problem.detail)).toMatch(/counts 41 against a limit of 40/);
  });

  it("uses the forwarded address behind a trusted proxy, and ignores it otherwise", async () => {
    for (let i = 0; i < 20; i++) {
      expect(
        (await get(proxied.url, "/v1/places", { "X-Forwarded-For": "192.0.2.10" })).status,
      ).toBe(200);
    }
    await expectProblem(
      await get(proxied.url, "/v1/places", { "X-Forwarded-For": "192.0.2.10" }),
      429,
      "rate-limited",
    );
    expect((await get(proxied.url, "/v1/places", { "X-Forwarded-For": "192.0.2.11" })).status).toBe(
      200,
    );
    // Without TRUST_PROXY a forwarded address is not believed: still the spent loopback one.
    await expectProblem(
      await get(atlas.url, "/v1/places", { "X-Forwarded-For": "192.0.2.12" }),
      429,
      "rate-limited",
    );
  });

  it("limits the FHIR facade too, answering a throttled OperationOutcome with Retry-After", async () => {
    const address = { "X-Forwarded-For": "192.0.2.20" };
    for (let i = 0; i < 20; i++) {
      expect((await get(proxied.url, "/fhir/R4/Location", address)).status).toBe(200);
    }
    const limited = await get(proxied.url, "/fhir/R4/Location", address);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const outcome = (await limited.json()) as {
      resourceType: string;
      issue: { code: string; diagnostics: string }[];
    };
    expect(outcome.resourceType).toBe("OperationOutcome");
    expect(outcome.issue[0]?.code).toBe("throttled");
    expect(outcome.issue[0]?.diagnostics).toMatch(/limit of 20 requests a minute/);
  });
});
