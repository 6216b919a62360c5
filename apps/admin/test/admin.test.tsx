/**
 * Integration tests of the admin app over the real services and PGlite (in memory), with
 * the synthetic register: HTTP in, HTML out, through `app.request`.
 */
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client as browserClient, formFields } from "./client.js";
import { accounts, type Harness, password, startHarness } from "./harness.js";
import { ids, syntheticBoundaries, syntheticSnapshot } from "./syntheticRegister.js";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    snapshot: syntheticSnapshot(),
    boundaries: syntheticBoundaries,
    onDisk: false,
  });
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const client = () => browserClient(harness);

describe("security", () => {
  it("sends the sign-in page to a visitor who is not signed in", async () => {
    const response = await client().request("/admin/hierarchy?validAt=2021-01-01");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/admin/sign-in?next=${encodeURIComponent("/admin/hierarchy?validAt=2021-01-01")}`,
    );
  });

  it("sets strict security headers and a strict content security policy", async () => {
    const response = await client().request("/admin/sign-in");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("signs in with a correct password, with an HttpOnly SameSite=Strict session cookie", async () => {
    const browser = client();
    const response = await browser.signIn(accounts.viewer);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("care-atlas-admin="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP in this test
    const dashboard = await browser.request("/admin/");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(accounts.viewer);
  });

  it("marks cookies Secure and __Host- over HTTPS", async () => {
    const page = await harness.app.request("https://admin.example.org/admin/sign-in");
    const cookie = page.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^__Host-care-atlas-admin-pre=/);
    expect(cookie).toMatch(/Secure/);
  });

  it("refuses a wrong password without saying whether the account exists", async () => {
    const browser = client();
    const page = await browser.request("/admin/sign-in");
    const token = browser.csrfOf(await page.text());
    const wrong = await browser.request(
      "/admin/sign-in",
      browser.form({ _csrf: token, email: accounts.viewer, password: "not the password" }),
    );
    const unknown = await browser.request(
      "/admin/sign-in",
      browser.form({ _csrf: token, email: "nobody@example.org", password: "not the password" }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const text = await wrong.text();
    expect(text).toContain("nhsuk-error-summary");
    expect(text).toContain("Enter a correct email address and password");
    expect(await unknown.text()).toContain("Enter a correct email address and password");
  });

  it("refuses a sign-in without the CSRF token", async () => {
    const browser = client();
    await browser.request("/admin/sign-in");
    const response = await browser.request(
      "/admin/sign-in",
      browser.form({ email: accounts.viewer, password }),
    );
    expect(response.status).toBe(403);
    expect(browser.jar.has("care-atlas-admin")).toBe(false);
  });

  it("refuses a POST from another site even with a token", async () => {
    const browser = client();
    const page = await browser.request("/admin/sign-in");
    const token = browser.csrfOf(await page.text());
    const response = await browser.request("/admin/sign-in", {
      ...browser.form({ _csrf: token, email: accounts.viewer, password }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "cross-site",
      },
    });
    expect(response.status).toBe(403);
  });

  it("refuses an oversized form before reading it", async () => {
    const browser = client();
    await browser.request("/admin/sign-in");
    const response = await browser.request(
      "/admin/sign-in",
      browser.form({ email: "x".repeat(600 * 1024) }),
    );
    expect(response.status).toBe(413);
  });

  it("throttles repeated failures for one account", async () => {
    const browser = client();
    const page = await browser.request("/admin/sign-in");
    const token = browser.csrfOf(await page.text());
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await browser.request(
        "/admin/sign-in",
        browser.form({ _csrf: token, email: "throttled@example.org", password: `wrong ${i}` }),
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("signs out: the session no longer works", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    const session = browser.jar.get("care-atlas-admin");
    const dashboard = await browser.request("/admin/");
    const token = browser.csrfOf(await dashboard.text());
    const out = await browser.request("/admin/sign-out", browser.form({ _csrf: token }));
    expect(out.status).toBe(303);
    expect(browser.jar.has("care-atlas-admin")).toBe(false);
    // Replaying the old cookie does not work either: the session was deleted.
    const replay = await harness.app.request("/admin/", {
      headers: { cookie: `care-atlas-admin=${session}` },
      redirect: "manual",
    });
    expect(replay.status).toBe(303);
  });
});

describe("browse", () => {
  it("shows the structure on an earlier date", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    const now = await (await browser.request("/admin/hierarchy")).text();
    const then = await (await browser.request("/admin/hierarchy?validAt=2021-06-01")).text();
    expect(then).toContain("Synthetic Former Neighbourhood 1.3");
    expect(now).not.toContain("Synthetic Former Neighbourhood 1.3");
    expect(now).toContain("Synthetic Neighbourhood 1.3");
  });

  it("shows a neighbourhood with its map and versions", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    const response = await browser.request(`/admin/neighbourhoods/${ids.neighbourhood1}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Synthetic Neighbourhood 1.1");
    expect(html).toContain("Synthetic Neighbourhood Team 1.1");
    expect(html).toContain('class="app-map"');
    expect(html).toContain("Versions over time");
  });

  it("answers 404 for an unknown record", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    const response = await browser.request("/admin/neighbourhoods/nbh_zzzzzzzzzzzz");
    expect(response.status).toBe(404);
  });

  it("serves the stylesheet compressed, with a content hash and immutable caching", async () => {
    const browser = client();
    const html = await (await browser.request("/admin/sign-in")).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(href).toMatch(/^\/admin\/assets\/admin-[A-Za-z0-9_-]{12}\.css$/);
    const css = await harness.app.request(href, { headers: { "accept-encoding": "br, gzip" } });
    expect(css.status).toBe(200);
    expect(css.headers.get("content-encoding")).toBe("br");
    expect(css.headers.get("cache-control")).toContain("immutable");
  });
});

describe("pages", () => {
  it("renders every main page for a viewer", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    const pages = [
      "/admin/",
      "/admin/findings",
      "/admin/hierarchy",
      "/admin/map",
      `/admin/places/${ids.place1}`,
      `/admin/teams/${ids.team1}`,
      "/admin/organisations?q=synthetic",
      `/admin/organisations/${ids.ccgNorth}`,
      "/admin/collaboratives",
      `/admin/collaboratives/${ids.collaborative1}`,
      "/admin/commissioning?validAt=2019-06-01",
      `/admin/commissioning/budgets/${ids.budget1}`,
      "/admin/commissioning/decisions?serviceArea=Community+health",
      "/admin/strategy",
      `/admin/records/${ids.executive1}`,
      `/admin/records/${ids.practice1}/history`,
      "/admin/changes",
    ];
    for (const path of pages) {
      const response = await browser.request(path);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).toContain("Care Atlas");
      expect(html, path).not.toContain("Sorry, there is a problem");
    }
  });

  it("finds a closed organisation by its code and shows its merger", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    const search = await (await browser.request("/admin/organisations?q=95A")).text();
    expect(search).toContain("Synthetic North Borough 1 CCG");
    const detail = await (await browser.request(`/admin/organisations/${ids.ccgNorth}`)).text();
    expect(detail).toContain("Synthetic Borough 1 CCG");
    expect(detail).toContain("app-timeline");
  });

  it("searches by kind, and refuses a kind that does not exist", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    const practices = await browser.request("/admin/organisations?q=synthetic&kind=gp-practice");
    expect(practices.status).toBe(200);
    const html = await practices.text();
    expect(html).toContain("Synthetic Practice 1.1.1");
    expect(html).not.toContain("Synthetic Borough 1 CCG");
    const bad = await browser.request("/admin/organisations?kind=castle");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("kind");
  });

  it("totals and filters decisions", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    const all = await (await browser.request("/admin/commissioning/decisions")).text();
    expect(all).toContain("£600,000");
    const some = await (
      await browser.request("/admin/commissioning/decisions?from=2020-01-01")
    ).text();
    expect(some).toContain("Synthetic Decision 1.2");
    expect(some).not.toContain("Synthetic Decision 1.1");
    const bad = await browser.request("/admin/commissioning/decisions?from=not-a-date");
    expect(bad.status).toBe(400);
  });

  it("lets only admins manage users", async () => {
    const viewer = client();
    await viewer.signIn(accounts.viewer);
    expect((await viewer.request("/admin/users")).status).toBe(403);
    const admin = client();
    await admin.signIn(accounts.admin);
    const list = await admin.request("/admin/users");
    expect(list.status).toBe(200);
    const token = admin.csrfOf(await list.text());
    const short = await admin.request(
      "/admin/users",
      admin.form({ _csrf: token, email: "new@example.org", role: "viewer", password: "short" }),
    );
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("at least 12 characters");
    const added = await admin.request(
      "/admin/users",
      admin.form({
        _csrf: token,
        email: "synthetic.new@example.org",
        role: "viewer",
        password: "another synthetic password",
      }),
    );
    expect(added.status).toBe(303);
  });
});

describe("edit", () => {
  const editForm = async (browser: ReturnType<typeof client>, id: string) => {
    const response = await browser.request(`/admin/records/${id}/edit`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const fields = formFields(html);
    return { html, fields };
  };

  it("refuses a viewer, on the form and on a post", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    expect((await browser.request(`/admin/records/${ids.practice2}/edit`)).status).toBe(403);
    const token = browser.csrfOf(await (await browser.request("/admin/")).text());
    const post = await browser.request(
      `/admin/records/${ids.practice2}/edit`,
      browser.form({ _csrf: token, name: "Changed", _reason: "x" }),
    );
    expect(post.status).toBe(403);
  });

  it("shows errors in the error summary, checks, saves with the reason and shows the history", async () => {
    const browser = client();
    await browser.signIn(accounts.editor);
    const { fields } = await editForm(browser, ids.practice2);
    expect(fields.name).toBe("Synthetic Practice 2.1.1");

    const invalid = await browser.request(
      `/admin/records/${ids.practice2}/edit`,
      browser.form({
        ...fields,
        name: "",
        "codes.0.value": "not a code",
        _reason: "",
        _action: "check",
      }),
    );
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain("nhsuk-error-summary");
    expect(invalidHtml).toContain('href="#f-name"');
    expect(invalidHtml).toContain('href="#f-codes-0-value"');
    expect(invalidHtml).toContain('href="#reason"');
    expect(invalidHtml).toContain("<title>Error: ");

    const reason = "Synthetic correction: the practice was renamed (test)";
    const checked = await browser.request(
      `/admin/records/${ids.practice2}/edit`,
      browser.form({
        ...fields,
        name: "Synthetic Practice 2.1.1 (renamed)",
        _reason: reason,
        _action: "check",
      }),
    );
    expect(checked.status).toBe(200);
    const checkedHtml = await checked.text();
    expect(checkedHtml).toContain("Save changes");
    const digest = /name="_checked" value="([^"]+)"/.exec(checkedHtml)?.[1] ?? "";
    expect(digest).not.toBe("");

    const saved = await browser.request(
      `/admin/records/${ids.practice2}/edit`,
      browser.form({
        ...fields,
        name: "Synthetic Practice 2.1.1 (renamed)",
        _reason: reason,
        _action: "save",
        _checked: digest,
      }),
    );
    expect(saved.status).toBe(303);
    const history = await browser.request(saved.headers.get("location") ?? "");
    const historyHtml = await history.text();
    expect(historyHtml).toContain("Your change was saved");
    expect(historyHtml).toContain(reason);
    expect(historyHtml).toContain(accounts.editor);
    expect(historyHtml).toContain("Synthetic Practice 2.1.1 (renamed)");
    expect(historyHtml).toContain("app-diff__old");
  });

  it("checks again instead of saving when the form changed after the check", async () => {
    const browser = client();
    await browser.signIn(accounts.editor);
    const { fields } = await editForm(browser, ids.trust1);
    const response = await browser.request(
      `/admin/records/${ids.trust1}/edit`,
      browser.form({
        ...fields,
        name: "Synthetic Hospitals",
        _reason: "test",
        _action: "save",
        _checked: "stale-digest",
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Save changes");
  });

  it("refuses a stale edit with a clear message and keeps the input", async () => {
    const first = client();
    const second = client();
    await first.signIn(accounts.editor);
    await second.signIn(accounts.admin);
    const a = await editForm(first, ids.council2);
    const b = await editForm(second, ids.council2);
    const save = async (
      browser: ReturnType<typeof client>,
      fields: Record<string, string>,
      name: string,
    ) => {
      const check = await browser.request(
        `/admin/records/${ids.council2}/edit`,
        browser.form({ ...fields, name, _reason: `Synthetic rename to ${name}`, _action: "check" }),
      );
      const digest = /name="_checked" value="([^"]+)"/.exec(await check.text())?.[1] ?? "";
      return browser.request(
        `/admin/records/${ids.council2}/edit`,
        browser.form({
          ...fields,
          name,
          _reason: `Synthetic rename to ${name}`,
          _action: "save",
          _checked: digest,
        }),
      );
    };
    expect((await save(first, a.fields, "Synthetic Borough 2 Council (first)")).status).toBe(303);
    const stale = await save(second, b.fields, "Synthetic Borough 2 Council (second)");
    expect(stale.status).toBe(412);
    const html = await stale.text();
    expect(html).toContain("This record was changed by someone else");
    expect(html).toContain("Synthetic Borough 2 Council (second)");
  });

  it("refuses a change from a form that lost its revision, and writes nothing", async () => {
    const browser = client();
    await browser.signIn(accounts.editor);
    const reason = "Synthetic: a change without a revision (test)";
    const { fields } = await editForm(browser, ids.practice1);
    const { _revision, ...withoutRevision } = fields;
    expect(_revision).toMatch(/^\d+$/);
    const edit = await browser.request(
      `/admin/records/${ids.practice1}/edit`,
      browser.form({ ...withoutRevision, name: "Synthetic Renamed", _reason: reason }),
    );
    expect(edit.status).toBe(400);
    expect(await edit.text()).toContain("does not say which revision");

    const endHtml = await (await browser.request(`/admin/records/${ids.practice1}/end`)).text();
    const end = await browser.request(
      `/admin/records/${ids.practice1}/end`,
      browser.form({ _csrf: browser.csrfOf(endHtml), date: "2030-04-01", _reason: reason }),
    );
    expect(end.status).toBe(400);
    expect(await end.text()).toContain("does not say which revision");
    const history = await browser.request(`/admin/records/${ids.practice1}/history`);
    expect(await history.text()).not.toContain(reason);
  });

  it("adds a blank row without JavaScript, and escapes what users type", async () => {
    const browser = client();
    await browser.signIn(accounts.editor);
    const { fields } = await editForm(browser, ids.pcn1);
    const added = await browser.request(
      `/admin/records/${ids.pcn1}/edit`,
      browser.form({ ...fields, name: "<b>Synthetic</b> PCN", _action: "add-row:codes" }),
    );
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain('name="codes.2.value"');
    expect(html).toContain("&lt;b&gt;Synthetic&lt;/b&gt; PCN");
    expect(html).not.toContain("<b>Synthetic</b>");
  });

  it("creates a record, then ends it, each with its reason in the history", async () => {
    const browser = client();
    await browser.signIn(accounts.editor);
    const form = await browser.request("/admin/new/organisation");
    expect(form.status).toBe(200);
    const token = browser.csrfOf(await form.text());
    const fields = {
      _csrf: token,
      kind: "vcfse",
      name: "Synthetic Community Group",
      "valid.from": "2024-04-01",
      "provenance.sources": "synthetic",
      _reason: "Synthetic: a new group joins (test)",
    };
    const checked = await browser.request(
      "/admin/new/organisation",
      browser.form({ ...fields, _action: "check" }),
    );
    const digest = /name="_checked" value="([^"]+)"/.exec(await checked.text())?.[1] ?? "";
    expect(digest).not.toBe("");
    const saved = await browser.request(
      "/admin/new/organisation",
      browser.form({ ...fields, _action: "save", _checked: digest }),
    );
    expect(saved.status).toBe(303);
    const location = saved.headers.get("location") ?? "";
    const id = /\/records\/(org_[0-9a-z]+)\/history/.exec(location)?.[1] ?? "";
    expect(id).not.toBe("");
    expect(await (await browser.request(location)).text()).toContain(
      "Synthetic: a new group joins (test)",
    );

    const end = await browser.request(`/admin/records/${id}/end`);
    const endHtml = await end.text();
    const revision = /name="_revision" value="(\d+)"/.exec(endHtml)?.[1] ?? "";
    const missing = await browser.request(
      `/admin/records/${id}/end`,
      browser.form({ _csrf: browser.csrfOf(endHtml), _revision: revision, date: "", _reason: "" }),
    );
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('href="#date"');
    const ended = await browser.request(
      `/admin/records/${id}/end`,
      browser.form({
        _csrf: browser.csrfOf(endHtml),
        _revision: revision,
        date: "2025-04-01",
        _reason: "Synthetic: the group closed (test)",
      }),
    );
    expect(ended.status).toBe(303);
    const history = await (await browser.request(ended.headers.get("location") ?? "")).text();
    expect(history).toContain("Synthetic: the group closed (test)");
    expect(history).toContain("2025-04-01");
  });

  it("records a succession through the services' verb, which ends the predecessor", async () => {
    const browser = client();
    await browser.signIn(accounts.editor);
    const save = async (path: string, fields: Record<string, string>) => {
      const page = await browser.request(path);
      const token = browser.csrfOf(await page.text());
      const checked = await browser.request(
        path,
        browser.form({ _csrf: token, ...fields, _action: "check" }),
      );
      const html = await checked.text();
      const digest = /name="_checked" value="([^"]+)"/.exec(html)?.[1];
      if (digest === undefined) return { status: checked.status, html, location: "" };
      const saved = await browser.request(
        path,
        browser.form({ _csrf: token, ...fields, _action: "save", _checked: digest }),
      );
      return {
        status: saved.status,
        html: await saved.text(),
        location: saved.headers.get("location") ?? "",
      };
    };
    const successor = await save("/admin/new/organisation", {
      kind: "gp-practice",
      name: "Synthetic Successor Practice",
      "valid.from": "2025-01-01",
      "provenance.sources": "synthetic",
      _reason: "Synthetic: the successor opens (test)",
    });
    expect(successor.status).toBe(303);
    const successorId = /(org_[0-9a-z]+)/.exec(successor.location)?.[1] ?? "";
    const succession = await save("/admin/new/succession", {
      kind: "transfer",
      predecessorIds: ids.practice2,
      successorIds: successorId,
      "valid.from": "2025-01-01",
      "provenance.sources": "synthetic",
      _reason: "Synthetic: the list transfers (test)",
    });
    expect(succession.status, succession.html.slice(0, 2000)).toBe(303);
    const history = await (await browser.request(`/admin/records/${ids.practice2}/history`)).text();
    expect(history).toContain("Synthetic: the list transfers (test)");
    expect(history).toContain("2025-01-01");
    const organisation = await (
      await browser.request(`/admin/organisations/${ids.practice2}`)
    ).text();
    expect(organisation).toContain("Synthetic Successor Practice");
  });

  it("refuses a change the rules forbid, before saving", async () => {
    const browser = client();
    await browser.signIn(accounts.editor);
    const { fields } = await editForm(browser, ids.team1);
    // A team may not point at a neighbourhood that does not exist.
    const response = await browser.request(
      `/admin/records/${ids.team1}/edit`,
      browser.form({
        ...fields,
        neighbourhoodId: "nbh_zzzzzzzzzzzz",
        _reason: "Synthetic test",
        _action: "check",
      }),
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("rule:");
  });
});

describe("mounted in a parent app (as the API mounts it)", () => {
  it("serves its pages and keeps its content security policy", async () => {
    const parent = new Hono();
    parent.use(
      secureHeaders({
        crossOriginResourcePolicy: "cross-origin",
        crossOriginEmbedderPolicy: false,
      }),
    );
    parent.all("/admin", (c) => harness.app.fetch(c.req.raw));
    parent.all("/admin/*", (c) => harness.app.fetch(c.req.raw));
    const redirect = await parent.request("/admin", { redirect: "manual" });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toMatch(/^\/admin\/sign-in/);
    const signIn = await parent.request("/admin/sign-in");
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await signIn.text()).toContain('action="/admin/sign-in"');
  });
});
