import { describe, it } from "vitest";
import { call, expectProblem } from "./harness.js";

describe("the change feed refuses bad cursors and limits", () => {
  it("400s a cursor that is not one of the feed's", async () => {
    await expectProblem(await call("/v1/changes?after=123"), 400, "invalid-request");
    await expectProblem(
      await call(`/v1/changes?after=${Buffer.from("seq:-1").toString("base64url")}`),
      400,
      "invalid-request",
    );
    await expectProblem(await call("/v1/changes/stream?after=nonsense"), 400, "invalid-request");
    await expectProblem(
      await call("/v1/changes/stream", { headers: { "Last-Event-ID": "nonsense" } }),
      400,
      "invalid-request",
    );
  });

  it("400s limits out of range, 405s writes", async () => {
    await expectProblem(await call("/v1/changes?limit=0"), 400, "invalid-request");
    await expectProblem(await call("/v1/changes?limit=5000"), 400, "invalid-request");
    await expectProblem(
      await call("/v1/changes", { method: "POST", body: "{}" }),
      405,
      "method-not-allowed",
    );
  });
});
