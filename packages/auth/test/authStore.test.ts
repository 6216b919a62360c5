import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthInputError, type AuthStore, createAuthStore } from "../src/AuthStore.js";
import { authTablesSql } from "../src/schema.js";

let pg: PGlite;
let auth: AuthStore;

beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(authTablesSql);
  auth = createAuthStore(pg);
});
afterAll(async () => {
  await pg.close();
});

describe("API keys", () => {
  it("creates a key, stores only its hash, verifies and revokes it", async () => {
    const { key, info } = await auth.createKey({ name: "Synthetic dashboard", scopes: ["read"] });
    expect(key).toMatch(/^ca_[0-9a-z]{8}_[0-9a-z]{40}$/);
    expect(info.scopes).toEqual(["read"]);
    const stored = await pg.query<Record<string, unknown>>("select * from api_key");
    expect(JSON.stringify(stored.rows)).not.toContain(key.slice(12));
    expect((await auth.verifyKey(key))?.prefix).toBe(info.prefix);
    expect(
      await auth.verifyKey(`${key.slice(0, -1)}${key.endsWith("a") ? "b" : "a"}`),
    ).toBeUndefined();
    expect(await auth.revokeKey(info.prefix)).toBe(true);
    expect(await auth.revokeKey(info.prefix)).toBe(false);
    expect(await auth.verifyKey(key)).toBeUndefined();
    expect((await auth.listKeys()).find((k) => k.prefix === info.prefix)?.revokedAt).not.toBeNull();
  });

  it("keeps the audit scope beside the others", async () => {
    const { key, info } = await auth.createKey({
      name: "Synthetic auditor",
      scopes: ["audit", "read"],
    });
    expect(info.scopes).toEqual(["audit", "read"]);
    expect((await auth.verifyKey(key))?.scopes).toEqual(["audit", "read"]);
  });

  it("names the bad field", async () => {
    await expect(auth.createKey({ name: "", scopes: ["read"] })).rejects.toThrow(/^name:/);
    await expect(auth.createKey({ name: "x", scopes: ["root"] })).rejects.toThrow(/^scopes:/);
    await expect(auth.createKey({ name: "x", scopes: [] })).rejects.toBeInstanceOf(AuthInputError);
    await expect(auth.revokeKey("bad prefix")).rejects.toThrow(/^key:/);
  });
});

describe("admin accounts and sessions", () => {
  it("creates an account, checks the password, opens and closes a session", async () => {
    const user = await auth.createUser({
      email: "Synthetic.Admin@example.invalid",
      password: "synthetic password 1",
      role: "editor",
    });
    expect(user.email).toBe("synthetic.admin@example.invalid");
    const row = await pg.query<{ password_hash: string }>("select password_hash from admin_user");
    expect(row.rows[0]?.password_hash).toMatch(/^scrypt\$/);
    expect(
      await auth.verifyLogin("synthetic.admin@example.invalid", "wrong password!!"),
    ).toBeUndefined();
    expect(
      await auth.verifyLogin("nobody@example.invalid", "synthetic password 1"),
    ).toBeUndefined();
    expect(
      (await auth.verifyLogin("SYNTHETIC.ADMIN@example.invalid", "synthetic password 1"))?.id,
    ).toBe(user.id);
    const session = await auth.createSession(user.id);
    expect((await auth.sessionUser(session.token))?.role).toBe("editor");
    const sessions = await pg.query<{ token_hash: string }>("select token_hash from admin_session");
    expect(sessions.rows[0]?.token_hash).not.toBe(session.token);
    await auth.deleteSession(session.token);
    expect(await auth.sessionUser(session.token)).toBeUndefined();
    const expired = await auth.createSession(user.id, -1000);
    expect(await auth.sessionUser(expired.token)).toBeUndefined();
  });

  it("refuses duplicates, bad roles and short passwords, naming the field", async () => {
    await expect(
      auth.createUser({
        email: "synthetic.admin@example.invalid",
        password: "long enough pass",
        role: "admin",
      }),
    ).rejects.toThrow(/^email:/);
    await expect(
      auth.createUser({ email: "b@example.invalid", password: "long enough pass", role: "root" }),
    ).rejects.toThrow(/^role:/);
    await expect(
      auth.createUser({ email: "c@example.invalid", password: "short", role: "viewer" }),
    ).rejects.toThrow(/^password:/);
    await expect(
      auth.createUser({ email: "not an email", password: "long enough pass", role: "viewer" }),
    ).rejects.toThrow(/^email:/);
  });
});
