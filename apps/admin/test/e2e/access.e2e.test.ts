/**
 * End-to-end, the access pages: Chromium drives the real admin app (real services, PGlite,
 * `@care-atlas/auth`) through managing accounts, API keys and the audit trail, and a new
 * user setting their password with a one-time link. Every page visited is checked with
 * axe-core (no serious or critical violation), for content security policy violations and
 * for script errors; screenshots go to apps/admin/artifacts/.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, type Harness, password, startHarness } from "../harness.js";
import { syntheticSnapshot } from "../syntheticRegister.js";
import { type Audit, checkAccessibility, launch, newAudit, screenshot, watch } from "./browser.js";

let harness: Harness;
let browser: Browser;
const audit: Audit = newAudit();

beforeAll(async () => {
  harness = await startHarness({ snapshot: syntheticSnapshot(), onDisk: true, listen: true });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const base = () => `${harness.url}/admin`;

const session = async (): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  watch(page, audit);
  return { context, page };
};

const visit = async (page: Page, path: string): Promise<void> => {
  await page.goto(`${base()}${path}`);
  await checkAccessibility(page, audit);
};

const signIn = async (page: Page, email: string, secret = password): Promise<void> => {
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(secret);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${base()}/`);
};

let link = "";
const newEmail = "synthetic.newcomer@example.org";

describe("the access pages in a browser", () => {
  it("adds an account without a password, changes its role and issues a new link", async () => {
    const { context, page } = await session();
    await signIn(page, accounts.admin);
    // (The header's menu puts the last sections under "More" at this width.)
    await visit(page, "/users");
    await page.getByLabel("Email address").fill(newEmail);
    await page.getByLabel("Viewer: can browse the register").check();
    await page.getByRole("button", { name: "Add account" }).click();
    await expect
      .poll(() => page.locator("#one-time-secret").textContent())
      .toContain("/admin/set-password?token=");
    await checkAccessibility(page, audit);
    await screenshot(page, "users-link");

    await page.getByRole("link", { name: newEmail }).click();
    await page.waitForURL(/\/admin\/users\/usr_/);
    await checkAccessibility(page, audit);
    await page.getByLabel("Editor: can also change the register").check();
    await page.getByRole("button", { name: "Change role" }).click();
    await expect
      .poll(() => page.locator(".nhsuk-notification-banner").textContent())
      .toContain("is now an editor");
    await checkAccessibility(page, audit);
    await page.getByRole("button", { name: "Issue a password reset link" }).click();
    await expect.poll(() => page.locator("#one-time-secret").textContent()).toContain("token=");
    link = (await page.locator("#one-time-secret").textContent()) ?? "";
    await checkAccessibility(page, audit);
    await screenshot(page, "user");
    await context.close();
  });

  it("creates an API key (shown once) and revokes it", async () => {
    const { context, page } = await session();
    await signIn(page, accounts.admin);
    await visit(page, "/keys");
    await page.getByLabel("What the key is for").fill("Synthetic dashboard");
    await page.getByLabel(/^write:/).check();
    await page.getByRole("button", { name: "Create key" }).click();
    await expect
      .poll(() => page.locator("#one-time-secret").textContent())
      .toMatch(/^ca_[0-9a-z]{8}_[0-9a-z]{40}$/);
    await checkAccessibility(page, audit);
    await screenshot(page, "keys-created");
    const key = (await page.locator("#one-time-secret").textContent()) ?? "";
    expect((await harness.auth.verifyKey(key))?.scopes).toEqual(["read", "write"]);
    await page.getByRole("button", { name: `Revoke key ${key.slice(3, 11)}` }).click();
    await expect
      .poll(() => page.locator(".nhsuk-notification-banner").textContent())
      .toContain("was revoked");
    await checkAccessibility(page, audit);
    expect(await harness.auth.verifyKey(key)).toBeUndefined();
    await visit(page, "/audit");
    expect(await page.locator("main").textContent()).toContain("Revoked API key");
    await screenshot(page, "audit");
    await context.close();
  });

  it("sets a password with the one-time link, then signs in with it", async () => {
    const { context, page } = await session();
    const url = new URL(link);
    await visit(page, `${url.pathname.replace(/^\/admin/, "")}${url.search}`);
    expect(await page.locator("h1").textContent()).toBe("Set your password");
    await page.getByLabel("New password").fill("a synthetic new password");
    await page.getByLabel("Type it again").fill("not the same");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect
      .poll(() => page.locator(".nhsuk-error-summary").textContent())
      .toContain("Type the same password again");
    await checkAccessibility(page, audit);
    await screenshot(page, "set-password-error");
    await page.getByLabel("New password").fill("a synthetic new password");
    await page.getByLabel("Type it again").fill("a synthetic new password");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.waitForURL(/\/admin\/sign-in\?passwordSet=1/);
    await checkAccessibility(page, audit);
    expect(await page.locator("main").textContent()).toContain("Your password is set");
    await signIn(page, newEmail, "a synthetic new password");
    await checkAccessibility(page, audit);
    // The link worked once.
    await visit(page, `${url.pathname.replace(/^\/admin/, "")}${url.search}`);
    expect(await page.locator("h1").textContent()).toBe("This link does not work");
    await context.close();
  });

  it("found no serious or critical accessibility problem, no CSP violation and no script error", () => {
    expect(audit.pages.length).toBeGreaterThanOrEqual(12);
    expect(audit.problems).toEqual([]);
    expect(audit.cspViolations).toEqual([]);
    expect(audit.pageErrors).toEqual([]);
  });
});
