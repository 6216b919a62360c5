import { describe, expect, it } from "vitest";
import { newVersion, real } from "./fixtures.js";
import { api, call, changesAfter, expectProblem, lastSeq } from "./harness.js";

describe("successions need the write scope", () => {
  it("401s without a key and 403s a read key, recording nothing", async () => {
    const before = await lastSeq();
    const body = JSON.stringify({
      kind: "rename",
      predecessorIds: ["org_zzzzzzzzzzzzz1"],
      successorIds: ["org_zzzzzzzzzzzzz2"],
      date: "2025-04-01",
      provenance: { sources: [real.source] },
      reason: "synthetic",
    });
    const headers = { "If-Match": '"org_zzzzzzzzzzzzz1:1"' };
    await expectProblem(
      await call("/v1/successions", { method: "POST", body, headers }),
      401,
      "unauthorized",
    );
    await expectProblem(
      await call("/v1/successions", { method: "POST", body, headers, key: api().keys.read }),
      403,
      "forbidden",
    );
    expect(await lastSeq()).toBe(before);
  });

  it("checks the key before reading the body", async () => {
    // A malformed body from an anonymous caller is a 401, not a 400: nothing is parsed first.
    await expectProblem(
      await call("/v1/places", { method: "POST", body: "{" }),
      401,
      "unauthorized",
    );
  });

  it("never stores the actor's secret in the change log", async () => {
    const response = await call("/v1/places", {
      method: "POST",
      key: api().keys.write,
      body: JSON.stringify({
        data: newVersion["/v1/places"]?.(),
        reason: "synthetic: secret check",
      }),
    });
    expect(response.status).toBe(201);
    const feed = JSON.stringify(await changesAfter(0, api().keys.audit));
    const secret = api().keys.write.slice(12);
    expect(feed).not.toContain(secret);
  });
});
