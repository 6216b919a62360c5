/**
 * @module hierarchyRoutes
 * The structure of the system on a date: system → places → neighbourhoods (of one scheme,
 * or all) → teams.
 */
import { type RegisterShape, runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import { HierarchyPage } from "../views/pages/HierarchyPage.js";
import type { PageDeps } from "./PageDeps.js";
import { pageQuery, pageStatus } from "./PageQuery.js";

/** The neighbourhood schemes valid on a date, as choices by name. */
export const schemeOptions = (register: RegisterShape, validAt: string) =>
  Effect.map(register.listAll("neighbourhoodScheme", { validAt }), (read) =>
    read.items
      .map((s) => ({ value: s.id, text: s.name }))
      .sort((a, b) => a.text.localeCompare(b.text)),
  );

/** Registers the hierarchy page. */
export const registerHierarchyRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  app.get("/hierarchy", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const requested = c.req.query("scheme") || undefined;
    const data = await runVerb(deps.runtime, (register) =>
      Effect.gen(function* () {
        const schemes = yield* schemeOptions(register, q.validAt);
        const schemeId =
          requested !== undefined && schemes.some((s) => s.value === requested)
            ? requested
            : undefined;
        const read = yield* register.hierarchy({ validAt: q.validAt, schemeId });
        return { schemes, schemeId, hierarchy: read.hierarchy };
      }),
    );
    return page(c, <HierarchyPage ctx={c.get("view")} data={{ ...q, ...data }} />, pageStatus(q));
  });
};
