/**
 * @module findingsRoutes
 * Every open rule finding of the register, filtered by rule and severity.
 */
import { ruleCatalogue } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import { FindingsPage } from "../views/pages/FindingsPage.js";
import type { PageDeps } from "./PageDeps.js";

/** The most findings the page lists. */
const shownFindings = 500;

/** Registers the findings page. */
export const registerFindingsRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  app.get("/findings", async (c) => {
    const rule = c.req.query("rule") || undefined;
    const severity = c.req.query("severity") || undefined;
    const data = await runVerb(deps.runtime, (register) =>
      Effect.all({ rules: register.checkRules(), directory: register.directory() }),
    );
    const findings = data.rules.findings.filter(
      (f) =>
        (rule === undefined || f.rule === rule) &&
        (severity === undefined || f.severity === severity),
    );
    return page(
      c,
      <FindingsPage
        ctx={c.get("view")}
        data={{
          findings,
          total: findings.length,
          rules: ruleCatalogue.map((r) => ({ value: r.id, text: r.title })),
          rule,
          severity,
          name: (id) => data.directory.name(id),
          limit: shownFindings,
        }}
      />,
    );
  });
};
