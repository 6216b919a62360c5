import { describe, expect, it } from "vitest";
import { answers } from "./answers.js";
import { call, getJson } from "./harness.js";

describe("operations", () => {
  it("/healthz and /readyz", async () => {
    expect(await getJson("/healthz", answers.health)).toEqual({ status: "ok" });
    const ready = await getJson("/readyz", answers.ready);
    expect(ready.status).toBe("ready");
    expect(ready.checks.database).toBe("ok");
    expect(ready.checks.readModel).toBe("ok");
    expect(ready.dataVersion).toBeGreaterThan(1000);
  });

  it("/docs serves the reference UI from this server only", async () => {
    const page = await call("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect((await call(src)).status).toBe(200);
  });

  it("propagates a request id, or makes one", async () => {
    const given = await call("/healthz", { headers: { "X-Request-Id": "synthetic-trace-1" } });
    expect(given.headers.get("x-request-id")).toBe("synthetic-trace-1");
    const made = await call("/healthz");
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
