/**
 * @module dashboardRoutes
 * The dashboard: how many records of each kind are valid today, the open rule findings by
 * rule, and the latest changes.
 */
import { type EntityKind, entityKinds, ruleCatalogue } from "@care-atlas/domain";
import { describeReferenceChange, runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import type { Paths } from "../Paths.js";
import { DashboardPage, type RuleFindings } from "../views/pages/DashboardPage.js";
import type { PageDeps } from "./PageDeps.js";

/** Counted on the dashboard, in this order. */
const dashboardKinds: ReadonlyArray<EntityKind> = entityKinds.filter((k) => k !== "relationship");

/** Where the count of a kind links to. */
const linkOf = (paths: Paths, kind: EntityKind): string => {
  switch (kind) {
    case "organisation":
      return paths.organisations();
    case "collaborative":
      return paths.collaboratives();
    case "pooledBudget":
    case "decision":
    case "governanceBody":
      return paths.commissioning();
    case "strategyElement":
      return paths.strategy();
    case "place":
    case "system":
    case "neighbourhood":
    case "neighbourhoodScheme":
    case "team":
      return paths.hierarchy();
    default:
      return paths.changes();
  }
};

/** Registers the dashboard. */
export const registerDashboardRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime, paths } = deps;

  app.get("/", async (c) => {
    const validAt = deps.today();
    const data = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const counts = yield* Effect.forEach(dashboardKinds, (kind) =>
          Effect.map(register.listAll(kind, { validAt }), (read) => ({
            kind,
            count: read.items.length,
            href: linkOf(paths, kind),
          })),
        );
        const rules = yield* register.checkRules();
        const version = yield* register.dataVersion;
        const recent = yield* register.changes({ after: Math.max(0, version - 5), limit: 5 });
        const directory = yield* register.directory();
        return { counts, rules, recent, directory };
      }),
    );
    const byRule: RuleFindings[] = [];
    for (const rule of ruleCatalogue) {
      const findings = data.rules.findings.filter((f) => f.rule === rule.id);
      if (findings.length > 0) {
        byRule.push({ rule: rule.id, title: rule.title, severity: rule.severity, findings });
      }
    }
    byRule.sort((a, b) => Number(a.severity === "warning") - Number(b.severity === "warning"));
    return page(
      c,
      <DashboardPage
        ctx={c.get("view")}
        data={{
          validAt,
          counts: data.counts,
          rules: byRule,
          errors: data.rules.errors,
          warnings: data.rules.warnings,
          recent: [...data.recent.changes].reverse().map((change) => ({
            seq: change.seq,
            recordedAt: change.recordedAt,
            actor: change.actor,
            reason: change.reason,
            operation: change.operation,
            id: change.kind === "reference" ? null : change.id,
            name:
              change.kind === "reference"
                ? `Reference data: ${describeReferenceChange(change)}`
                : data.directory.name(change.id),
          })),
          name: (id) => data.directory.name(id),
        }}
      />,
    );
  });
};
