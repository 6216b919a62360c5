import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFastRead } from "./fastRead.js";
import { today } from "./http/today.js";
import { createLogger } from "./logger.js";
import { ReadCache } from "./readCache.js";

describe("nodeFastRead (the hot path in Node's request listener)", () => {
  const lines: string[] = [];
  const cache = new ReadCache();
  const body = new TextEncoder().encode('{"data":{"synthetic":true}}');
  let version = 7;
  let admitted = true;
  const admissions: Array<string | undefined> = [];
  let server: Server;
  let base = "";
  beforeAll(async () => {
    const fast = nodeFastRead({
      cache,
      dataVersion: () => version,
      logger: createLogger({ level: "info", write: (line) => lines.push(line) }),
      readsRequireKey: false,
      cors: false,
      admit: (address) => {
        admissions.push(address);
        return admitted;
      },
    });
    server = createServer((req, res) => {
      if (fast(req, res)) return;
      res.writeHead(418, { "Content-Length": "0" });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const key of ["/v1/places/plc_synth1?limit=5", "/v1/lookup/postcode/ZZ9%209ZA"]) {
      cache.set(key, {
        version: 7,
        day: today(),
        etag: 'W/"7-synthetic"',
        type: "application/json",
        body,
      });
    }
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers a cached read with its body, a Content-Length, the JSON headers and a log line", async () => {
    const response = await fetch(`${base}/v1/places/plc_synth1?limit=5`, {
      headers: { "X-Request-Id": "synthetic-request-1" },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"data":{"synthetic":true}}');
    expect(response.headers.get("content-length")).toBe(String(body.byteLength));
    expect(response.headers.get("transfer-encoding")).toBeNull();
    expect(response.headers.get("etag")).toBe('W/"7-synthetic"');
    expect(response.headers.get("x-request-id")).toBe("synthetic-request-1");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-xss-protection")).toBeNull();
    const line = JSON.parse(lines.at(-1) ?? "{}") as Record<string, unknown>;
    expect(line).toMatchObject({
      msg: "request",
      requestId: "synthetic-request-1",
      path: "/v1/places/plc_synth1",
      status: 200,
    });
  });

  it("answers 304 to a matching If-None-Match and logs the decoded path of an encoded target", async () => {
    const response = await fetch(`${base}/v1/lookup/postcode/ZZ9%209ZA`, {
      headers: { "If-None-Match": '"7-synthetic"' },
    });
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe('W/"7-synthetic"');
    const line = JSON.parse(lines.at(-1) ?? "{}") as Record<string, unknown>;
    expect(line).toMatchObject({ path: "/v1/lookup/postcode/ZZ9 9ZA", status: 304 });
  });

  it("charges the address's rate limit for what it answers, and leaves a refused request to the app", async () => {
    admissions.length = 0;
    expect((await fetch(`${base}/v1/places/plc_synth1?limit=5`)).status).toBe(200);
    expect(admissions).toHaveLength(1);
    expect(admissions[0]).toMatch(/127\.0\.0\.1/);
    // A miss is not charged here (the app charges it).
    expect((await fetch(`${base}/v1/places/plc_missing`)).status).toBe(418);
    expect(admissions).toHaveLength(1);
    admitted = false;
    try {
      expect((await fetch(`${base}/v1/places/plc_synth1?limit=5`)).status).toBe(418);
    } finally {
      admitted = true;
    }
  });

  it("leaves a read-your-writes request to the app", async () => {
    const response = await fetch(`${base}/v1/places/plc_synth1?limit=5`, {
      headers: { "Min-Data-Version": "7" },
    });
    expect(response.status).toBe(418);
  });

  it("leaves to the app: keys, asOf, other methods, misses, %25, and a stale data version", async () => {
    const left = async (path: string, init: RequestInit = {}) =>
      (await fetch(`${base}${path}`, init)).status;
    expect(
      await left("/v1/places/plc_synth1?limit=5", { headers: { Authorization: "Bearer x" } }),
    ).toBe(418);
    expect(await left("/v1/places/plc_synth1?limit=5", { headers: { "X-API-Key": "x" } })).toBe(
      418,
    );
    expect(await left("/v1/places/plc_synth1?limit=5&asOf=2024-01-01T00:00:00Z")).toBe(418);
    expect(await left("/v1/places/plc_synth1?limit=5", { method: "POST" })).toBe(418);
    expect(await left("/v1/places/plc_synth2")).toBe(418);
    expect(await left("/v1/lookup/postcode/ZZ9%25209ZA")).toBe(418);
    version = 8;
    expect(await left("/v1/places/plc_synth1?limit=5")).toBe(418);
    version = 7;
    expect(await left("/v1/places/plc_synth1?limit=5")).toBe(200);
  });
});
