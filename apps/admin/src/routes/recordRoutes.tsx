/**
 * @module recordRoutes
 * Any record by id (every field), its history (who, when, why, and a field-level diff of
 * each change), and the register's recent changes.
 */
import { type Entity, kindOfId } from "@care-atlas/domain";
import type { StoredVersion } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import { formFields } from "../forms/FormModel.js";
import { diffHistories } from "../history/FieldDiff.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { readRegister } from "../http/RegisterCall.js";
import { page } from "../http/Render.js";
import { hrefOf } from "../views/components/Links.js";
import { ChangesPage, HistoryPage, RecordPage } from "../views/pages/RecordPages.js";
import type { PageDeps } from "./PageDeps.js";
import { nameOfVersion, names, pageQuery } from "./Reads.js";
import { shownVersion, versionsOf } from "./Versions.js";

/** The versions of an entity as recorded at `seq` (valid-time history, sorted). */
const recordedAt = (versions: ReadonlyArray<StoredVersion>, seq: number): Entity[] =>
  versions
    .filter((v) => v.recordedFrom <= seq && (v.recordedTo === null || seq < v.recordedTo))
    .map((v) => v.data)
    .sort((a, b) => a.valid.from.localeCompare(b.valid.from));

const changesPerPage = 50;

/** Registers the record, history and changes routes. */
export const registerRecordRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime, paths } = deps;

  app.get("/records/:id", async (c) => {
    const id = c.req.param("id");
    const kind = kindOfId(id);
    if (kind === undefined) return c.notFound();
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const versions = yield* versionsOf(register, kind, id, q.validAt);
        const directory = yield* names(register);
        return { versions: versions as ReadonlyArray<Entity>, directory };
      }),
    );
    const { version, validOnDate } = shownVersion(data.versions, q.validAt);
    return page(
      c,
      <RecordPage
        ctx={c.get("view")}
        data={{
          ...q,
          kind,
          version,
          versions: data.versions,
          validOnDate,
          fields: formFields(kind),
          revision: data.directory.model.history(id)?.revision ?? null,
          title: nameOfVersion(version),
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
    );
  });

  app.get("/records/:id/history", async (c) => {
    const id = c.req.param("id");
    const kind = kindOfId(id);
    if (kind === undefined) return c.notFound();
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const history = yield* register.history(id);
        // Each change's diff from the recorded versions; where they do not show it (a bulk
        // import records its rows under one sequence number), from the change log itself.
        const entries = yield* Effect.forEach(
          history.changes,
          (change) => {
            const recorded = diffHistories(
              recordedAt(history.versions, change.seq - 1),
              recordedAt(history.versions, change.seq),
            );
            if (recorded.length > 0) return Effect.succeed({ ...change, diffs: recorded });
            return Effect.map(register.changes({ after: change.seq - 1, limit: 1 }), (page) => {
              const logged = page.changes[0];
              return {
                ...change,
                diffs:
                  logged !== undefined && logged.id === id
                    ? diffHistories(logged.before, logged.after)
                    : recorded,
              };
            });
          },
          { concurrency: 4 },
        );
        const directory = yield* names(register);
        return { entries: entries.sort((a, b) => b.seq - a.seq), directory };
      }),
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
          entries: data.entries,
          saved: Number.isInteger(saved) && saved > 0 ? saved : undefined,
          breadcrumbs: [{ text: title, href: hrefOf(paths, id) }],
        }}
      />,
    );
  });

  app.get("/changes", async (c) => {
    const before = Number(c.req.query("before"));
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const last = yield* register.dataVersion;
        const end = Number.isInteger(before) && before > 0 ? Math.min(before - 1, last) : last;
        const start = Math.max(0, end - changesPerPage);
        const read = yield* register.changes({ after: start, limit: end - start || 1 });
        const directory = yield* names(register);
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
        id: change.id,
        name: data.directory.name(change.id),
        fields: diffHistories(change.before, change.after).reduce((n, d) => n + d.fields.length, 0),
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
