/**
 * Access across processes, and the CLI while the server runs.
 *
 * - On the PostgreSQL server (CARE_ATLAS_TEST_DATABASE_URL), two API processes: a key
 *   revoked through one process's API, or by the CLI writing to the database directly, is
 *   refused by the other within a second (measured), through the audit trail (NOTIFY and a
 *   poll), not a cache timeout. The CLI makes an admin key while the servers run.
 * - On the embedded database, one server: a fresh start says how to make the first admin;
 *   the CLI sends every command to the running server of its data directory (the database
 *   is open there only), and opens the database itself once the server has stopped; its
 *   errors are one line with a non-zero exit; the server takes commands only with the
 *   operator file's token.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../src/env.js";
import { readOperatorFile } from "../../src/operator/OperatorFile.js";
import { freshDatabase } from "../support/databases.js";
import { expectStatus, send } from "../support/http.js";
import { type ApiProcess, runCli, startApi } from "../support/processes.js";
import { describeTimes, until } from "../support/timing.js";

const server = testDatabaseUrl();
const keyOf = (text: string): string => /(ca_[0-9a-z]{8}_[0-9a-z]{40})/.exec(text)?.[1] ?? "";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(server !== undefined)("key revocation across processes", () => {
  it("is effective in every process within a second, from the API or the CLI", async () => {
    const db = await freshDatabase(server ?? "", "revocation");
    const apis: ApiProcess[] = [];
    try {
      const env = { DATABASE_URL: db.url, SEED: "false" };
      apis.push(await startApi({ env }));
      apis.push(await startApi({ env }));
      const [a, b] = apis;
      if (a === undefined || b === undefined) throw new Error("two processes");
      // The CLI on a PostgreSQL server writes to the database itself, servers running.
      const made = await runCli(
        ["keys", "create", "--name", "Synthetic admin", "--scopes", "admin"],
        {
          env,
        },
      );
      expect(made.code, made.stderr).toBe(0);
      const admin = keyOf(made.stdout);
      expect((await send(b.url, "/v1/api-keys", { key: admin })).status).toBe(200);

      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const created = expectStatus(
          await send<{ key: string; data: { prefix: string } }>(a.url, "/v1/api-keys", {
            key: admin,
            body: { name: `Synthetic revoked ${i}`, scopes: ["read"] },
          }),
          201,
          "create a key",
        );
        const { key, data } = created.body;
        // Used (so cached) in both processes.
        for (const api of apis)
          expect((await send(api.url, "/v1/places", { key })).status).toBe(200);
        const viaCli = i % 2 === 1;
        if (viaCli) {
          const revoked = await runCli(["keys", "revoke", data.prefix], { env });
          expect(revoked.code, revoked.stderr).toBe(0);
        } else {
          expectStatus(
            await send(a.url, `/v1/api-keys/${data.prefix}/revoke`, { key: admin, method: "POST" }),
            200,
            "revoke",
          );
        }
        // From the moment the revocation committed until the other process refuses it (the
        // CLI's own process is neither: both servers).
        for (const api of viaCli ? apis : [b]) {
          const ms = await until(
            async () => (await send(api.url, "/v1/places", { key })).status === 401,
            3000,
            `process ${api.pid} refusing a revoked key`,
            2,
          );
          times.push(ms);
        }
      }
      console.info(`key revocation reaching another process: ${describeTimes(times)}`);
      expect(Math.max(...times)).toBeLessThan(1000);
      // The trail names who revoked each key.
      const trail = expectStatus(
        await send<{ data: Array<{ action: string; actor: string }> }>(
          b.url,
          "/v1/audit-events?limit=50",
          {
            key: admin,
          },
        ),
        200,
        "audit",
      );
      const revocations = trail.body.data.filter((e) => e.action === "key.revoked");
      expect(revocations).toHaveLength(10);
      expect(revocations.some((e) => e.actor.startsWith("cli:"))).toBe(true);
      expect(revocations.some((e) => e.actor.startsWith("key:"))).toBe(true);
    } finally {
      await Promise.all(apis.map((api) => api.stop()));
      await db.drop();
    }
  });
});

describe("the CLI against a running server on the embedded database", () => {
  it("makes the first admin while the server runs, and works with it stopped too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "care-atlas-cli-"));
    dirs.push(dir);
    const env = { DATA_DIR: join(dir, "pglite"), SEED: "false" };
    const api = await startApi({ env });
    try {
      // A fresh start says how to make the first admin while it runs.
      expect(api.output()).toContain("No admin account yet");
      expect(api.output()).toContain("cli users create --email you@example.org --role admin");

      // The operator file: readable by this user only.
      const file = readOperatorFile(env.DATA_DIR);
      expect(file?.pid).toBe(api.pid);
      expect(statSync(join(env.DATA_DIR, "care-atlas.operator.json")).mode & 0o077).toBe(0);

      const first = await runCli(
        ["users", "create", "--email", "synthetic.first@example.org", "--role", "admin"],
        { env },
      );
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain("Created admin account synthetic.first@example.org");
      const link = /(http:\/\/\S+\/admin\/set-password\?token=[A-Za-z0-9_-]{43})/.exec(
        first.stdout,
      )?.[1];
      expect(link?.startsWith(api.url)).toBe(true);
      // The link works on the running server's admin app.
      expect((await fetch(link ?? "")).status).toBe(200);

      const made = await runCli(
        ["keys", "create", "--name", "Synthetic CLI key", "--scopes", "write"],
        {
          env,
        },
      );
      expect(made.code, made.stderr).toBe(0);
      const key = keyOf(made.stdout);
      expect((await send(api.url, "/v1/places", { key })).status).toBe(200);
      const revoked = await runCli(["keys", "revoke", key.slice(3, 11)], { env });
      expect(revoked.code).toBe(0);
      expect((await send(api.url, "/v1/places", { key })).status).toBe(401);

      const audit = await runCli(["audit", "--limit", "5"], { env });
      expect(audit.stdout).toMatch(/key\.revoked\s+cli:/);

      // Errors: one line, a non-zero exit.
      for (const [args, code, message] of [
        [
          ["users", "create", "--email", "not-an-email", "--role", "admin"],
          1,
          /^care-atlas: email: must be an email address\n$/,
        ],
        [["keys", "create", "--scopes", "read"], 2, /^care-atlas: --name: required/],
        [["nope"], 2, /^care-atlas: unknown command "nope"/],
        [
          ["users", "disable", "--email", "nobody@example.org"],
          1,
          /^care-atlas: no account has the email/,
        ],
        [
          ["users", "set-role", "--email", "synthetic.first@example.org", "--role", "viewer"],
          1,
          /last enabled admin/,
        ],
      ] as const) {
        const answer = await runCli([...args], { env });
        expect([args.join(" "), answer.code]).toEqual([args.join(" "), code]);
        expect(answer.stderr).toMatch(message);
        expect(answer.stderr.trim().split("\n")).toHaveLength(1);
      }
      const badEnv = await runCli(["keys", "list"], { env: { ...env, PORT: "eighty" } });
      expect(badEnv.code).toBe(2);
      expect(badEnv.stderr.trim().split("\n")).toHaveLength(1);

      // The operator endpoint takes nothing without the token.
      const anonymous = await fetch(`${api.url}/operator/commands`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ argv: ["keys", "list"], stdin: "", user: "x" }),
      });
      expect(anonymous.status).toBe(401);
      const wrong = await fetch(`${api.url}/operator/commands`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Operator ${"x".repeat(43)}`,
        },
        body: JSON.stringify({ argv: ["keys", "list"], stdin: "", user: "x" }),
      });
      expect(wrong.status).toBe(401);
    } finally {
      await api.stop();
    }
    // Stopped: the operator file is gone and the CLI opens the database itself.
    expect(readOperatorFile(env.DATA_DIR)).toBeUndefined();
    const listed = await runCli(["users", "list"], { env });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain("synthetic.first@example.org");

    // Killed: its operator file stays behind, stale; the CLI opens the database itself.
    const killed = await startApi({ env });
    await killed.kill();
    expect(readOperatorFile(env.DATA_DIR)?.pid).toBe(killed.pid);
    const afterKill = await runCli(["keys", "list"], { env });
    expect(afterKill.code, afterKill.stderr).toBe(0);
    expect(afterKill.stdout).toContain("Synthetic CLI key");
  });
});
