/**
 * Integration tests of the admin app over the real services and PGlite (in memory), with
 * the synthetic register: HTTP in, HTML out, through `app.request`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/** A cookie jar for one browser-like client. */
const client = () => {
  const jar = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await harness.app.request(path, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name === undefined) continue;
      if (/max-age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value.join("="));
    }
    return response;
  };
  const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const signIn = async (email: string) => {
    const page = await request("/admin/sign-in");
    const token = csrfOf(await page.text());
    return request("/admin/sign-in", form({ _csrf: token, email, password, next: "/admin/" }));
  };
  return { jar, request, csrfOf, form, signIn };
};

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
    expect(then).toContain("Synthetic Old Town");
    expect(now).not.toContain("Synthetic Old Town");
    expect(now).toContain("Synthetic West");
  });

  it("shows a neighbourhood with its map and versions", async () => {
    const browser = client();
    await browser.signIn(accounts.viewer);
    const response = await browser.request(`/admin/neighbourhoods/${ids.north}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Synthetic North");
    expect(html).toContain("Synthetic North INT");
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
