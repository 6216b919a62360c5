import { describe, expect, it } from "vitest";
import { api, call, expectProblem } from "./harness.js";

describe("the change feed follows the read policy", () => {
  it("needs a key where reads require one", async () => {
    const base = api().lockedUrl;
    await expectProblem(await call("/v1/changes", { base }), 401, "unauthorized");
    await expectProblem(await call("/v1/changes/stream", { base }), 401, "unauthorized");
    expect((await call("/v1/changes?limit=1", { base, key: api().keys.read })).status).toBe(200);
  });

  it("refuses a revoked key", async () => {
    await expectProblem(
      await call("/v1/changes", { key: api().keys.revoked }),
      401,
      "unauthorized",
    );
    await expectProblem(
      await call("/v1/changes/stream", { key: api().keys.revoked }),
      401,
      "unauthorized",
    );
  });
});
