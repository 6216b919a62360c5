/**
 * @module commissioningRoutes
 * The commissioning register and the strategy.
 */
import { IsoDate } from "@care-atlas/domain";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { readRegister } from "../http/RegisterCall.js";
import { page } from "../http/Render.js";
import {
  CommissioningPage,
  DecisionsPage,
  PooledBudgetPage,
} from "../views/pages/CommissioningPages.js";
import { type StrategyLink, StrategyPage } from "../views/pages/StrategyPage.js";
import type { PageDeps } from "./PageDeps.js";
import { listAll, names, pageQuery } from "./Reads.js";
import { shownVersion, versionsOf } from "./Versions.js";

/** Registers the commissioning and strategy routes. */
export const registerCommissioningRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime } = deps;

  app.get("/commissioning", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const bodies = yield* listAll(register, "governanceBody", {
          validAt: q.validAt,
          filter: (b) => b.commissions,
        });
        const budgets = yield* listAll(register, "pooledBudget", { validAt: q.validAt });
        // Decisions are valid from the day they are taken: read them as of the far future.
        const decisions = yield* listAll(register, "decision", { validAt: "9999-12-31" });
        const directory = yield* names(register);
        return { bodies, budgets, decisions, directory };
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
      q.validAtError === undefined ? 200 : 400,
    );
  });

  app.get("/commissioning/budgets/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const versions = yield* versionsOf(register, "pooledBudget", id, q.validAt);
        const decisions = yield* listAll(register, "decision", {
          validAt: "9999-12-31",
          filter: (d) => d.pooledBudgetId === id,
        });
        const directory = yield* names(register);
        return { versions, decisions, directory };
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
      q.validAtError === undefined ? 200 : 400,
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
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const all = yield* listAll(register, "decision", { validAt: "9999-12-31" });
        const bodies = yield* listAll(register, "governanceBody", { validAt: "9999-12-31" });
        const directory = yield* names(register);
        return { all, bodies, directory };
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
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const elements = yield* listAll(register, "strategyElement", { validAt: q.validAt });
        const collaboratives = yield* listAll(register, "collaborative", { validAt: q.validAt });
        const teams = yield* listAll(register, "team", { validAt: q.validAt });
        const budgets = yield* listAll(register, "pooledBudget", { validAt: q.validAt });
        const decisions = yield* listAll(register, "decision", { validAt: "9999-12-31" });
        return { elements, collaboratives, teams, budgets, decisions };
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
      q.validAtError === undefined ? 200 : 400,
    );
  });
};
