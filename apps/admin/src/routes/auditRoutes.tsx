/**
 * @module auditRoutes
 * The audit trail of access for admins, newest first, 100 events a page.
 */
import type { Hono } from "hono";
import { requireAdmin } from "../http/Access.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import { AuditPage } from "../views/pages/AuditPage.js";
import type { PageDeps } from "./PageDeps.js";

const pageSize = 100;

/** Registers the audit route. */
export const registerAuditRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  app.use("/audit", requireAdmin);

  app.get("/audit", async (c) => {
    const before = c.req.query("before");
    const beforeId = before !== undefined && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
    const events = await deps.auth.listEvents({
      limit: pageSize,
      ...(beforeId === undefined ? {} : { beforeId }),
    });
    const last = events.at(-1);
    return page(
      c,
      <AuditPage
        ctx={c.get("view")}
        data={{
          events,
          older:
            events.length === pageSize && last !== undefined
              ? deps.paths.audit({ before: last.id })
              : undefined,
        }}
      />,
    );
  });
};
