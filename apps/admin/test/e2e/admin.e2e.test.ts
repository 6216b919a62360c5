/**
 * End-to-end: Chromium drives the real admin app over the real services and a PGlite
 * database (in a temporary directory) holding the Greater Manchester dataset, imported
 * through the services. Every page visited is checked with axe-core (no serious or
 * critical violation) and for content security policy violations; the main pages are
 * saved as screenshots in apps/admin/artifacts/.
 */
import { loadSnapshot } from "@care-atlas/data";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, type Harness, password, startHarness } from "../harness.js";
import { type Audit, checkAccessibility, launch, newAudit, screenshot, watch } from "./browser.js";

let harness: Harness;
let browser: Browser;
const audit: Audit = newAudit();

beforeAll(async () => {
  harness = await startHarness({ snapshot: loadSnapshot(), onDisk: true, listen: true });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const base = () => `${harness.url}/admin`;

/** A fresh browser session (its own cookies). */
const session = async (): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  watch(page, audit);
  return { context, page };
};

/** Opens a URL and audits the page. */
const visit = async (page: Page, path: string): Promise<void> => {
  await page.goto(`${base()}${path}`);
  await checkAccessibility(page, audit);
};

const signIn = async (page: Page, email: string): Promise<void> => {
  await visit(page, "/");
  expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${base()}/`);
  await checkAccessibility(page, audit);
};

describe("the admin app in a browser", () => {
  it("signs in, and shows the wrong-password error in the error summary first", async () => {
    const { context, page } = await session();
    await visit(page, "/sign-in");
    await screenshot(page, "sign-in");
    await page.getByLabel("Email address").fill(accounts.editor);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.locator(".nhsuk-error-summary").textContent())
      .toContain("Enter a correct email address and password");
    await checkAccessibility(page, audit);
    await screenshot(page, "sign-in-error");
    await signIn(page, accounts.editor);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Care Atlas dashboard");
    await screenshot(page, "dashboard");
    await context.close();
  });

  it("browses to a neighbourhood, then changes the date and sees an earlier structure", async () => {
    const { context, page } = await session();
    await signIn(page, accounts.viewer);
    await page.getByRole("link", { name: "Hierarchy" }).first().click();
    await page.waitForURL(/\/admin\/hierarchy$/);
    await checkAccessibility(page, audit);
    await screenshot(page, "hierarchy");
    const today = await page.locator("#hierarchy-date").textContent();
    expect(await page.locator("main h2").first().textContent()).toContain(
      "GM Integrated Care Partnership",
    );

    // Into a neighbourhood.
    const neighbourhood = page.locator('main a[href*="/admin/neighbourhoods/"]').first();
    const name = (await neighbourhood.textContent()) ?? "";
    await neighbourhood.click();
    await page.waitForURL(/\/admin\/neighbourhoods\//);
    await checkAccessibility(page, audit);
    expect(await page.locator("h1").textContent()).toBe(name);
    await screenshot(page, "neighbourhood");

    // Back to the hierarchy, as it was on 1 June 2016: before the integrated care
    // partnership, and before any neighbourhood in the register.
    await visit(page, "/hierarchy");
    await page.getByLabel("Show as it was on").fill("2016-06-01");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/validAt=2016-06-01/);
    await checkAccessibility(page, audit);
    await screenshot(page, "hierarchy-2016");
    const then = await page.locator("#hierarchy-date").textContent();
    expect(then).toContain("1 June 2016");
    expect(then).toContain("0 neighbourhoods");
    expect(then).not.toBe(today);
    expect(await page.locator("main h2").first().textContent()).toContain("Greater Manchester");
    expect(await page.locator("main").textContent()).not.toContain(
      "GM Integrated Care Partnership",
    );

    // The same neighbourhood page on an earlier date says it did not exist yet.
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/\/admin\/neighbourhoods\//);
    await page.getByLabel("Show as it was on").fill("2018-01-01");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/validAt=2018-01-01/);
    await checkAccessibility(page, audit);
    expect(await page.locator(".nhsuk-inset-text").first().textContent()).toContain(
      "not valid on 1 January 2018",
    );
    await context.close();
  });

  it("visits the other main pages", async () => {
    const { context, page } = await session();
    await signIn(page, accounts.viewer);
    const pages: Array<[string, string]> = [
      ["/map", "map"],
      ["/organisations?q=manchester", "organisations"],
      ["/collaboratives", "collaboratives"],
      ["/commissioning", "commissioning"],
      ["/commissioning/decisions", "decisions"],
      ["/strategy", "strategy"],
      ["/findings", "findings"],
      ["/changes", "changes"],
    ];
    for (const [path, name] of pages) {
      await visit(page, path);
      expect(await page.locator("h1").count(), path).toBe(1);
      await screenshot(page, name);
    }
    // A place page, with its map.
    await visit(page, "/hierarchy");
    await page.locator('main a[href*="/admin/places/"]', { hasText: "Trafford" }).first().click();
    await page.waitForURL(/\/admin\/places\//);
    await checkAccessibility(page, audit);
    expect(await page.locator("svg.app-map").count()).toBe(1);
    await screenshot(page, "place");
    await context.close();
  });

  it("edits an organisation: an invalid value is refused in the error summary, a valid one is saved and in the history with its reason", async () => {
    const { context, page } = await session();
    await signIn(page, accounts.editor);
    await page.getByLabel("Search organisations by name or code").fill("R0A");
    await page.getByRole("button", { name: "Search" }).first().click();
    await checkAccessibility(page, audit);
    await page.locator("main table a").first().click();
    await page.waitForURL(/\/admin\/organisations\/org_/);
    await checkAccessibility(page, audit);
    await screenshot(page, "organisation");
    const original = (await page.locator("h1").textContent()) ?? "";
    await page.getByRole("link", { name: `Edit ${original}` }).click();
    await page.waitForURL(/\/edit/);
    await checkAccessibility(page, audit);

    // Invalid: an empty name and a malformed code.
    await page.locator("#f-name").fill("");
    await page.locator("#f-codes-0-value").fill("not a code");
    await page.getByLabel("Reason for the change").fill("Synthetic end-to-end test edit");
    await page.getByRole("button", { name: "Check changes" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await expect.poll(() => summary.textContent()).toContain("There is a problem");
    expect(await summary.locator('a[href="#f-name"]').count()).toBe(1);
    expect(await summary.locator('a[href="#f-codes-0-value"]').count()).toBe(1);
    expect(await page.title()).toMatch(/^Error: /);
    await checkAccessibility(page, audit);
    await screenshot(page, "edit-errors");
    // The summary's link takes the user to the field.
    await summary.locator('a[href="#f-name"]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-name");

    // Valid: a new name, checked, then saved.
    const renamed = `${original} (end-to-end test)`;
    await page.locator("#f-name").fill(renamed);
    await page.locator("#f-codes-0-value").fill("R0A");
    await page.getByRole("button", { name: "Check changes" }).click();
    await page.getByRole("button", { name: "Save changes" }).waitFor();
    await checkAccessibility(page, audit);
    await screenshot(page, "edit-checked");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/\/history\?saved=/);
    await checkAccessibility(page, audit);
    await screenshot(page, "history");
    const history = (await page.locator("main").textContent()) ?? "";
    expect(history).toContain("Your change was saved");
    expect(history).toContain("Synthetic end-to-end test edit");
    expect(history).toContain(accounts.editor);
    expect(history).toContain(renamed);
    await context.close();
  });

  it("refuses a form posted without its CSRF token", async () => {
    const { context, page } = await session();
    await signIn(page, accounts.editor);
    // Remove the token from the sign-out form, then send it.
    await page.evaluate(() => {
      for (const input of document.querySelectorAll('input[name="_csrf"]')) input.remove();
    });
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("This form could not be sent");
    await checkAccessibility(page, audit);
    await screenshot(page, "csrf-refused");
    // Still signed in: the refused form changed nothing.
    await visit(page, "/");
    expect(await page.locator("h1").textContent()).toBe("Care Atlas dashboard");
    await context.close();
  });

  it("does not let a viewer edit", async () => {
    const { context, page } = await session();
    await signIn(page, accounts.viewer);
    await visit(page, "/organisations?q=R0A");
    await page.locator("main table a").first().click();
    await page.waitForURL(/\/admin\/organisations\/org_/);
    await checkAccessibility(page, audit);
    expect(await page.getByRole("link", { name: /^Edit / }).count()).toBe(0);
    const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const response = await page.goto(`${base()}/records/${id}/edit`);
    expect(response?.status()).toBe(403);
    await checkAccessibility(page, audit);
    expect(await page.locator("h1").textContent()).toBe("You cannot change the register");
    await context.close();
  });

  it("signs out", async () => {
    const { context, page } = await session();
    await signIn(page, accounts.admin);
    await visit(page, "/users");
    await screenshot(page, "users");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/admin\/sign-in\?signedOut=1/);
    await checkAccessibility(page, audit);
    expect(await page.locator("main").textContent()).toContain("You have signed out");
    await page.goto(`${base()}/`);
    expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
    await context.close();
  });

  it("found no serious or critical accessibility problem, no CSP violation and no script error", () => {
    expect(audit.pages.length).toBeGreaterThan(25);
    expect(audit.problems).toEqual([]);
    expect(audit.cspViolations).toEqual([]);
    expect(audit.pageErrors).toEqual([]);
  });
});
