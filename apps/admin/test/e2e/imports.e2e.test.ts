/**
 * End-to-end, the import page: Chromium drives the real admin app (real services, PGlite)
 * from an empty register through importing real ODS files — NHS England's trust file, then
 * its successor table — uploading each, reading the plan, applying it, and finding it in
 * the imported files (with its SHA-256) and in the changes. A file of the wrong layout is
 * refused. Every page visited is checked with axe-core (no serious or critical violation),
 * for content security policy violations and for script errors.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emptySnapshot } from "@care-atlas/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, type Harness, password, startHarness } from "../harness.js";
import { type Audit, checkAccessibility, launch, newAudit, screenshot, watch } from "./browser.js";

const raw = join(import.meta.dirname, "../../../../packages/data/raw/nhs_organisations");
const etr = join(raw, "gm_nhs_trusts_ods_etr.csv");
const successors = join(raw, "ods_successions_england_2022-09.csv");
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

let harness: Harness;
let browser: Browser;
let page: Page;
const audit: Audit = newAudit();

beforeAll(async () => {
  harness = await startHarness({ snapshot: emptySnapshot(), onDisk: true, listen: true });
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  page = await context.newPage();
  watch(page, audit);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const base = () => `${harness.url}/admin`;

const main = async () => (await page.locator("main").textContent()) ?? "";

const uploadFile = async (path: string, layout: string, date: string) => {
  await page.goto(`${base()}/imports`);
  await checkAccessibility(page, audit);
  await page.getByLabel("The file", { exact: true }).setInputFiles(path);
  await page.getByLabel("What the file is").selectOption({ label: layout });
  await page.getByLabel("The date the file describes").fill(date);
  await page.getByRole("button", { name: "See what it would change" }).click();
  await page.waitForLoadState("load");
  await checkAccessibility(page, audit);
};

describe("importing files in a browser", () => {
  it("signs in as an admin and finds Imports in the navigation", async () => {
    await page.goto(`${base()}/sign-in`);
    await page.getByLabel("Email address").fill(accounts.admin);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base()}/`);
    const link = page.locator(`header a[href="/admin/imports"]`);
    expect(await link.count()).toBeGreaterThan(0);
    await page.goto(`${base()}/imports`);
    await checkAccessibility(page, audit);
    expect(await main()).toContain("No file has been imported yet.");
  });

  it("refuses a file of the wrong layout, naming the missing column", async () => {
    await uploadFile(
      etr,
      "ONS postcode directory (ONSPD, NSPL or an extract of one)",
      "2025-12-01",
    );
    expect(await page.locator(".nhsuk-error-summary").textContent()).toMatch(
      /The file: Not a postcode directory.*lsoa21/,
    );
    await screenshot(page, "imports-wrong-layout");
  });

  it("uploads etr.csv, sees the plan, applies it; the history shows the file with its source", async () => {
    await uploadFile(etr, "ODS NHS trusts (etr.csv)", "2025-12-01");
    expect(await page.locator("h1").textContent()).toBe(
      "What importing gm_nhs_trusts_ods_etr.csv would change",
    );
    const trusts = readFileSync(etr, "utf8").trim().split("\n").length - 1;
    expect(await main()).toContain(`Created: the first 5 of ${trusts}`);
    expect(await main()).toContain("MANCHESTER UNIVERSITY NHS FOUNDATION TRUST");
    await screenshot(page, "imports-plan");
    await page.getByRole("button", { name: "Apply the import" }).click();
    await page.waitForLoadState("load");
    await checkAccessibility(page, audit);
    expect(await page.locator(".nhsuk-notification-banner").textContent()).toContain(
      "gm_nhs_trusts_ods_etr.csv was imported",
    );
    await screenshot(page, "imports-result");

    await page.getByRole("link", { name: "the imported files" }).click();
    await page.waitForLoadState("load");
    await checkAccessibility(page, audit);
    const history = await main();
    expect(history).toContain("gm_nhs_trusts_ods_etr.csv");
    expect(history).toContain(sha256(etr));
    expect(history).toContain(`ods-etr-2025-12-01-${sha256(etr).slice(0, 8)}`);
  });

  it("imports the successor table on top, and the changes say which file each came from", async () => {
    await uploadFile(
      successors,
      "ODS successor organisations (succ.csv, or the three-column table)",
      "2022-09-26",
    );
    expect(await main()).toContain("REX");
    await page.getByRole("button", { name: "Apply the import" }).click();
    await page.waitForLoadState("load");
    await checkAccessibility(page, audit);
    expect(await main()).toContain("ods_successions_england_2022-09.csv was imported");

    await page.goto(`${base()}/imports`);
    await checkAccessibility(page, audit);
    expect(await main()).toContain(sha256(successors));
    await screenshot(page, "imports-history");

    await page.goto(`${base()}/changes`);
    await checkAccessibility(page, audit);
    expect(await main()).toContain("import of ods_successions_england_2022-09.csv");
  });

  it("found no serious or critical accessibility problem, no CSP violation and no script error", () => {
    expect(audit.pages.length).toBeGreaterThanOrEqual(10);
    expect(audit.problems).toEqual([]);
    expect(audit.cspViolations).toEqual([]);
    expect(audit.pageErrors).toEqual([]);
  });
});
