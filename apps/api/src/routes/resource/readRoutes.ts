/**
 * @module readRoutes
 * The read routes of a resource: its list (a page of the versions valid on a date, by id,
 * filtered by the spec's parameters) and one entity on a date (with the spec's extra
 * fields). Each handler parses, runs one program of verbs, and answers with the typed body
 * its route declares.
 */
import type { EntityKind } from "@care-atlas/domain";
import { type ListPage, NotFound, type RegisterShape, runVerb } from "@care-atlas/services";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { Effect } from "effect";
import type { z } from "zod";
import type { AppEnv } from "../../context.js";
import { RepresentationQuery, withoutDerivations } from "../../representation/representation.js";
import type { RouteDeps } from "../deps.js";
import { queryDigest, sealCursor } from "../shared/cursor.js";
import { etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { pageOptions, type ReadTime, TimeQuery, timeOptions, wholeList } from "../shared/query.js";
import { guarded, readHeaders, readMiddleware, streamHeaders } from "../shared/reads.js";
import { codedKinds, resolveRefs } from "../shared/refs.js";
import { columnsOf, formatOf, listContent, streamList } from "../shared/representations.js";
import { type ListQuery, listQuery, type ResourceSpec } from "./ResourceSpec.js";
import { itemSchema, pageSchema, readIdParams } from "./schemas.js";

/** The list route of a resource. */
export const listRoute = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
>(
  spec: ResourceSpec<K, F, X, L>,
) =>
  createRoute({
    method: "get",
    path: spec.path,
    tags: [spec.tag],
    operationId: `list${spec.plural}`,
    summary: `List the ${spec.nouns} valid on a date`,
    description: `The ${spec.nouns} valid on \`validAt\` (default today) as recorded at \`asOf\` (default now), ordered by id, a page at a time: pass \`nextCursor\` back as \`cursor\` for the next page. \`all=true\` answers the whole list; \`Accept: text/csv\` or \`application/x-ndjson\` streams the whole list as CSV or NDJSON.`,
    security: readSecurity,
    request: { query: listQuery(spec.filters) },
    responses: {
      200: {
        description: `A page of ${spec.nouns}, ordered by id.`,
        headers: etagHeaders,
        content: {
          "application/json": { schema: pageSchema(spec) },
          ...listContent(columnsOf(spec.schema), spec.noun),
        },
      },
      ...readProblems,
    },
  });

/** The get-one route of a resource. */
export const getRoute = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape, L>(
  spec: ResourceSpec<K, F, X, L>,
) =>
  createRoute({
    method: "get",
    path: `${spec.path}/{id}`,
    tags: [spec.tag],
    operationId: `get${spec.name}`,
    summary: `Get one ${spec.noun} as it was on a date`,
    description: `The ${spec.noun}'s version valid on \`validAt\` (default today) as recorded at \`asOf\` (default now), with its revision (send it as \`If-Match\` to change it).`,
    security: readSecurity,
    request: {
      params: readIdParams(spec.kind),
      query: TimeQuery.extend(RepresentationQuery.shape),
    },
    responses: {
      200: {
        description: `The ${spec.noun}'s version valid on the date.`,
        headers: etagHeaders,
        content: { "application/json": { schema: itemSchema(spec) } },
      },
      ...readProblems,
    },
  });

/**
 * A page of a resource, read as its spec says: the filters that name entities by code
 * resolved to ids first, then the page, then the references each item carries.
 */
const readPage = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape, L>(
  spec: ResourceSpec<K, F, X, L>,
  register: RegisterShape,
  asked: ListQuery<F>,
  time: ReadTime,
  digest: string,
) =>
  Effect.gen(function* () {
    const query = yield* resolveRefs(spec.filters, asked, register, time);
    const paging = pageOptions(query, digest);
    let page: ListPage<K>;
    if ("search" in spec) {
      page = yield* spec.search(query, register, { ...time, ...paging });
    } else {
      const given = spec.filter(query, register, time);
      const filter = Effect.isEffect(given) ? yield* given : given;
      page = yield* register.listEntities(spec.kind, {
        ...time,
        ...paging,
        ...(filter === undefined ? {} : { filter }),
      });
    }
    const items = yield* spec.links.compute(register, page.items, time);
    return { items, nextCursor: page.nextCursor, dataVersion: page.dataVersion };
  });

/**
 * The whole list of a resource: its pages of 1,000 read in one program (so at one data
 * version), each with the references its items carry.
 */
const readAll = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape, L>(
  spec: ResourceSpec<K, F, X, L>,
  register: RegisterShape,
  query: ListQuery<F>,
  time: ReadTime,
  digest: string,
) =>
  Effect.gen(function* () {
    const first = yield* readPage(spec, register, { ...query, limit: 1000 }, time, digest);
    const items = [...first.items];
    let { nextCursor, dataVersion } = first;
    while (nextCursor !== null) {
      const cursor = sealCursor(nextCursor, digest);
      const page = yield* readPage(spec, register, { ...query, limit: 1000, cursor }, time, digest);
      items.push(...page.items);
      ({ nextCursor, dataVersion } = page);
    }
    return { items, dataVersion };
  });

/** The read routes of a resource, built once. */
export const readRoutes = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
>(
  spec: ResourceSpec<K, F, X, L>,
) => ({ list: listRoute(spec), get: getRoute(spec) });

/** Registers a resource's list and get-one routes. */
export const registerReadRoutes = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
>(
  app: OpenAPIHono<AppEnv>,
  deps: RouteDeps,
  spec: ResourceSpec<K, F, X, L>,
  routes: ReturnType<typeof readRoutes<K, F, X, L>>,
): void => {
  const middleware = readMiddleware(deps);
  const columns = columnsOf(spec.schema);
  const filename = spec.path.split("/").filter(Boolean).slice(1).join("-");

  app.openapi(guarded(routes.list, ...middleware), async (c) => {
    const query: ListQuery<F> = c.req.valid("query");
    const time = timeOptions(query);
    const digest = queryDigest(spec.path, query);
    const format = formatOf(c.req.header("accept"));
    if (wholeList(query, format !== "json")) {
      const all = await runVerb(deps.runtime, (register) =>
        readAll(spec, register, query, time, digest),
      );
      if (format !== "json") {
        streamHeaders(c, all.dataVersion, format, deps.readsRequireKey);
        // Each row as the JSON list gives the item: without derivations unless asked for.
        const asked: { readonly provenance?: boolean | undefined } = query;
        const rows =
          asked.provenance === true
            ? all.items
            : all.items.map((item) => withoutDerivations(JSON.parse(JSON.stringify(item))));
        return streamList(c, format, columns, rows, filename);
      }
      const body = { data: all.items, nextCursor: null, dataVersion: all.dataVersion };
      readHeaders(c, body, deps.readsRequireKey);
      return c.json(body, 200);
    }
    const page = await runVerb(deps.runtime, (register) =>
      readPage(spec, register, query, time, digest),
    );
    const body = {
      data: [...page.items],
      nextCursor: page.nextCursor === null ? null : sealCursor(page.nextCursor, digest),
      dataVersion: page.dataVersion,
    };
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200);
  });

  app.openapi(guarded(routes.get, ...middleware), async (c) => {
    const { id: key } = c.req.valid("param");
    const time = timeOptions(c.req.valid("query"));
    const answer = await runVerb(deps.runtime, (register) =>
      Effect.gen(function* () {
        const id = codedKinds.has(spec.kind)
          ? yield* register.resolveId([spec.kind], key, time)
          : key;
        if (id === null) {
          return yield* new NotFound({
            what: spec.kind,
            key,
            message: `nothing of ${spec.path} holds the code ${key}`,
          });
        }
        const read = yield* register.getEntity(spec.kind, id, time);
        if (spec.accepts !== undefined && !spec.accepts(read.version)) {
          return yield* new NotFound({
            what: spec.kind,
            key,
            message: `${key} is not one of ${spec.path} on that date`,
          });
        }
        const extra = yield* spec.expand.compute(register, read.version, time);
        return { read, extra };
      }),
    );
    const { read, extra } = answer;
    const body = {
      data: read.version,
      revision: read.revision,
      dataVersion: read.dataVersion,
      ...extra,
    };
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200);
  });
};
