import { beforeAll, describe, expect, it } from "vitest";
import { type Created, createAll, newVersion } from "./fixtures.js";
import { api, call, expectProblem } from "./harness.js";
import { missingId, resourceCases } from "./routes.js";

let created: Record<string, Created>;
beforeAll(async () => {
  created = await createAll();
});

describe.each(resourceCases)("$path", (resource) => {
  it("400s a malformed id, naming path.id", async () => {
    const problem = await expectProblem(
      await call(`${resource.path}/not-an-id`),
      400,
      "invalid-request",
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: "path.id" })]);
  });

  it("404s an id that names nothing", async () => {
    await expectProblem(
      await call(`${resource.path}/${missingId(resource.kindPrefix)}`),
      404,
      "not-found",
    );
  });

  it("404s an id before it existed", async () => {
    await expectProblem(
      await call(`${resource.path}/${resource.id(created)}?validAt=1900-01-01`),
      404,
      "not-found",
    );
  });

  it("400s bad validAt, asOf, limit and cursor, naming each", async () => {
    for (const [query, field] of [
      ["validAt=2021-13-45", "query.validAt"],
      ["asOf=yesterday", "query.asOf"],
      ["limit=0", "query.limit"],
      ["limit=1001", "query.limit"],
      ["limit=ten", "query.limit"],
      ["cursor=%21%21", "query.cursor"],
    ] as const) {
      const problem = await expectProblem(
        await call(`${resource.path}?${query}`),
        400,
        "invalid-request",
      );
      expect((problem.errors as Array<{ path: string }>).map((e) => e.path)).toContain(field);
    }
    // A well-formed cursor that is not one of this list's.
    const foreign = Buffer.from("zzz_notacursor").toString("base64url");
    await expectProblem(await call(`${resource.path}?cursor=${foreign}`), 400, "invalid-request");
  });

  it("405s a method the path does not take, with Allow", async () => {
    const response = await call(`${resource.path}`, { method: "DELETE" });
    expect(response.headers.get("allow")).toContain("GET");
    await expectProblem(response, 405, "method-not-allowed");
  });

  it.runIf(resource.writable)(
    "400s a write body without data or reason, naming the fields",
    async () => {
      const problem = await expectProblem(
        await call(resource.path, { method: "POST", key: api().keys.write, body: "{}" }),
        400,
        "invalid-request",
      );
      const paths = (problem.errors as Array<{ path: string }>).map((e) => e.path);
      expect(paths).toContain("body.data");
      expect(paths).toContain("body.reason");
    },
  );

  it.runIf(resource.writable)("428s an update without If-Match and 412s a stale one", async () => {
    const make = newVersion[resource.path];
    if (make === undefined) throw new Error(`no synthetic version for ${resource.path}`);
    const target = created[resource.path];
    if (target === undefined) throw new Error(`nothing created at ${resource.path}`);
    const body = JSON.stringify({ data: make(), reason: "synthetic stale update" });
    await expectProblem(
      await call(`${resource.path}/${target.id}`, { method: "PUT", key: api().keys.write, body }),
      428,
      "precondition-required",
    );
    await expectProblem(
      await call(`${resource.path}/${target.id}`, {
        method: "PUT",
        key: api().keys.write,
        body,
        headers: { "If-Match": '"999"' },
      }),
      412,
      "precondition-failed",
    );
    await expectProblem(
      await call(`${resource.path}/${target.id}`, {
        method: "PUT",
        key: api().keys.write,
        body,
        headers: { "If-Match": 'W/"x"' },
      }),
      400,
      "invalid-request",
    );
  });
});
