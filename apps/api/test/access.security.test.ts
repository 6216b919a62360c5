/**
 * The access routes (API keys, the audit trail) per route × caller: no key, a revoked key,
 * and keys with the read, write and admin scopes — on the open server and on the one whose
 * reads need a key. Only admin keys get in; every other caller gets 401 or 403 and changes
 * nothing. Answers are parsed with the routes' own schemas.
 */
import { describe, expect, it } from "vitest";
import { answers } from "./answers.js";
import { api, call, expectProblem, parseAnswer } from "./harness.js";

type Caller = "none" | "revoked" | "read" | "write" | "admin";
const callers: ReadonlyArray<Caller> = ["none", "revoked", "read", "write", "admin"];
/** The `key` option of a call as `caller` (none: no key at all). */
const as = (caller: Caller): { key?: string } =>
  caller === "none" ? {} : { key: api().keys[caller] };
const refused: Record<Exclude<Caller, "admin">, [number, string]> = {
  none: [401, "unauthorized"],
  revoked: [401, "unauthorized"],
  read: [403, "forbidden"],
  write: [403, "forbidden"],
};

/** Makes a fresh read key with the admin key, for a revocation to act on. */
const freshKey = async (base?: string) => {
  const created = await parseAnswer(
    await call("/v1/api-keys", {
      method: "POST",
      key: api().keys.admin,
      body: JSON.stringify({ name: "Synthetic security target", scopes: ["read"] }),
      ...(base === undefined ? {} : { base }),
    }),
    answers.createdApiKey,
    201,
  );
  return created;
};

describe.each([
  ["the open server", () => api().url],
  ["the server whose reads need a key", () => api().lockedUrl],
])("access routes × callers on %s", (_name, base) => {
  it.each(callers)("GET /v1/api-keys as %s", async (caller) => {
    const response = await call("/v1/api-keys", { ...as(caller), base: base() });
    if (caller === "admin") {
      const page = await parseAnswer(response, answers.apiKeys);
      expect(page.data.length).toBeGreaterThan(0);
      expect(JSON.stringify(page)).not.toContain(api().keys.read.slice(12));
      return;
    }
    await expectProblem(response, ...refused[caller]);
  });

  it.each(callers)("GET /v1/audit-events as %s", async (caller) => {
    const response = await call("/v1/audit-events?limit=5", { ...as(caller), base: base() });
    if (caller === "admin") {
      const page = await parseAnswer(response, answers.auditEvents);
      expect(page.data.length).toBeGreaterThan(0);
      return;
    }
    await expectProblem(response, ...refused[caller]);
  });

  it.each(callers)("POST /v1/api-keys as %s", async (caller) => {
    const name = `Synthetic made by ${caller}`;
    const response = await call("/v1/api-keys", {
      method: "POST",
      ...as(caller),
      base: base(),
      body: JSON.stringify({ name, scopes: ["admin"] }),
    });
    if (caller === "admin") {
      const made = await parseAnswer(response, answers.createdApiKey, 201);
      expect(made.key).toMatch(/^ca_[0-9a-z]{8}_[0-9a-z]{40}$/);
      expect(made.data.createdBy).toMatch(/^key:/);
      return;
    }
    await expectProblem(response, ...refused[caller]);
    const listed = await parseAnswer(
      await call("/v1/api-keys", { key: api().keys.admin }),
      answers.apiKeys,
    );
    expect(listed.data.some((k) => k.name === name)).toBe(false);
  });

  it.each(callers)("POST /v1/api-keys/{prefix}/revoke as %s", async (caller) => {
    const target = await freshKey();
    const response = await call(`/v1/api-keys/${target.data.prefix}/revoke`, {
      method: "POST",
      ...as(caller),
      base: base(),
    });
    if (caller === "admin") {
      const revoked = await parseAnswer(response, answers.revokedApiKey);
      expect(revoked.data.revokedAt).not.toBeNull();
      await expectProblem(await call("/v1/places", { key: target.key, base: base() }), 401);
      return;
    }
    await expectProblem(response, ...refused[caller]);
    // Still working.
    expect((await call("/v1/places", { key: target.key, base: base() })).status).toBe(200);
  });
});

describe("access routes refuse bad input, changing nothing", () => {
  it("names the bad field of a new key", async () => {
    for (const body of [
      { name: "", scopes: ["read"] },
      { name: "Synthetic", scopes: [] },
      { name: "Synthetic", scopes: ["root"] },
      { scopes: ["read"] },
    ]) {
      const problem = await expectProblem(
        await call("/v1/api-keys", {
          method: "POST",
          key: api().keys.admin,
          body: JSON.stringify(body),
        }),
        400,
        "invalid-request",
      );
      expect(JSON.stringify(problem.errors)).toContain("body.");
    }
  });

  it("answers 404, 409 and 400 for unknown, already revoked and malformed prefixes", async () => {
    const admin = api().keys.admin;
    await expectProblem(
      await call("/v1/api-keys/zzzzzzzz/revoke", { method: "POST", key: admin }),
      404,
      "not-found",
    );
    const revoked = api().keys.revoked.slice(3, 11);
    await expectProblem(
      await call(`/v1/api-keys/${revoked}/revoke`, { method: "POST", key: admin }),
      409,
      "conflict",
    );
    await expectProblem(
      await call("/v1/api-keys/NOT-A-KEY/revoke", { method: "POST", key: admin }),
      400,
      "invalid-request",
    );
    await expectProblem(
      await call("/v1/audit-events?limit=0", { key: admin }),
      400,
      "invalid-request",
    );
  });

  it("pages the audit trail back with nextBefore", async () => {
    const admin = api().keys.admin;
    const first = await parseAnswer(
      await call("/v1/audit-events?limit=2", { key: admin }),
      answers.auditEvents,
    );
    expect(first.data).toHaveLength(2);
    expect(first.nextBefore).not.toBeNull();
    const second = await parseAnswer(
      await call(`/v1/audit-events?limit=2&before=${first.nextBefore}`, { key: admin }),
      answers.auditEvents,
    );
    expect(second.data.every((e) => e.id < (first.nextBefore ?? 0))).toBe(true);
  });
});
