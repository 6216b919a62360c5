import { describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import { createLogger } from "./logger.js";

const lines: string[] = [];
const app = createApp({
  config: {
    readsRequireKey: false,
    corsOrigins: ["https://dashboard.example.invalid"],
    bodyLimitBytes: 1024,
  },
  logger: createLogger({ level: "info", write: (line) => lines.push(line) }),
  readiness: async () => ({ ready: true, checks: { database: "ok" }, dataVersion: 7 }),
});

describe("the app shell", () => {
  it("answers /healthz and /readyz", async () => {
    const health = await app.request("/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await app.request("/readyz");
    expect(await ready.json()).toMatchObject({ status: "ready", dataVersion: 7 });
  });

  it("reports not-ready as a 503 problem", async () => {
    const down = createApp({
      config: { readsRequireKey: false, corsOrigins: [], bodyLimitBytes: 1024 },
      logger: createLogger({ level: "silent" }),
      readiness: async () => ({ ready: false, checks: { database: "connection refused" } }),
    });
    const response = await down.request("/readyz");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      code: "service-unavailable",
      detail: "database: connection refused",
    });
  });

  it("gives every unknown route a 404 problem with the request id", async () => {
    const response = await app.request("/nowhere", {
      headers: { "X-Request-Id": "synthetic-req-1" },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("synthetic-req-1");
    expect(await response.json()).toMatchObject({
      type: "/problems/not-found",
      code: "not-found",
      status: 404,
      instance: "/nowhere",
      requestId: "synthetic-req-1",
    });
  });

  it("replaces a malformed request id with a generated one", async () => {
    const response = await app.request("/healthz", {
      headers: { "X-Request-Id": "bad id with spaces" },
    });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a wrong method with 405 and Allow", async () => {
    const response = await app.request("/healthz", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("GET");
    expect(await response.json()).toMatchObject({ code: "method-not-allowed" });
  });

  it("sends security headers and a strict CSP on API responses", async () => {
    const response = await app.request("/healthz");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("sends JSON responses the JSON set of security headers and the docs page the full set", async () => {
    const json = await app.request("/nowhere");
    expect(json.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(json.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(json.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    for (const name of ["x-xss-protection", "x-download-options", "origin-agent-cluster"]) {
      expect(json.headers.get(name), name).toBeNull();
    }
    const page = await app.request("/docs");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("x-xss-protection")).toBe("0");
  });

  it("serves the docs UI and its assets from node_modules", async () => {
    const page = await app.request("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/docs/assets/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const bundle = await app.request("/docs/assets/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await app.request("/docs/assets/nope.js")).status).toBe(404);
  });

  it("serves an OpenAPI 3.1 document", async () => {
    const response = await app.request("/openapi.json");
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/healthz");
  });

  it("logs one JSON line per request", async () => {
    lines.length = 0;
    await app.request("/healthz", { headers: { "X-Request-Id": "synthetic-log-1" } });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "info",
      msg: "request",
      requestId: "synthetic-log-1",
      method: "GET",
      path: "/healthz",
      status: 200,
    });
  });
});
