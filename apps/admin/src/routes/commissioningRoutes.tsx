/**
 * @module commissioningRoutes
 * The commissioning register and the strategy.
 */
import { IsoDate } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import {
  CommissioningPage,
  DecisionsPage,
  PooledBudgetPage,
} from "../views/pages/CommissioningPages.js";
import { type StrategyLink, StrategyPage } from "../views/pages/StrategyPage.js";
import type { PageDeps } from "./PageDeps.js";
import { pageQuery, pageStatus } from "./PageQuery.js";
import { shownVersion } from "./Versions.js";

/** Registers the commissioning and strategy routes. */
export const registerCommissioningRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime } = deps;

  app.get("/commissioning", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const bodies = yield* register.listAll("governanceBody", {
          validAt: q.validAt,
          filter: { commissions: true },
        });
        const budgets = yield* register.listAll("pooledBudget", { validAt: q.validAt });
        // Decisions are dated by the day they are taken: all of them, whatever the date.
        const decisions = yield* register.listAll("decision", { ever: true });
        const directory = yield* register.directory();
        return {
          bodies: bodies.items,
          budgets: budgets.items,
          decisions: decisions.items,
          directory,
        };
      }),
    );
    return page(
      c,
      <CommissioningPage
        ctx={c.get("view")}
        data={{
          ...q,
          bodies: [...data.bodies].sort((a, b) => a.name.localeCompare(b.name)),
          budgets: [...data.budgets].sort((a, b) => a.name.localeCompare(b.name)),
          decisions: {
            count: data.decisions.length,
            totalPence: data.decisions.reduce((s, d) => s + d.valuePence, 0),
          },
          name: (id) => data.directory.name(id, q.validAt),
        }}
      />,
      pageStatus(q),
    );
  });

  app.get("/commissioning/budgets/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const { versions } = yield* register.getVersions("pooledBudget", id);
        const decisions = yield* register.listAll("decision", {
          ever: true,
          filter: { pooledBudgetId: id },
        });
        const directory = yield* register.directory();
        return { versions, decisions: decisions.items, directory };
      }),
    );
    const { version: budget, validOnDate } = shownVersion(data.versions, q.validAt);
    return page(
      c,
      <PooledBudgetPage
        ctx={c.get("view")}
        data={{
          ...q,
          budget,
          versions: data.versions,
          validOnDate,
          decisions: [...data.decisions].sort((a, b) => b.date.localeCompare(a.date)),
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
      pageStatus(q),
    );
  });

  app.get("/commissioning/decisions", async (c) => {
    const errors: { field: string; message: string }[] = [];
    const dateFilter = (field: "from" | "to"): string | undefined => {
      const raw = c.req.query(field)?.trim();
      if (raw === undefined || raw === "") return undefined;
      if (!IsoDate.safeParse(raw).success) {
        errors.push({ field, message: "Enter a real date, for example 2019-04-01" });
        return undefined;
      }
      return raw;
    };
    const filters = {
      body: c.req.query("body") || undefined,
      serviceArea: c.req.query("serviceArea") || undefined,
      from: dateFilter("from"),
      to: dateFilter("to"),
    };
    const data = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const all = yield* register.listAll("decision", { ever: true });
        const directory = yield* register.directory();
        return { all: all.items, directory };
      }),
    );
    const bodyIds = new Set(data.all.map((d) => d.bodyId));
    const decisions = data.all
      .filter(
        (d) =>
          (filters.body === undefined || d.bodyId === filters.body) &&
          (filters.serviceArea === undefined || d.serviceArea === filters.serviceArea) &&
          (filters.from === undefined || d.date >= filters.from) &&
          (filters.to === undefined || d.date < filters.to),
      )
      .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
    return page(
      c,
      <DecisionsPage
        ctx={c.get("view")}
        data={{
          decisions,
          bodies: [...bodyIds]
            .map((id) => ({ value: id, text: data.directory.name(id) }))
            .sort((a, b) => a.text.localeCompare(b.text)),
          serviceAreas: [...new Set(data.all.map((d) => d.serviceArea))].sort(),
          filters,
          errors,
          name: (id) => data.directory.name(id),
        }}
      />,
      errors.length === 0 ? 200 : 400,
    );
  });

  app.get("/strategy", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const onDate = { validAt: q.validAt };
        const elements = yield* register.listAll("strategyElement", onDate);
        const collaboratives = yield* register.listAll("collaborative", onDate);
        const teams = yield* register.listAll("team", onDate);
        const budgets = yield* register.listAll("pooledBudget", onDate);
        const decisions = yield* register.listAll("decision", { ever: true });
        return {
          elements: elements.items,
          collaboratives: collaboratives.items,
          teams: teams.items,
          budgets: budgets.items,
          decisions: decisions.items,
        };
      }),
    );
    const links = new Map<string, StrategyLink[]>();
    const add = (target: string, link: StrategyLink) => {
      const list = links.get(target);
      if (list === undefined) links.set(target, [link]);
      else list.push(link);
    };
    for (const x of data.collaboratives)
      for (const s of x.strategyLinks) add(s, { id: x.id, name: x.name, kind: "collaborative" });
    for (const x of data.teams)
      for (const s of x.strategyLinks)
        add(s, { id: x.id, name: x.name, kind: "neighbourhood team" });
    for (const x of data.budgets)
      for (const s of x.strategyLinks) add(s, { id: x.id, name: x.name, kind: "pooled budget" });
    for (const x of data.decisions)
      for (const s of x.strategyLinks) add(s, { id: x.id, name: x.title, kind: "decision" });
    return page(
      c,
      <StrategyPage ctx={c.get("view")} data={{ ...q, elements: data.elements, links }} />,
      pageStatus(q),
    );
  });
};
