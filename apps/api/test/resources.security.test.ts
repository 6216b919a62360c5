import { beforeAll, describe, expect, it } from "vitest";
import { type Created, createAll, newVersion } from "./fixtures.js";
import { api, call, expectProblem, lastSeq } from "./harness.js";
import { resourceCases } from "./routes.js";

let created: Record<string, Created>;
beforeAll(async () => {
  created = await createAll();
});

describe.each(resourceCases)("$path", (resource) => {
  it("rejects a revoked or malformed key with 401 and a challenge, even where reads are open", async () => {
    const revoked = await call(resource.path, { key: api().keys.revoked });
    expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectProblem(revoked, 401, "unauthorized");
    await expectProblem(
      await call(resource.path, { headers: { Authorization: "Basic c3ludGhldGljOnVzZXI=" } }),
      401,
      "unauthorized",
    );
    await expectProblem(
      await call(resource.path, { key: "ca_zzzzzzzz_notakey" }),
      401,
      "unauthorized",
    );
  });

  it("needs a read key where reads require one", async () => {
    const base = api().lockedUrl;
    await expectProblem(await call(resource.path, { base }), 401, "unauthorized");
    await expectProblem(
      await call(`${resource.path}/${resource.id(created)}`, { base }),
      401,
      "unauthorized",
    );
    expect((await call(resource.path, { base, key: api().keys.read })).status).toBe(200);
    expect(
      (await call(resource.path, { base, headers: { "X-API-Key": api().keys.read } })).status,
    ).toBe(200);
  });

  it.runIf(resource.writable)(
    "refuses writes without a key (401) or with a read key (403), and records nothing",
    async () => {
      const make = newVersion[resource.path];
      if (make === undefined) throw new Error(`no synthetic version for ${resource.path}`);
      const before = await lastSeq();
      const body = JSON.stringify({ data: make(), reason: "synthetic unauthorised write" });
      await expectProblem(await call(resource.path, { method: "POST", body }), 401, "unauthorized");
      await expectProblem(
        await call(resource.path, { method: "POST", body, key: api().keys.read }),
        403,
        "forbidden",
      );
      await expectProblem(
        await call(resource.path, { method: "POST", body, key: api().keys.revoked }),
        401,
        "unauthorized",
      );
      const target = created[resource.path];
      await expectProblem(
        await call(`${resource.path}/${target?.id}`, {
          method: "PUT",
          body,
          key: api().keys.read,
          headers: { "If-Match": `"${target?.revision}"` },
        }),
        403,
        "forbidden",
      );
      await expectProblem(
        await call(`${resource.path}/${target?.id}/end`, {
          method: "POST",
          body: JSON.stringify({ date: "2030-01-01", reason: "synthetic" }),
          headers: { "If-Match": `"${target?.revision}"` },
        }),
        401,
        "unauthorized",
      );
      expect(await lastSeq()).toBe(before);
    },
  );

  it.runIf(!resource.writable)("has no write methods", async () => {
    const response = await call(`${resource.path}/${resource.id(created)}`, {
      method: "PUT",
      key: api().keys.admin,
      body: "{}",
    });
    await expectProblem(response, 405, "method-not-allowed");
  });
});
