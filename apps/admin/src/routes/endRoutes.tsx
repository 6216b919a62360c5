/**
 * @module endRoutes
 * Ending a record on a date (editors and admins only): nothing of it is valid from that day
 * on, and every relationship it is part of ends with it (the services' `endEntity`, through
 * `saveChange`). Its history is kept.
 */
import { displayName, type EntityKind, IsoDate, kindOfId } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type EditorEnv, requireEditor } from "../http/Access.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { fieldText } from "../http/FormBody.js";
import { page, seeOther } from "../http/Render.js";
import { outcomeOf, serviceErrorReport } from "../http/ServiceErrorPage.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import { type EndData, EndPage } from "../views/pages/RecordPages.js";
import type { PageDeps } from "./PageDeps.js";
import { lostRevision, revisionOf } from "./RecordForm.js";

/** The fields of the end form an issue's path names. */
const fieldIds: Readonly<Record<string, string>> = { date: "date", "meta.reason": "reason" };

/** Registers the end routes. */
export const registerEndRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime, paths } = deps;

  /** The record to end: its kind, name and revision now. */
  const endContext = async (kind: EntityKind, id: string) => {
    const read = await runVerb(runtime, (register) => register.getVersions(kind, id));
    const last = read.versions.at(-1);
    return {
      kind,
      id,
      title: last === undefined ? id : displayName(last),
      revision: read.revision ?? undefined,
    };
  };

  const endPage = (c: Context<EditorEnv>, data: EndData, status: ContentfulStatusCode = 200) =>
    page(c, <EndPage ctx={c.get("view")} data={data} />, status);

  app.get("/records/:id/end", requireEditor, async (c) => {
    const id = c.req.param("id");
    const kind = kindOfId(id);
    if (kind === undefined) return c.notFound();
    const read = await endContext(kind, id);
    return endPage(c, { ...read, date: "", reason: "", errors: [], conflict: undefined });
  });

  app.post("/records/:id/end", requireEditor, async (c) => {
    const id = c.req.param("id");
    const kind = kindOfId(id);
    if (kind === undefined) return c.notFound();
    const read = await endContext(kind, id);
    const body = await c.req.parseBody({ all: true });
    const date = fieldText(body.date).trim();
    const reason = fieldText(body._reason).trim();
    const revision = revisionOf(body._revision);
    const again = (
      errors: ReadonlyArray<FieldError>,
      conflict: string | undefined,
      status: ContentfulStatusCode,
    ) => endPage(c, { ...read, revision, date, reason, errors, conflict }, status);

    const errors: FieldError[] = [];
    if (!IsoDate.safeParse(date).success)
      errors.push({ fieldId: "date", message: "Enter a real date, for example 2024-04-01" });
    if (reason === "")
      errors.push({ fieldId: "reason", message: "Enter the reason for this change" });
    if (errors.length > 0) return again(errors, undefined, 400);

    const saved =
      revision === undefined
        ? { ok: false as const, error: lostRevision() }
        : await outcomeOf(
            runVerb(runtime, (register) =>
              register.saveChange(
                { operation: "end", kind, id, date, expectedRevision: revision },
                { actor: c.get("editor").email, reason },
              ),
            ),
          );
    if (saved.ok)
      return seeOther(c, paths.history(id, { saved: saved.value.changes.at(-1)?.seq ?? "none" }));
    const report = serviceErrorReport(saved.error);
    if (report.retryAfterSeconds !== undefined) {
      c.header("Retry-After", String(report.retryAfterSeconds));
    }
    return again(
      [
        ...report.fields.map((issue) => ({
          fieldId: fieldIds[issue.path],
          message: issue.message,
        })),
        ...(report.reason === undefined ? [] : [{ fieldId: "reason", message: report.reason }]),
        ...report.summary,
      ],
      report.conflict,
      report.status,
    );
  });
};
