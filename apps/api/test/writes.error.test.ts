import { describe, expect, it } from "vitest";
import { create, newVersion, real } from "./fixtures.js";
import { api, call, expectProblem, lastSeq } from "./harness.js";

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  call(path, { method: "POST", key: api().keys.write, body, headers });

describe("writes that break the rules or the protocol change nothing", () => {
  it("422s a change that breaks a rule, with the findings", async () => {
    const make = newVersion["/v1/commissioning/pooled-budgets"];
    const data = make?.() as { years: Array<{ totalPence: number }> };
    const first = data.years[0];
    if (first !== undefined) first.totalPence = 999; // contributions add up to 300
    const before = await lastSeq();
    const problem = await expectProblem(
      await post(
        "/v1/commissioning/pooled-budgets",
        JSON.stringify({ data, reason: "synthetic bad sum" }),
      ),
      422,
      "validation-failed",
    );
    expect(
      (problem.findings as Array<{ severity: string }>).some((f) => f.severity === "error"),
    ).toBe(true);
    expect(await lastSeq()).toBe(before);
  });

  it("400s a version that breaks its schema, naming the fields", async () => {
    const problem = await expectProblem(
      await post(
        "/v1/collaboratives",
        JSON.stringify({
          data: {
            name: "Synthetic",
            level: "place",
            purposes: [],
            valid: { from: "2024-13-01", to: null },
          },
          reason: "synthetic",
        }),
      ),
      400,
      "invalid-request",
    );
    const paths = (problem.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "body.data.purposes",
        "body.data.valid.from",
        "body.data.provenance",
      ]),
    );
  });

  it("409s a create whose id exists already", async () => {
    const existing = await create("/v1/organisations", newVersion["/v1/organisations"]?.() ?? {});
    await expectProblem(
      await post(
        "/v1/organisations",
        JSON.stringify({
          data: { ...newVersion["/v1/organisations"]?.(), id: existing.id },
          reason: "synthetic",
        }),
      ),
      409,
      "conflict",
    );
  });

  it("400s malformed JSON, 415s other media types, 413s a body over the limit", async () => {
    await expectProblem(await post("/v1/places", "{ not json"), 400, "malformed-json");
    await expectProblem(
      await post("/v1/places", "name=Synthetic", { "Content-Type": "text/plain" }),
      415,
      "unsupported-media-type",
    );
    const huge = JSON.stringify({
      data: { name: "x".repeat(5 * 1024 * 1024) },
      reason: "synthetic",
    });
    await expectProblem(await post("/v1/places", huge), 413, "payload-too-large");
  });

  it("422s ending an entity before it starts, and 412s a stale end", async () => {
    const target = await create("/v1/organisations", newVersion["/v1/organisations"]?.() ?? {});
    await expectProblem(
      await post(
        `/v1/organisations/${target.id}/end`,
        JSON.stringify({ date: "2000-01-01", reason: "synthetic" }),
        {
          "If-Match": `"${target.revision}"`,
        },
      ),
      422,
      "validation-failed",
    );
    await expectProblem(
      await post(
        `/v1/organisations/${target.id}/end`,
        JSON.stringify({ date: "2030-01-01", reason: "synthetic" }),
        {
          "If-Match": `"${target.revision + 5}"`,
        },
      ),
      412,
      "precondition-failed",
    );
  });

  it("428s a succession without If-Match for every predecessor, and 404s unknown ones", async () => {
    const a = await create("/v1/organisations", newVersion["/v1/organisations"]?.() ?? {});
    const b = await create("/v1/organisations", newVersion["/v1/organisations"]?.() ?? {});
    const body = JSON.stringify({
      kind: "rename",
      predecessorIds: [a.id],
      successorIds: [b.id],
      date: "2025-04-01",
      provenance: { sources: [real.source] },
      reason: "synthetic",
    });
    await expectProblem(await post("/v1/successions", body), 428, "precondition-required");
    await expectProblem(
      await post("/v1/successions", body, { "If-Match": `"${b.id}:1"` }),
      428,
      "precondition-required",
    );
    await expectProblem(
      await post("/v1/successions", body, { "If-Match": "1" }),
      400,
      "invalid-request",
    );
    await expectProblem(
      await post("/v1/successions", body, { "If-Match": `"${a.id}:${a.revision + 1}"` }),
      412,
      "precondition-failed",
    );
    await expectProblem(
      await post(
        "/v1/successions",
        JSON.stringify({ ...JSON.parse(body), successorIds: ["org_zzzzzzzzzzzzzz"] }),
        { "If-Match": `"${a.id}:${a.revision}"` },
      ),
      404,
      "not-found",
    );
  });
});
