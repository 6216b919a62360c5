import { type AuthStore, authTablesSql, createAuthStore } from "@care-atlas/auth";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CommandContext, findCommand, runCommand, UsageError, usage } from "./index.js";

let pg: PGlite;
let auth: AuthStore;
let context: CommandContext;
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(authTablesSql);
  auth = createAuthStore(pg);
  context = {
    auth,
    register: () => Promise.reject(new Error("no register in this test")),
    actor: "cli:synthetic",
    publicUrl: "http://127.0.0.1:3999",
  };
});
afterAll(async () => {
  await pg.close();
});

describe("CLI commands", () => {
  it("creates a key (printed once), lists it without its secret, revokes it, as the CLI's user", async () => {
    const created = await runCommand(context, [
      "keys",
      "create",
      "--name",
      "Synthetic CLI",
      "--scopes",
      "read,write",
    ]);
    const key = /\n(ca_[0-9a-z]{8}_[0-9a-z]{40})$/.exec(created)?.[1];
    expect(key).toBeDefined();
    const listed = await runCommand(context, ["keys", "list"]);
    expect(listed).toContain("Synthetic CLI");
    expect(listed).toContain("read,write");
    expect(listed).toContain("never");
    expect(listed).not.toContain(key?.slice(12));
    expect(await runCommand(context, ["keys", "revoke", key?.slice(3, 11) ?? ""])).toMatch(
      /^Revoked/,
    );
    expect(await auth.verifyKey(key ?? "")).toBeUndefined();
    const trail = await auth.listEvents({ limit: 2 });
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ["key.revoked", "cli:synthetic"],
      ["key.created", "cli:synthetic"],
    ]);
  });

  it("makes the first admin with a one-time link, then manages the account", async () => {
    const made = await runCommand(context, [
      "users",
      "create",
      "--email",
      "synthetic.first@example.invalid",
      "--role",
      "admin",
    ]);
    expect(made).toMatch(/^Created admin account synthetic.first@example.invalid/);
    const link = /(http:\/\/127\.0\.0\.1:3999\/admin\/set-password\?token=[A-Za-z0-9_-]{43})$/.exec(
      made,
    );
    expect(link).not.toBeNull();
    const token = link?.[1]?.split("=").at(-1) ?? "";
    expect((await auth.passwordResetUser(token))?.email).toBe("synthetic.first@example.invalid");

    await runCommand(
      context,
      [
        "users",
        "create",
        "--email",
        "synthetic.second@example.invalid",
        "--role",
        "editor",
        "--password-stdin",
      ],
      "synthetic password 1\n",
    );
    expect(
      (await auth.verifyLogin("synthetic.second@example.invalid", "synthetic password 1"))?.role,
    ).toBe("editor");
    expect(
      await runCommand(context, [
        "users",
        "set-role",
        "--email",
        "synthetic.second@example.invalid",
        "--role",
        "admin",
      ]),
    ).toBe("synthetic.second@example.invalid is now an admin.");
    expect(
      await runCommand(context, [
        "users",
        "disable",
        "--email",
        "synthetic.second@example.invalid",
      ]),
    ).toBe("synthetic.second@example.invalid is disabled.");
    expect(
      await runCommand(context, ["users", "enable", "--email", "synthetic.second@example.invalid"]),
    ).toBe("synthetic.second@example.invalid is enabled.");
    const reset = await runCommand(context, [
      "users",
      "reset-password",
      "--email",
      "synthetic.second@example.invalid",
    ]);
    expect(reset).toMatch(/\/admin\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    expect(await runCommand(context, ["users", "list"])).toContain(
      "synthetic.second@example.invalid",
    );
    const audit = await runCommand(context, ["audit", "--limit", "3"]);
    expect(audit.split("\n")[1]).toContain("user.reset-issued");
  });

  it("names the bad argument in one line", async () => {
    await expect(runCommand(context, ["keys", "create", "--scopes", "read"])).rejects.toThrow(
      /^--name/,
    );
    await expect(
      runCommand(context, ["keys", "create", "--name", "x", "--scopes", "root"]),
    ).rejects.toThrow(/^--scopes/);
    await expect(
      runCommand(context, ["users", "create", "--email", "a@example.invalid"]),
    ).rejects.toThrow(/^--role/);
    await expect(
      runCommand(context, [
        "users",
        "create",
        "--email",
        "a@example.invalid",
        "--role",
        "admin",
        "--password",
        "x",
      ]),
    ).rejects.toBeInstanceOf(UsageError);
    await expect(runCommand(context, ["keys", "list", "--bogus"])).rejects.toThrow(
      /^keys list: Unknown option '--bogus'/,
    );
    await expect(runCommand(context, ["nope"])).rejects.toThrow(/unknown command "nope"/);
    await expect(
      runCommand(context, ["users", "disable", "--email", "nobody@example.invalid"]),
    ).rejects.toThrow(/no account has the email nobody@example.invalid/);
    await expect(runCommand(context, ["audit", "--limit", "0"])).rejects.toThrow(/^--limit/);
  });

  it("finds the longest command name, and lists every command in its usage", () => {
    expect(findCommand(["users", "set-role", "--email", "x"]).command.name).toEqual([
      "users",
      "set-role",
    ]);
    expect(findCommand(["audit"]).rest).toEqual([]);
    for (const line of ["keys create", "users reset-password", "audit"]) {
      expect(usage).toContain(line);
    }
  });
});
