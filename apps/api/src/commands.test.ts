import { authTablesSql, createAuthStore } from "@care-atlas/auth";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand, UsageError } from "./commands.js";

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(authTablesSql);
});
afterAll(async () => {
  await pg.close();
});

describe("CLI commands", () => {
  it("creates a key (printed once), lists it without its secret, revokes it", async () => {
    const auth = createAuthStore(pg);
    const created = await runCommand(auth, [
      "keys",
      "create",
      "--name",
      "Synthetic CLI",
      "--scopes",
      "read,write",
    ]);
    const key = /\n(ca_[0-9a-z]{8}_[0-9a-z]{40})$/.exec(created)?.[1];
    expect(key).toBeDefined();
    const listed = await runCommand(auth, ["keys", "list"]);
    expect(listed).toContain("Synthetic CLI");
    expect(listed).toContain("read,write");
    expect(listed).not.toContain(key?.slice(12));
    expect(await runCommand(auth, ["keys", "revoke", key?.slice(3, 11) ?? ""])).toMatch(/^Revoked/);
    expect(await auth.verifyKey(key ?? "")).toBeUndefined();
  });

  it("names the bad field", async () => {
    const auth = createAuthStore(pg);
    await expect(runCommand(auth, ["keys", "create", "--scopes", "read"])).rejects.toThrow(
      /^--name/,
    );
    await expect(
      runCommand(auth, ["keys", "create", "--name", "x", "--scopes", "root"]),
    ).rejects.toThrow(/^--scopes/);
    await expect(
      runCommand(auth, ["users", "create", "--email", "a@example.invalid"]),
    ).rejects.toThrow(/^--role/);
    await expect(
      runCommand(auth, [
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
    await expect(runCommand(auth, ["nope"])).rejects.toThrow(/unknown command/);
  });
});
