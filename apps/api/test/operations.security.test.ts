import { describe, expect, it } from "vitest";
import { call } from "./harness.js";

describe("operations security", () => {
  it("every response carries the security headers", async () => {
    for (const path of ["/healthz", "/openapi.json", "/v1/places", "/nowhere", "/docs"]) {
      const response = await call(path);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
      expect(response.headers.get("content-security-policy"), path).toMatch(/default-src 'none'/);
      expect(response.headers.get("strict-transport-security"), path).toMatch(/max-age/);
    }
  });

  it("sends no CORS headers unless configured", async () => {
    const response = await call("/v1/places", {
      headers: { Origin: "https://evil.example.invalid" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("health endpoints need no key even where reads require one", async () => {
    const { api } = await import("./harness.js");
    expect((await call("/healthz", { base: api().lockedUrl })).status).toBe(200);
  });
});
