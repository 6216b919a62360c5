/**
 * @module readRoutes
 * The read routes of a resource: its list (a page of the versions valid on a date, by id,
 * filtered by the spec's parameters) and one entity on a date (with the spec's extra
 * fields). Each handler parses, runs one program of verbs, and answers with the typed body
 * its route declares.
 */
import type { EntityKind, EntityOf } from "@care-atlas/domain";
import { NotFound, type RegisterShape, runVerb } from "@care-atlas/services";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { Effect } from "effect";
import type { z } from "zod";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { pageOptions, type ReadTime, TimeQuery, timeOptions, wholeList } from "../shared/query.js";
import { guarded, readHeaders, readMiddleware } from "../shared/reads.js";
import { columnsOf, formatOf, listContent, streamList } from "../shared/representations.js";
import { type ListQuery, listQuery, type ResourceSpec } from "./ResourceSpec.js";
import { idParams, itemSchema, pageSchema } from "./schemas.js";

/** The list route of a resource. */
export const listRoute = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
  spec: ResourceSpec<K, F, X>,
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
export const getRoute = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
  spec: ResourceSpec<K, F, X>,
) =>
  createRoute({
    method: "get",
    path: `${spec.path}/{id}`,
    tags: [spec.tag],
    operationId: `get${spec.name}`,
    summary: `Get one ${spec.noun} as it was on a date`,
    description: `The ${spec.noun}'s version valid on \`validAt\` (default today) as recorded at \`asOf\` (default now), with its revision (send it as \`If-Match\` to change it).`,
    security: readSecurity,
    request: { params: idParams(spec.kind), query: TimeQuery },
    responses: {
      200: {
        description: `The ${spec.noun}'s version valid on the date.`,
        headers: etagHeaders,
        content: { "application/json": { schema: itemSchema(spec) } },
      },
      ...readProblems,
    },
  });

/** A page of a resource, read as its spec says. */
const readPage = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
  spec: ResourceSpec<K, F, X>,
  register: RegisterShape,
  query: ListQuery<F>,
  time: ReadTime,
) => {
  const paging = pageOptions(query);
  if ("search" in spec) return spec.search(query, register, { ...time, ...paging });
  return Effect.gen(function* () {
    const given = spec.filter(query, register, time);
    const filter = Effect.isEffect(given) ? yield* given : given;
    return yield* register.listEntities(spec.kind, {
      ...time,
      ...paging,
      ...(filter === undefined ? {} : { filter }),
    });
  });
};

/** The whole list of a resource (pages of 1,000 read in one program, so at one data version). */
const readAll = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
  spec: ResourceSpec<K, F, X>,
  register: RegisterShape,
  query: ListQuery<F>,
  time: ReadTime,
) =>
  Effect.gen(function* () {
    const items: EntityOf[K][] = [];
    let cursor: string | undefined;
    let dataVersion = 0;
    do {
      const page = yield* readPage(
        spec,
        register,
        { ...query, limit: 1000, ...(cursor === undefined ? {} : { cursor }) },
        time,
      );
      items.push(...page.items);
      dataVersion = page.dataVersion;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return { items, dataVersion };
  });

/** The read routes of a resource, built once. */
export const readRoutes = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
  spec: ResourceSpec<K, F, X>,
) => ({ list: listRoute(spec), get: getRoute(spec) });

/** Registers a resource's list and get-one routes. */
export const registerReadRoutes = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
>(
  app: OpenAPIHono<AppEnv>,
  deps: RouteDeps,
  spec: ResourceSpec<K, F, X>,
  routes: ReturnType<typeof readRoutes<K, F, X>>,
): void => {
  const middleware = readMiddleware(deps);
  const columns = columnsOf(spec.schema);
  const filename = spec.path.split("/").filter(Boolean).slice(1).join("-");

  app.openapi(guarded(routes.list, ...middleware), async (c) => {
    const query: ListQuery<F> = c.req.valid("query");
    const time = timeOptions(query);
    const format = formatOf(c.req.header("accept"));
    if (wholeList(query, format !== "json")) {
      const all = await runVerb(deps.runtime, (register) => readAll(spec, register, query, time));
      readHeaders(c, all.dataVersion);
      if (format !== "json") return streamList(c, format, columns, all.items, filename);
      return c.json({ data: all.items, nextCursor: null, dataVersion: all.dataVersion }, 200);
    }
    const page = await runVerb(deps.runtime, (register) => readPage(spec, register, query, time));
    readHeaders(c, page.dataVersion);
    return c.json(
      {
        data: [...page.items],
        nextCursor: page.nextCursor,
        dataVersion: page.dataVersion,
      },
      200,
    );
  });

  app.openapi(guarded(routes.get, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const time = timeOptions(c.req.valid("query"));
    const answer = await runVerb(deps.runtime, (register) =>
      Effect.gen(function* () {
        const read = yield* register.getEntity(spec.kind, id, time);
        if (spec.accepts !== undefined && !spec.accepts(read.version)) {
          return yield* new NotFound({
            what: spec.kind,
            key: id,
            message: `${id} is not one of ${spec.path} on that date`,
          });
        }
        const extra = yield* spec.expand.compute(register, read.version, time);
        return { read, extra };
      }),
    );
    const { read, extra } = answer;
    readHeaders(c, read.dataVersion);
    return c.json(
      {
        data: read.version,
        revision: read.revision,
        dataVersion: read.dataVersion,
        ...extra,
      },
      200,
    );
  });
};
