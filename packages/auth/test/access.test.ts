/**
 * Managing access over the store's real migrations, on PGlite and (with
 * CARE_ATLAS_TEST_DATABASE_URL) on a PostgreSQL server: every change to access is in the
 * audit trail and announced on the auth channel; the last admin cannot be demoted or
 * disabled; disabling ends sessions; one-time password resets work once, supersede each
 * other and expire; accounts made without a password sign in only after their first reset.
 */
import { openStore, type Store } from "@care-atlas/store";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AuthInputError, type AuthStore, authChannel, createAuthStore } from "../src/AuthStore.js";

const serverUrl = z
  .url({ protocol: /^postgres(ql)?$/ })
  .optional()
  .parse(process.env.CARE_ATLAS_TEST_DATABASE_URL);

interface Backend {
  readonly name: string;
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: "pglite",
    open: async () => {
      const store = await openStore();
      return { store, dispose: () => store.close() };
    },
  },
  ...(serverUrl === undefined
    ? []
    : [
        {
          name: "postgres",
          open: async () => {
            const name = `care_atlas_auth_test_${crypto.getRandomValues(new Uint32Array(1))[0]}`;
            const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
            await admin.unsafe(`create database ${name}`);
            const url = new URL(serverUrl);
            url.pathname = `/${name}`;
            const store = await openStore({ databaseUrl: url.toString() });
            return {
              store,
              dispose: async () => {
                await store.close();
                await admin.unsafe(`drop database if exists ${name} with (force)`);
                await admin.end();
              },
            };
          },
        },
      ]),
];

const password = "synthetic password 1";
const admin = { actor: "user:synthetic.lead@example.invalid", address: "127.0.0.1" };

const waitFor = async (condition: () => boolean, ms = 2000) => {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe.each(backends)("access management on $name", (backend) => {
  let opened: Awaited<ReturnType<Backend["open"]>>;
  let auth: AuthStore;
  const announced: string[] = [];
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    opened = await backend.open();
    auth = createAuthStore({
      query: async (text, params) => ({
        rows: (await opened.store.sql.query(text, params ?? [])) as never[],
      }),
    });
    stop = await opened.store.subscribe(authChannel, (payload) => announced.push(payload));
  });
  afterAll(async () => {
    await stop?.();
    await opened?.dispose();
  });

  it("records key changes in the trail, announces them, and keeps who made a key and when it was used", async () => {
    const before = announced.length;
    const { key, info } = await auth.createKey({ name: "Synthetic feed", scopes: ["read"] }, admin);
    expect(info.createdBy).toBe(admin.actor);
    expect(info.lastUsedAt).toBeNull();
    await auth.touchKey(info.prefix, new Date("2030-01-02T03:04:05Z"));
    await auth.touchKey(info.prefix, new Date("2030-01-01T00:00:00Z")); // older: kept
    expect((await auth.listKeys()).find((k) => k.prefix === info.prefix)?.lastUsedAt).toBe(
      "2030-01-02T03:04:05.000Z",
    );
    expect(await auth.revokeKey(key, admin)).toBe(true);
    expect(await auth.revokeKey(key, admin)).toBe(false); // nothing to revoke: no event
    const events = (await auth.listEvents({ limit: 10 })).filter((e) => e.subject === info.prefix);
    expect(events.map((e) => [e.action, e.actor, e.address])).toEqual([
      ["key.revoked", admin.actor, admin.address],
      ["key.created", admin.actor, admin.address],
    ]);
    expect(events[1]?.detail).toEqual({ name: "Synthetic feed", scopes: "read" });
    await waitFor(() => announced.length >= before + 2);
    expect(announced.slice(before).map(Number)).toEqual(events.map((e) => e.id).reverse());
    // Followers read the trail after the last id they saw.
    const after = await auth.eventsAfter(events[1]?.id ?? 0);
    expect(after.map((e) => e.id)).toEqual([events[0]?.id]);
  });

  it("keeps the trail append-only", async () => {
    await expect(opened.store.sql.query("delete from auth_event")).rejects.toThrow(/append-only/);
    await expect(opened.store.sql.query("update auth_event set actor = 'x'")).rejects.toThrow(
      /append-only/,
    );
  });

  it("changes roles, disables and enables accounts, never losing the last admin", async () => {
    const lead = await auth.createUser(
      { email: "synthetic.lead@example.invalid", password, role: "admin" },
      { actor: "cli:synthetic" },
    );
    const other = await auth.createUser(
      { email: "synthetic.editor@example.invalid", password, role: "editor" },
      admin,
    );
    await expect(auth.setRole(lead.id, "editor", admin)).rejects.toThrow(
      /^role: the last enabled admin/,
    );
    await expect(auth.setDisabled(lead.id, true, admin)).rejects.toThrow(/last enabled admin/);
    expect((await auth.setRole(other.id, "admin", admin)).role).toBe("admin");
    // Now the lead may step down.
    expect((await auth.setRole(lead.id, "viewer", admin)).role).toBe("viewer");
    expect((await auth.setRole(lead.id, "viewer", admin)).role).toBe("viewer"); // no-op
    const session = await auth.createSession(other.id);
    expect((await auth.sessionUser(session.token))?.id).toBe(other.id);
    await expect(auth.setDisabled(other.id, true, admin)).rejects.toThrow(/last enabled admin/);
    await auth.setRole(lead.id, "admin", admin);
    const disabled = await auth.setDisabled(other.id, true, admin);
    expect(disabled.disabledAt).not.toBeNull();
    expect(await auth.sessionUser(session.token)).toBeUndefined();
    expect(await auth.verifyLogin(other.email, password)).toBeUndefined();
    expect((await auth.setDisabled(other.id, false, admin)).disabledAt).toBeNull();
    expect((await auth.verifyLogin(other.email, password))?.id).toBe(other.id);
    await expect(auth.setRole("usr_nobody", "viewer", admin)).rejects.toBeInstanceOf(
      AuthInputError,
    );
    await expect(auth.setRole(other.id, "root", admin)).rejects.toThrow(/^role:/);
    const trail = (await auth.listEvents({ limit: 50 })).filter((e) => e.subject === other.id);
    expect(trail.map((e) => e.action)).toEqual([
      "user.enabled",
      "user.disabled",
      "user.role-changed",
      "user.created",
    ]);
    expect(trail[2]?.detail).toMatchObject({ from: "editor", to: "admin" });
  });

  it("two admins demoting each other at once: one stays", async () => {
    const a = await auth.createUser(
      { email: "synthetic.race.a@example.invalid", password, role: "admin" },
      admin,
    );
    const b = await auth.createUser(
      { email: "synthetic.race.b@example.invalid", password, role: "admin" },
      admin,
    );
    // Leave a and b the only enabled admins.
    for (const user of await auth.listUsers()) {
      if (user.role === "admin" && user.id !== a.id && user.id !== b.id) {
        await auth.setRole(user.id, "editor", admin);
      }
    }
    const results = await Promise.allSettled([
      auth.setRole(a.id, "viewer", admin),
      auth.setRole(b.id, "viewer", admin),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const admins = (await auth.listUsers()).filter((u) => u.role === "admin" && !u.disabledAt);
    expect(admins).toHaveLength(1);
  });

  it("resets a password once, with a link that supersedes the last and expires", async () => {
    const user = await auth.createUser(
      { email: "synthetic.reset@example.invalid", password, role: "viewer" },
      admin,
    );
    const session = await auth.createSession(user.id);
    const first = await auth.issuePasswordReset(user.id, admin);
    const second = await auth.issuePasswordReset(user.id, admin);
    expect(first.token).not.toBe(second.token);
    expect(await auth.passwordResetUser(first.token)).toBeUndefined();
    expect((await auth.passwordResetUser(second.token))?.id).toBe(user.id);
    await expect(auth.resetPassword(first.token, "a new password 22")).rejects.toThrow(/^token:/);
    await expect(auth.resetPassword(second.token, "short")).rejects.toThrow(/^password:/);
    await auth.resetPassword(second.token, "a new password 22", "127.0.0.1");
    expect(await auth.sessionUser(session.token)).toBeUndefined();
    expect(await auth.verifyLogin(user.email, password)).toBeUndefined();
    expect((await auth.verifyLogin(user.email, "a new password 22"))?.id).toBe(user.id);
    await expect(auth.resetPassword(second.token, "another password 3")).rejects.toThrow(/^token:/);
    const expired = await auth.issuePasswordReset(user.id, admin, -1000);
    expect(await auth.passwordResetUser(expired.token)).toBeUndefined();
    await expect(auth.resetPassword(expired.token, "another password 3")).rejects.toThrow(
      /^token:/,
    );
    const stored = await opened.store.sql.query<{ token_hash: string }>(
      "select token_hash from password_reset",
    );
    expect(JSON.stringify(stored)).not.toContain(second.token);
    const trail = (await auth.listEvents({ limit: 50 })).filter((e) => e.subject === user.id);
    expect(trail.map((e) => e.action)).toEqual([
      "user.reset-issued",
      "user.password-set",
      "user.reset-issued",
      "user.reset-issued",
      "user.created",
    ]);
  });

  it("an account made without a password signs in only once its first link is used", async () => {
    const made = await auth.createUser(
      { email: "synthetic.first@example.invalid", role: "admin" },
      { actor: "cli:synthetic" },
    );
    const link = made.firstPassword;
    if (link === undefined) throw new Error("a first-password link");
    expect(await auth.verifyLogin(made.email, "none$no password set yet")).toBeUndefined();
    await auth.resetPassword(link.token, password);
    expect((await auth.verifyLogin(made.email, password))?.id).toBe(made.id);
    expect((await auth.findUser(made.email))?.id).toBe(made.id);
    expect((await auth.findUser(made.id))?.email).toBe(made.email);
    expect(await auth.findUser("nobody@example.invalid")).toBeUndefined();
  });

  it("records sign-ins, sign-outs and refused sign-ins", async () => {
    await auth.recordEvent({
      action: "session.refused",
      actor: "someone@example.invalid",
      subject: "someone@example.invalid",
      address: "192.0.2.1",
    });
    const [event] = await auth.listEvents({ limit: 1 });
    expect(event).toMatchObject({ action: "session.refused", address: "192.0.2.1" });
    const older = await auth.listEvents({ limit: 2, beforeId: event?.id ?? 0 });
    expect(older.every((e) => e.id < (event?.id ?? 0))).toBe(true);
  });
});
