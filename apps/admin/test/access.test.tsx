/**
 * The access pages of the admin app — accounts, API keys, the audit trail, one-time
 * password links — over the real services, PGlite and `@care-atlas/auth`: every route × role
 * (nobody, viewer, editor, admin), CSRF on every new form, and what each page does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client as browserClient } from "./client.js";
import { accounts, type Harness, password, startHarness } from "./harness.js";
import { syntheticSnapshot } from "./syntheticRegister.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ snapshot: syntheticSnapshot(), onDisk: false });
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

const client = () => browserClient(harness);
type Role = "none" | "viewer" | "editor" | "admin";

const signedIn = async (role: Role) => {
  const c = client();
  if (role !== "none") await c.signIn(accounts[role]);
  return c;
};

/** A fresh account to act on (so tests do not disturb the harness's own). */
const freshAccount = async (role: "viewer" | "editor" | "admin" = "viewer") =>
  harness.auth.createUser({
    email: `synthetic.${role}.${crypto.randomUUID().slice(0, 8)}@example.org`,
    password,
    role,
  });

describe("access pages × roles", () => {
  const getPages = ["/admin/users", "/admin/keys", "/admin/audit"];
  it.each(getPages)(
    "GET %s: none → sign in, viewer and editor → 403, admin → 200",
    async (path) => {
      const expected: Record<Role, number> = { none: 303, viewer: 403, editor: 403, admin: 200 };
      for (const role of Object.keys(expected) as Role[]) {
        const c = await signedIn(role);
        const response = await c.request(path);
        expect([role, response.status]).toEqual([role, expected[role]]);
        if (role === "none") expect(response.headers.get("location")).toMatch(/\/admin\/sign-in/);
      }
    },
  );

  it("GET /admin/users/:id: only admins", async () => {
    const account = await freshAccount();
    const expected: Record<Role, number> = { none: 303, viewer: 403, editor: 403, admin: 200 };
    for (const role of Object.keys(expected) as Role[]) {
      const c = await signedIn(role);
      expect([role, (await c.request(`/admin/users/${account.id}`)).status]).toEqual([
        role,
        expected[role],
      ]);
    }
  });

  it("every new POST: nobody → 401, viewer and editor → 403, nothing changed", async () => {
    const account = await freshAccount("editor");
    const { info } = await harness.auth.createKey({ name: "Synthetic victim", scopes: ["read"] });
    const posts: Array<[string, Record<string, string>]> = [
      ["/admin/keys", { name: "Synthetic sneaky", scopes: "admin" }],
      [`/admin/keys/${info.prefix}/revoke`, {}],
      [`/admin/users/${account.id}/role`, { role: "admin" }],
      [`/admin/users/${account.id}/disable`, {}],
      [`/admin/users/${account.id}/enable`, {}],
      [`/admin/users/${account.id}/reset-password`, {}],
    ];
    for (const role of ["none", "viewer", "editor"] as const) {
      const c = await signedIn(role);
      // A page of theirs gives them a valid CSRF token: the role check must still refuse.
      const token = c.csrfOf(await (await c.request("/admin/sign-in")).text());
      const home = role === "none" ? "" : await (await c.request("/admin/")).text();
      const csrf = role === "none" ? token : c.csrfOf(home);
      for (const [path, fields] of posts) {
        const response = await c.request(path, c.form({ _csrf: csrf, ...fields }));
        expect([role, path, response.status]).toEqual([role, path, role === "none" ? 401 : 403]);
      }
    }
    expect((await harness.auth.findUser(account.id))?.role).toBe("editor");
    expect((await harness.auth.findUser(account.id))?.disabledAt).toBeNull();
    const keys = await harness.auth.listKeys();
    expect(keys.find((k) => k.prefix === info.prefix)?.revokedAt).toBeNull();
    expect(keys.some((k) => k.name === "Synthetic sneaky")).toBe(false);
  });

  it("every new form refuses a POST without its CSRF token, even from an admin", async () => {
    const admin = await signedIn("admin");
    const account = await freshAccount();
    const { info } = await harness.auth.createKey({ name: "Synthetic csrf", scopes: ["read"] });
    const posts: Array<[string, Record<string, string>]> = [
      ["/admin/keys", { name: "Synthetic no token", scopes: "read" }],
      [`/admin/keys/${info.prefix}/revoke`, {}],
      [`/admin/users/${account.id}/role`, { role: "admin" }],
      [`/admin/users/${account.id}/disable`, {}],
      [`/admin/users/${account.id}/reset-password`, {}],
      [
        "/admin/set-password",
        { token: "x".repeat(43), password: "whatever password", confirm: "whatever password" },
      ],
    ];
    for (const [path, fields] of posts) {
      const missing = await admin.request(path, admin.form(fields));
      expect([path, missing.status]).toEqual([path, 403]);
      const wrong = await admin.request(path, admin.form({ _csrf: "not-the-token", ...fields }));
      expect([path, wrong.status]).toEqual([path, 403]);
    }
    expect((await harness.auth.findUser(account.id))?.role).toBe("viewer");
    expect(
      (await harness.auth.listKeys()).find((k) => k.prefix === info.prefix)?.revokedAt,
    ).toBeNull();
  });
});

describe("API keys page", () => {
  it("creates a key shown once, lists it with its maker and last use, revokes it", async () => {
    const admin = await signedIn("admin");
    const page = await admin.request("/admin/keys");
    const csrf = admin.csrfOf(await page.text());
    const created = await admin.request(
      "/admin/keys",
      admin.form({ _csrf: csrf, name: "Synthetic referral router", scopes: "write" }),
    );
    expect(created.status).toBe(200);
    const html = await created.text();
    const key = /(ca_[0-9a-z]{8}_[0-9a-z]{40})/.exec(html)?.[1];
    expect(key).toBeDefined();
    expect((await harness.auth.verifyKey(key ?? ""))?.scopes).toEqual(["write"]);
    const prefix = key?.slice(3, 11) ?? "";
    const listed = await (await admin.request("/admin/keys")).text();
    expect(listed).toContain("Synthetic referral router");
    expect(listed).toContain(`by user:${accounts.admin}`);
    expect(listed).not.toContain(key?.slice(12));
    expect(listed).toContain("Never");
    const revoked = await admin.request(
      `/admin/keys/${prefix}/revoke`,
      admin.form({ _csrf: admin.csrfOf(listed) }),
    );
    expect(revoked.status).toBe(303);
    expect(await harness.auth.verifyKey(key ?? "")).toBeUndefined();
    const after = await (await admin.request(revoked.headers.get("location") ?? "")).text();
    expect(after).toContain(`Key ${prefix} was revoked`);
  });

  it("names what is missing, and answers 404 for a key that does not exist", async () => {
    const admin = await signedIn("admin");
    const csrf = admin.csrfOf(await (await admin.request("/admin/keys")).text());
    const missing = await admin.request("/admin/keys", admin.form({ _csrf: csrf, name: "" }));
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain("Enter what the key is for");
    expect(html).toContain("Choose at least one scope");
    const bogus = await admin.request(
      "/admin/keys",
      admin.form({ _csrf: csrf, name: "Synthetic", scopes: "root" }),
    );
    expect(bogus.status).toBe(400);
    expect(
      (await admin.request("/admin/keys/zzzzzzzz/revoke", admin.form({ _csrf: csrf }))).status,
    ).toBe(404);
  });
});

describe("accounts", () => {
  it("changes a role, disables (ending its sessions) and enables an account, in the audit trail", async () => {
    const account = await freshAccount("viewer");
    const theirs = client();
    await theirs.signIn(account.email);
    expect((await theirs.request("/admin/")).status).toBe(200);

    const admin = await signedIn("admin");
    const page = await admin.request(`/admin/users/${account.id}`);
    const csrf = admin.csrfOf(await page.text());
    const role = await admin.request(
      `/admin/users/${account.id}/role`,
      admin.form({ _csrf: csrf, role: "editor" }),
    );
    expect(role.status).toBe(303);
    expect(await (await admin.request(role.headers.get("location") ?? "")).text()).toContain(
      "is now an editor",
    );
    expect((await harness.auth.findUser(account.id))?.role).toBe("editor");

    const disabled = await admin.request(
      `/admin/users/${account.id}/disable`,
      admin.form({ _csrf: csrf }),
    );
    expect(disabled.status).toBe(303);
    // Their session ended at once: the next page asks them to sign in.
    expect((await theirs.request("/admin/")).status).toBe(303);
    const again = client();
    const refused = await again.signIn(account.email);
    expect(refused.status).toBe(401);

    await admin.request(`/admin/users/${account.id}/enable`, admin.form({ _csrf: csrf }));
    expect((await client().signIn(account.email)).status).toBe(303);

    const audit = await (await admin.request("/admin/audit")).text();
    expect(audit).toContain(`Changed ${account.email} from viewer to editor`);
    expect(audit).toContain(`Disabled ${account.email}`);
    expect(audit).toContain(`Enabled ${account.email}`);
    expect(audit).toContain("Sign-in refused");
    expect(audit).toContain(`user:${accounts.admin}`);
  });

  it("keeps the last admin, and says why", async () => {
    const admin = await signedIn("admin");
    // Leave the harness admin the only enabled admin.
    for (const user of await harness.auth.listUsers()) {
      if (user.role === "admin" && user.email !== accounts.admin && user.disabledAt === null) {
        await harness.auth.setRole(user.id, "editor", { actor: "test" });
      }
    }
    const me = await harness.auth.findUser(accounts.admin);
    const page = await admin.request(`/admin/users/${me?.id}`);
    const csrf = admin.csrfOf(await page.text());
    const demote = await admin.request(
      `/admin/users/${me?.id}/role`,
      admin.form({ _csrf: csrf, role: "viewer" }),
    );
    expect(demote.status).toBe(400);
    expect(await demote.text()).toContain("the last enabled admin must stay an admin");
    const disable = await admin.request(
      `/admin/users/${me?.id}/disable`,
      admin.form({ _csrf: csrf }),
    );
    expect(disable.status).toBe(400);
    expect((await harness.auth.findUser(accounts.admin))?.role).toBe("admin");
  });

  it("adds an account without a password: its one-time link sets one, once", async () => {
    const admin = await signedIn("admin");
    const csrf = admin.csrfOf(await (await admin.request("/admin/users")).text());
    const email = `synthetic.linked.${crypto.randomUUID().slice(0, 8)}@example.org`;
    const added = await admin.request(
      "/admin/users",
      admin.form({ _csrf: csrf, email, role: "editor", password: "" }),
    );
    expect(added.status).toBe(200);
    const html = await added.text();
    const link = /(http:\/\/[^"<\s]+\/admin\/set-password\?token=[A-Za-z0-9_-]{43})/.exec(
      html,
    )?.[1];
    expect(link).toBeDefined();
    expect((await client().signIn(email)).status).toBe(401);

    const holder = client();
    const path = new URL(link ?? "").pathname + new URL(link ?? "").search;
    const form = await holder.request(path);
    expect(form.status).toBe(200);
    expect(form.headers.get("referrer-policy")).toBe("no-referrer");
    const formHtml = await form.text();
    expect(formHtml).toContain(email);
    const token = new URL(link ?? "").searchParams.get("token") ?? "";
    const mismatch = await holder.request(
      "/admin/set-password",
      holder.form({
        _csrf: holder.csrfOf(formHtml),
        token,
        password: "a synthetic password",
        confirm: "another one",
      }),
    );
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("Type the same password again");
    const short = await holder.request(
      "/admin/set-password",
      holder.form({ _csrf: holder.csrfOf(formHtml), token, password: "short", confirm: "short" }),
    );
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("at least 12 characters");
    const set = await holder.request(
      "/admin/set-password",
      holder.form({
        _csrf: holder.csrfOf(formHtml),
        token,
        password: "a synthetic password",
        confirm: "a synthetic password",
      }),
    );
    expect(set.status).toBe(303);
    expect(set.headers.get("location")).toBe("/admin/sign-in?passwordSet=1");
    const signIn = client();
    const page = await signIn.request("/admin/sign-in");
    const ok = await signIn.request(
      "/admin/sign-in",
      signIn.form({
        _csrf: signIn.csrfOf(await page.text()),
        email,
        password: "a synthetic password",
        next: "/admin/",
      }),
    );
    expect(ok.status).toBe(303);
    // Used: the link no longer works.
    expect((await client().request(path)).status).toBe(404);
  });

  it("issues a password reset link from the account page (earlier links stop working)", async () => {
    const account = await freshAccount("viewer");
    const first = await harness.auth.issuePasswordReset(account.id, { actor: "test" });
    const admin = await signedIn("admin");
    const csrf = admin.csrfOf(await (await admin.request(`/admin/users/${account.id}`)).text());
    const reset = await admin.request(
      `/admin/users/${account.id}/reset-password`,
      admin.form({ _csrf: csrf }),
    );
    expect(reset.status).toBe(200);
    const html = await reset.text();
    const token = /set-password\?token=([A-Za-z0-9_-]{43})/.exec(html)?.[1];
    expect((await harness.auth.passwordResetUser(token ?? ""))?.id).toBe(account.id);
    expect(await harness.auth.passwordResetUser(first.token)).toBeUndefined();
    expect((await client().request(`/admin/set-password?token=${first.token}`)).status).toBe(404);
  });

  it("answers 404 for an account that does not exist", async () => {
    const admin = await signedIn("admin");
    expect((await admin.request("/admin/users/usr_nobody")).status).toBe(404);
  });
});

describe("audit trail", () => {
  it("records sign-ins and sign-outs with the client, and pages back", async () => {
    const viewer = client();
    await viewer.signIn(accounts.viewer);
    const home = await viewer.request("/admin/");
    await viewer.request(
      "/admin/sign-out",
      viewer.form({ _csrf: viewer.csrfOf(await home.text()) }),
    );
    const events = await harness.auth.listEvents({ limit: 5 });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["session.started", "session.ended"]),
    );
    const ended = events.find((e) => e.action === "session.ended");
    expect(ended?.actor).toBe(`user:${accounts.viewer}`);
    for (let i = 0; i < 100; i++) {
      await harness.auth.recordEvent({
        action: "session.refused",
        actor: "synthetic@example.org",
        subject: "synthetic@example.org",
      });
    }
    const admin = await signedIn("admin");
    const first = await (await admin.request("/admin/audit")).text();
    const older = /href="(\/admin\/audit\?before=\d+)"/.exec(first)?.[1];
    expect(older).toBeDefined();
    const second = await admin.request((older ?? "").replace(/&amp;/g, "&"));
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("Signed out");
  });
});
