import { describe, expect, it } from "vitest";
import { api, call, expectProblem } from "./harness.js";

const paths = [
  "/v1/lookup/postcode/M320JG",
  "/v1/lookup/practice/P82001",
  "/v1/lookup/code/QOP",
  "/v1/areas/lsoas/E01006187",
];

describe("lookups follow the read policy", () => {
  it("need a key where reads require one, and take a read key", async () => {
    const base = api().lockedUrl;
    for (const path of paths) {
      await expectProblem(await call(path, { base }), 401, "unauthorized");
      expect((await call(path, { base, key: api().keys.read })).status).toBe(200);
    }
    const bulk = { method: "POST", body: JSON.stringify({ postcodes: ["M32 0JG"] }) };
    await expectProblem(await call("/v1/lookup/postcodes", { ...bulk, base }), 401, "unauthorized");
    expect(
      (await call("/v1/lookup/postcodes", { ...bulk, base, key: api().keys.read })).status,
    ).toBe(200);
  });

  it("refuse revoked keys everywhere", async () => {
    for (const path of paths) {
      await expectProblem(await call(path, { key: api().keys.revoked }), 401, "unauthorized");
    }
  });

  it("do not reflect input into HTML or headers", async () => {
    const response = await call("/v1/lookup/postcode/%3Cscript%3E");
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
