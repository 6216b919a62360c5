import { describe, expect, it } from "vitest";
import { call, expectProblem } from "./harness.js";

describe("operations errors", () => {
  it("unknown routes are 404 problems naming the path", async () => {
    const problem = await expectProblem(await call("/v2/places"), 404, "not-found");
    expect(problem.instance).toBe("/v2/places");
  });

  it("wrong methods on operational routes are 405", async () => {
    await expectProblem(await call("/healthz", { method: "POST" }), 405, "method-not-allowed");
    await expectProblem(
      await call("/openapi.json", { method: "DELETE" }),
      405,
      "method-not-allowed",
    );
  });
});
