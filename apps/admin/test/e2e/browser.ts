/**
 * The browser side of the end-to-end tests: Debian's Chromium through playwright-core,
 * axe-core run on every page visited (serious and critical violations collected), content
 * security policy violations collected from the console, and full-page screenshots written
 * to `apps/admin/artifacts/` (gitignored).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { readEnv } from "../../src/env.js";

export const artifactsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "artifacts");

/** Launches Debian's Chromium (or `CHROMIUM_PATH`). */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: readEnv().CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** An accessibility problem axe found. */
export interface AxeProblem {
  readonly page: string;
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: ReadonlyArray<string>;
}

/** What the audit collected over a test run. */
export interface Audit {
  readonly pages: string[];
  readonly problems: AxeProblem[];
  readonly cspViolations: string[];
  readonly pageErrors: string[];
}

export const newAudit = (): Audit => ({
  pages: [],
  problems: [],
  cspViolations: [],
  pageErrors: [],
});

/** Listens for console CSP reports and script errors on a page. */
export const watch = (page: Page, audit: Audit): void => {
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) audit.cspViolations.push(message.text());
  });
  page.on("pageerror", (error) => audit.pageErrors.push(String(error)));
};

/**
 * Runs axe-core on the current page (injected through the DevTools protocol, which the
 * page's content security policy does not govern) and records serious and critical
 * violations.
 */
export const checkAccessibility = async (page: Page, audit: Audit): Promise<void> => {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  const url = new URL(page.url());
  audit.pages.push(`${url.pathname}${url.search}`);
  for (const v of violations) {
    if (v.impact === "serious" || v.impact === "critical")
      audit.problems.push({ page: url.pathname, ...v });
  }
};

/** Saves a full-page screenshot as `artifacts/<name>.png`. */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
};
