/**
 * @module recordRoutes
 * Any record by id (every field), its history (who, when, why, and a field-level diff of
 * each change), and the register's recent changes.
 */
import { diffHistories, displayName, kindOfId } from "@care-atlas/domain";
import { describeReferenceChange, runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import { formFields } from "../forms/FormModel.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import { hrefOf } from "../views/components/Links.js";
import { ChangesPage, HistoryPage, RecordPage } from "../views/pages/RecordPages.js";
import type { PageDeps } from "./PageDeps.js";
import { pageQuery } from "./PageQuery.js";
import { shownVersion } from "./Versions.js";

const changesPerPage = 50;

/** Registers the record, history and changes routes. */
export const registerRecordRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime, paths } = deps;

  app.get("/records/:id", async (c) => {
    const id = c.req.param("id");
    const kind = kindOfId(id);
    if (kind === undefined) return c.notFound();
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(runtime, (register) =>
      Effect.all({ read: register.getVersions(kind, id), directory: register.directory() }),
    );
    const { versions, revision } = data.read;
    const { version, validOnDate } = shownVersion(versions, q.validAt);
    return page(
      c,
      <RecordPage
        ctx={c.get("view")}
        data={{
          ...q,
          kind,
          version,
          versions,
          validOnDate,
          fields: formFields(kind),
          revision,
          title: displayName(version),
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
    );
  });

  app.get("/records/:id/history", async (c) => {
    const id = c.req.param("id");
    const kind = kindOfId(id);
    if (kind === undefined) return c.notFound();
    const data = await runVerb(runtime, (register) =>
      Effect.all({ history: register.history(id), directory: register.directory() }),
    );
    const saved = Number(c.req.query("saved"));
    const title = data.directory.name(id);
    return page(
      c,
      <HistoryPage
        ctx={c.get("view")}
        data={{
          kind,
          id,
          title,
          entries: [...data.history.changes].sort((a, b) => b.seq - a.seq),
          saved: Number.isInteger(saved) && saved > 0 ? saved : undefined,
          breadcrumbs: [{ text: title, href: hrefOf(paths, id) }],
        }}
      />,
    );
  });

  app.get("/changes", async (c) => {
    const before = Number(c.req.query("before"));
    const data = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const last = yield* register.dataVersion;
        const end = Number.isInteger(before) && before > 0 ? Math.min(before - 1, last) : last;
        const start = Math.max(0, end - changesPerPage);
        const read = yield* register.changes({ after: start, limit: end - start || 1 });
        const directory = yield* register.directory();
        return { last, start, end, changes: read.changes.filter((ch) => ch.seq <= end), directory };
      }),
    );
    const rows = [...data.changes]
      .sort((a, b) => b.seq - a.seq)
      .map((change) => ({
        seq: change.seq,
        recordedAt: change.recordedAt,
        actor: change.actor,
        reason: change.reason,
        operation: change.operation,
        kind: change.kind,
        ...(change.kind === "reference"
          ? { id: null, name: `Reference data: ${describeReferenceChange(change)}`, fields: 0 }
          : {
              id: change.id,
              name: data.directory.name(change.id),
              fields: diffHistories(change.before, change.after).reduce(
                (n, d) => n + d.fields.length,
                0,
              ),
            }),
      }));
    return page(
      c,
      <ChangesPage
        ctx={c.get("view")}
        data={{
          changes: rows,
          older: data.start > 0 ? data.start + 1 : undefined,
          newer:
            data.end < data.last
              ? data.end + changesPerPage >= data.last
                ? 0
                : data.end + changesPerPage + 1
              : undefined,
        }}
      />,
    );
  });
};
