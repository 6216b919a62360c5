/**
 * @module directoryRoutes
 * Organisations (search and detail) and collaboratives (list and detail).
 */
import { findByCode, type Organisation, resolveSuccessor } from "@care-atlas/domain";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { readRegister } from "../http/RegisterCall.js";
import { page } from "../http/Render.js";
import { CollaborativePage, CollaborativesPage } from "../views/pages/CollaborativesPage.js";
import { OrganisationPage } from "../views/pages/OrganisationPage.js";
import { OrganisationsPage } from "../views/pages/OrganisationsPage.js";
import type { PageDeps } from "./PageDeps.js";
import { listAll, names, pageQuery } from "./Reads.js";
import { shownVersion, versionsOf } from "./Versions.js";

const searchLimit = 200;

/** Registers the organisation and collaborative routes. */
export const registerDirectoryRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime } = deps;

  app.get("/organisations", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const text = (c.req.query("q") ?? "").trim().slice(0, 100);
    const kind = c.req.query("kind") || undefined;
    const placeId = c.req.query("place") || undefined;
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const needle = text.toLowerCase();
        const open = yield* listAll(register, "organisation", {
          validAt: q.validAt,
          filter: (o) =>
            (kind === undefined || o.kind === kind) &&
            (placeId === undefined || o.placeId === placeId) &&
            (needle === "" ||
              o.name.toLowerCase().includes(needle) ||
              o.codes.some((code) => code.value.toLowerCase() === needle)),
        });
        const directory = yield* names(register);
        // A code finds its holders on any date (a closed CCG, an old trust code).
        const byCode: Organisation[] = [];
        if (text !== "") {
          for (const match of findByCode(directory.model.index, text)) {
            if (match.kind !== "organisation") continue;
            const version = match.version as Organisation;
            if (
              (kind === undefined || version.kind === kind) &&
              (placeId === undefined || version.placeId === placeId)
            ) {
              byCode.push(version);
            }
          }
        }
        const places = yield* listAll(register, "place", { validAt: q.validAt });
        return { open, byCode, directory, places };
      }),
    );
    const seen = new Set<string>();
    const results: Organisation[] = [];
    for (const o of [...data.open, ...data.byCode]) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      results.push(o);
    }
    results.sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
    return page(
      c,
      <OrganisationsPage
        ctx={c.get("view")}
        data={{
          ...q,
          q: text,
          kind,
          placeId,
          places: data.places
            .map((p) => ({ value: p.id, text: p.name }))
            .sort((a, b) => a.text.localeCompare(b.text)),
          results,
          total: results.length,
          limit: searchLimit,
          name: (id) => data.directory.name(id, q.validAt),
        }}
      />,
      q.validAtError === undefined ? 200 : 400,
    );
  });

  app.get("/organisations/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const versions = yield* versionsOf(register, "organisation", id, q.validAt);
        const relationships = yield* listAll(register, "relationship", {
          validAt: q.validAt,
          filter: (r) => r.subjectId === id || r.objectId === id,
        });
        const directory = yield* names(register);
        // Successions are dated by their first day and stay in force: read them all.
        const successions = directory.model.snapshot.successions.filter(
          (s) => s.predecessorIds.includes(id) || s.successorIds.includes(id),
        );
        return { versions, relationships, successions, directory };
      }),
    );
    const { version: organisation, validOnDate } = shownVersion(data.versions, q.validAt);
    const today = deps.today();
    const carriedOnBy = data.directory.validOn(id, today)
      ? []
      : resolveSuccessor(data.directory.model.index, id, today)
          .filter((path) => path.version !== undefined && path.id !== id)
          .map((path) => path.id);
    return page(
      c,
      <OrganisationPage
        ctx={c.get("view")}
        data={{
          ...q,
          organisation,
          versions: data.versions,
          validOnDate,
          relationships: data.relationships,
          successions: [...data.successions].sort((a, b) =>
            a.valid.from.localeCompare(b.valid.from),
          ),
          carriedOnBy,
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
      q.validAtError === undefined ? 200 : 400,
    );
  });

  app.get("/collaboratives", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const collaboratives = yield* listAll(register, "collaborative", { validAt: q.validAt });
        const ids = new Set(collaboratives.map((x) => x.id));
        const relationships = yield* listAll(register, "relationship", {
          validAt: q.validAt,
          filter: (r) => ids.has(r.objectId) && (r.kind === "member-of" || r.kind === "lead-of"),
        });
        const directory = yield* names(register);
        return { collaboratives, relationships, directory };
      }),
    );
    const members = new Map<string, number>();
    for (const r of data.relationships) members.set(r.objectId, (members.get(r.objectId) ?? 0) + 1);
    return page(
      c,
      <CollaborativesPage
        ctx={c.get("view")}
        data={{
          ...q,
          collaboratives: [...data.collaboratives].sort((a, b) => a.name.localeCompare(b.name)),
          members,
          name: (id) => data.directory.name(id, q.validAt),
        }}
      />,
      q.validAtError === undefined ? 200 : 400,
    );
  });

  app.get("/collaboratives/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const versions = yield* versionsOf(register, "collaborative", id, q.validAt);
        const relationships = yield* listAll(register, "relationship", {
          validAt: q.validAt,
          filter: (r) => r.objectId === id,
        });
        const directory = yield* names(register);
        return { versions, relationships, directory };
      }),
    );
    const { version: collaborative, validOnDate } = shownVersion(data.versions, q.validAt);
    const order = { "lead-of": 0, "chair-of": 1, "member-of": 2 } as Record<string, number>;
    return page(
      c,
      <CollaborativePage
        ctx={c.get("view")}
        data={{
          ...q,
          collaborative,
          versions: data.versions,
          validOnDate,
          relationships: [...data.relationships].sort(
            (a, b) =>
              (order[a.kind] ?? 9) - (order[b.kind] ?? 9) ||
              data.directory.name(a.subjectId).localeCompare(data.directory.name(b.subjectId)),
          ),
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
      q.validAtError === undefined ? 200 : 400,
    );
  });
};
