import { describe, expect, it } from "vitest";
import { answers } from "./answers.js";
import { call, expectProblem, getJson } from "./harness.js";

describe("the change feed refuses bad cursors and limits", () => {
  it("400s a cursor that is not one of the feed's", async () => {
    await expectProblem(await call("/v1/changes?cursor=123"), 400, "invalid-request");
    const { nextCursor } = await getJson("/v1/changes?limit=1", answers.changes);
    const digest = nextCursor.split(".")[0] ?? "";
    await expectProblem(
      await call(`/v1/changes?cursor=${digest}.${Buffer.from("seq:-1").toString("base64url")}`),
      400,
      "invalid-request",
    );
    await expectProblem(await call("/v1/changes/stream?cursor=nonsense"), 400, "invalid-request");
    await expectProblem(
      await call("/v1/changes/stream", { headers: { "Last-Event-ID": "nonsense" } }),
      400,
      "invalid-request",
    );
  });

  it("400s a cursor of another query, and filters that are not the feed's", async () => {
    const { nextCursor } = await getJson("/v1/changes?limit=1&kind=place", answers.changes);
    const problem = await expectProblem(
      await call(`/v1/changes?limit=1&kind=organisation&cursor=${nextCursor}`),
      400,
      "invalid-request",
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: "query.cursor" })]);
    await expectProblem(await call(`/v1/changes?cursor=${nextCursor}`), 400, "invalid-request");
    await expectProblem(await call("/v1/changes?kind=places"), 400, "invalid-request");
    await expectProblem(await call("/v1/changes?since=yesterday"), 400, "invalid-request");
    await expectProblem(await call("/v1/changes?id=P91603"), 400, "invalid-request");
    const old = await expectProblem(await call("/v1/changes?after=abc"), 400, "invalid-request");
    expect(old.errors).toEqual([expect.objectContaining({ path: "query.after" })]);
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
