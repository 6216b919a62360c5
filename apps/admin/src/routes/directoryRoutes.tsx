/**
 * @module directoryRoutes
 * Organisations (search and detail) and collaboratives (list and detail).
 */
import { type Organisation, OrganisationKind, PlaceId, type Succession } from "@care-atlas/domain";
import {
  fieldIssues,
  invalidInput,
  type OrganisationQuery,
  type RegisterShape,
  runVerb,
} from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import { z } from "zod";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import { CollaborativePage, CollaborativesPage } from "../views/pages/CollaborativesPage.js";
import { OrganisationPage } from "../views/pages/OrganisationPage.js";
import { OrganisationsPage } from "../views/pages/OrganisationsPage.js";
import type { PageDeps } from "./PageDeps.js";
import { pageQuery, pageStatus } from "./PageQuery.js";
import { shownVersion } from "./Versions.js";

/** The most results the search lists (it counts them all). */
const searchLimit = 200;

/** The search's filters, as the form sends them (empty = any). */
const SearchFilters = z.object({
  kind: OrganisationKind.optional(),
  place: PlaceId.optional(),
});

/** A search text that could be an ODS or GSS code. */
const codeLike = /^[A-Za-z0-9]{1,20}$/;

/** Every organisation valid on the date that matches `query` (all the search verb's pages). */
const searchAll = (register: RegisterShape, query: OrganisationQuery, validAt: string) =>
  Effect.gen(function* () {
    const found: Organisation[] = [];
    let cursor: string | undefined;
    do {
      const page = yield* register.searchOrganisations(query, { validAt, limit: 1000, cursor });
      found.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return found;
  });

/**
 * The organisations that hold a code on the date or, for a code nobody holds then, that held
 * it (a closed CCG, an old trust code); none when no record ever held it.
 */
const holdersOf = (register: RegisterShape, code: string, validAt: string) =>
  register.lookupCode(code, { validAt }).pipe(
    Effect.map((read) =>
      read.matches.flatMap((match) => (match.kind === "organisation" ? [match.version] : [])),
    ),
    Effect.catchTag("NotFound", () => Effect.succeed([])),
  );

/** Registers the organisation and collaborative routes. */
export const registerDirectoryRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime } = deps;

  app.get("/organisations", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const text = (c.req.query("q") ?? "").trim().slice(0, 100);
    const filters = SearchFilters.safeParse({
      kind: c.req.query("kind") || undefined,
      place: c.req.query("place") || undefined,
    });
    const data = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        if (!filters.success) return yield* invalidInput(fieldIssues(filters.error));
        const { kind, place: placeId } = filters.data;
        const matching = yield* searchAll(
          register,
          { text: text === "" ? undefined : text, kind, placeId },
          q.validAt,
        );
        const byCode = codeLike.test(text)
          ? (yield* holdersOf(register, text, q.validAt)).filter(
              (o) =>
                (kind === undefined || o.kind === kind) &&
                (placeId === undefined || o.placeId === placeId),
            )
          : [];
        const places = yield* register.listAll("place", { validAt: q.validAt });
        const directory = yield* register.directory();
        return { matching, byCode, places: places.items, directory, kind, placeId };
      }),
    );
    const seen = new Set<string>();
    const results: Organisation[] = [];
    for (const o of [...data.matching, ...data.byCode]) {
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
          kind: data.kind,
          placeId: data.placeId,
          places: data.places
            .map((p) => ({ value: p.id, text: p.name }))
            .sort((a, b) => a.text.localeCompare(b.text)),
          results,
          total: results.length,
          limit: searchLimit,
          name: (id) => data.directory.name(id, q.validAt),
        }}
      />,
      pageStatus(q),
    );
  });

  app.get("/organisations/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(runtime, (register) =>
      Effect.all({
        versions: Effect.map(register.getVersions("organisation", id), (read) => read.versions),
        relationships: register.relationshipsOf(id, { validAt: q.validAt }),
        // Successions are events of the organisation's whole story; who carries it on is
        // worked out for today.
        successions: register.successionsOf(id, { validAt: deps.today() }),
        directory: register.directory(),
      }),
    );
    const { version: organisation, validOnDate } = shownVersion(data.versions, q.validAt);
    const successions = new Map<string, Succession>();
    for (const s of [...data.successions.predecessors, ...data.successions.successors]) {
      successions.set(s.id, s);
    }
    return page(
      c,
      <OrganisationPage
        ctx={c.get("view")}
        data={{
          ...q,
          organisation,
          versions: data.versions,
          validOnDate,
          relationships: data.relationships.items,
          successions: [...successions.values()].sort((a, b) =>
            a.valid.from.localeCompare(b.valid.from),
          ),
          carriedOnBy: data.successions.carriedOnBy
            .filter((path) => path.version !== undefined)
            .map((path) => path.id),
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
      pageStatus(q),
    );
  });

  app.get("/collaboratives", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const collaboratives = yield* register.listAll("collaborative", { validAt: q.validAt });
        const ids = new Set(collaboratives.items.map((x) => x.id));
        const relationships = yield* register.listAll("relationship", {
          validAt: q.validAt,
          filter: (r) => ids.has(r.objectId) && (r.kind === "member-of" || r.kind === "lead-of"),
        });
        const directory = yield* register.directory();
        return {
          collaboratives: collaboratives.items,
          relationships: relationships.items,
          directory,
        };
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
      pageStatus(q),
    );
  });

  app.get("/collaboratives/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(runtime, (register) =>
      Effect.all({
        versions: Effect.map(register.getVersions("collaborative", id), (read) => read.versions),
        relationships: register.relationshipsOf(id, { validAt: q.validAt, as: "object" }),
        directory: register.directory(),
      }),
    );
    const { version: collaborative, validOnDate } = shownVersion(data.versions, q.validAt);
    const order: Record<string, number> = { "lead-of": 0, "chair-of": 1, "member-of": 2 };
    return page(
      c,
      <CollaborativePage
        ctx={c.get("view")}
        data={{
          ...q,
          collaborative,
          versions: data.versions,
          validOnDate,
          relationships: [...data.relationships.items].sort(
            (a, b) =>
              (order[a.kind] ?? 9) - (order[b.kind] ?? 9) ||
              data.directory.name(a.subjectId).localeCompare(data.directory.name(b.subjectId)),
          ),
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
      pageStatus(q),
    );
  });
};
