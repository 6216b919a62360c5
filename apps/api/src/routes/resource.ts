/**
 * @module resource
 * The route shapes every register resource shares — list, get one, create, update, end —
 * as builders of `createRoute` data plus thin handlers (parse → one verb → map). Each
 * resource folder (`routes/<resource>/{list,get,create,update,end}.ts`) holds its routes
 * built here, and its `index.ts` registers them.
 */
import { type EntityKind, type EntityOf, Finding, IsoDate, idOf } from "@care-atlas/domain";
import type { ListFilter, RegisterShape } from "@care-atlas/services";
import { createRoute, type OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { Effect } from "effect";
import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "../context.js";
import { actorOf, requireScope } from "../middleware/auth.js";
import { ProblemError } from "../problem.js";
import { cachedRead } from "../readCache.js";
import {
  etagHeaders,
  etagOf,
  notModified,
  PageQuery,
  problemResponses,
  readGuard,
  readProblems,
  readSecurity,
  run,
  runRead,
  sendRead,
  TimeQuery,
  timeOptions,
  writeSecurity,
} from "./common.js";
import type { RouteDeps } from "./deps.js";

/** The time options of a read, as the services take them. */
export interface ReadTime {
  readonly validAt?: string;
  readonly asOf?: Date;
}

/** Extra fields of a `get` response, computed with the register. */
export interface Expansion<K extends EntityKind, S extends z.ZodRawShape> {
  readonly shape: S;
  readonly compute: (
    register: RegisterShape,
    version: EntityOf[K],
    time: ReadTime,
  ) => Effect.Effect<z.infer<z.ZodObject<S>>, unknown>;
}

/** What a resource is: its entity kind, path, names, schema and filters. */
export interface ResourceSpec<
  K extends EntityKind,
  F extends z.ZodRawShape = z.ZodRawShape,
  X extends z.ZodRawShape = z.ZodRawShape,
> {
  readonly kind: K;
  /** The collection path, e.g. `/v1/places`. */
  readonly path: string;
  readonly tag: string;
  /** Singular and plural names for summaries and operation ids: `Place`, `Places`. */
  readonly name: string;
  readonly plural: string;
  /** The entity schema (from the domain). */
  readonly schema: z.ZodType<EntityOf[K]>;
  /** The list's filter parameters. */
  readonly filters: F;
  /**
   * The list filter for parsed filter parameters (undefined = no filter); an Effect when it
   * must read other entities first (e.g. memberships).
   */
  readonly filter: (
    query: z.infer<z.ZodObject<F>>,
    register: RegisterShape,
    time: ReadTime,
  ) => ListFilter<K> | undefined | Effect.Effect<ListFilter<K> | undefined, unknown>;
  /** Extra fields of the one-item response. */
  readonly expand?: Expansion<K, X>;
  /** Whether the resource has write routes (default true). */
  readonly writable?: boolean;
  /** For a view of part of a kind (commissioning bodies, outcomes): which versions it holds. */
  readonly accepts?: (version: EntityOf[K]) => boolean;
}

/** What the route builders read of a resource. */
export interface RouteInfo {
  readonly kind: EntityKind;
  readonly path: string;
  readonly tag: string;
  readonly name: string;
  readonly plural: string;
  readonly schema: z.ZodType;
  readonly filters: z.ZodRawShape;
  readonly expand?: { readonly shape: z.ZodRawShape };
}

/** Defines a resource (keeps its types). */
export const defineResource = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape = Record<never, never>,
>(
  spec: ResourceSpec<K, F, X>,
): ResourceSpec<K, F, X> => spec;

const notModifiedResponse = { 304: { description: "Not modified (If-None-Match matched)" } };

const pageSchema = (spec: RouteInfo) =>
  z
    .object({
      data: z.array(spec.schema),
      nextCursor: z
        .string()
        .nullable()
        .describe("Pass as `cursor` for the next page; null on the last page."),
      dataVersion: z
        .number()
        .int()
        .nonnegative()
        .describe("The data version (last change seq) the page was read at."),
    })
    .meta({ id: `${spec.name}Page`, description: `A page of ${spec.plural.toLowerCase()}.` });

const itemSchema = (spec: RouteInfo) =>
  z
    .object({
      data: spec.schema,
      revision: z
        .number()
        .int()
        .positive()
        .nullable()
        .describe("The entity's revision: send it as If-Match to update it; null at a past asOf."),
      dataVersion: z.number().int().nonnegative(),
      ...(spec.expand?.shape ?? {}),
    })
    .meta({ id: `${spec.name}Item`, description: `One ${spec.name.toLowerCase()} on a date.` });

const writeResultSchema = (spec: RouteInfo) =>
  z
    .object({
      data: z.array(spec.schema).describe("The entity's valid-time history after the write."),
      revision: z.number().int().positive().describe("The revision after the write."),
      dataVersion: z.number().int().nonnegative(),
      warnings: z.array(Finding).describe("Rule warnings the change introduced."),
    })
    .meta({
      id: `${spec.name}WriteResult`,
      description: `The ${spec.name.toLowerCase()} after a write.`,
    });

const idParams = (kind: EntityKind) =>
  z.object({
    id: idOf(kind).meta({ description: "The entity's id.", param: { name: "id", in: "path" } }),
  });

/** The list route of a resource. */
export const listRoute = (spec: RouteInfo) =>
  createRoute({
    method: "get",
    path: spec.path,
    tags: [spec.tag],
    operationId: `list${spec.plural}`,
    summary: `List ${spec.plural.toLowerCase()} valid on a date`,
    security: readSecurity,
    request: { query: TimeQuery.extend(PageQuery.shape).extend(spec.filters) },
    responses: {
      200: {
        description: `A page of ${spec.plural.toLowerCase()}, ordered by id.`,
        headers: etagHeaders,
        content: { "application/json": { schema: pageSchema(spec) } },
      },
      ...notModifiedResponse,
      ...readProblems,
    },
  });

/** The get-one route of a resource. */
export const getRoute = (spec: RouteInfo) =>
  createRoute({
    method: "get",
    path: `${spec.path}/{id}`,
    tags: [spec.tag],
    operationId: `get${spec.name}`,
    summary: `Get one ${spec.name.toLowerCase()} as it was on a date`,
    security: readSecurity,
    request: { params: idParams(spec.kind), query: TimeQuery },
    responses: {
      200: {
        description: `The ${spec.name.toLowerCase()}'s version valid on the date.`,
        headers: etagHeaders,
        content: { "application/json": { schema: itemSchema(spec) } },
      },
      ...notModifiedResponse,
      ...readProblems,
    },
  });

const Reason = z
  .string()
  .trim()
  .min(1, { error: "say why the change is made" })
  .max(2000)
  .describe("Why the change is made (recorded in the change log).");
const SourceRef = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .optional()
  .describe("Where the information comes from (a source key or a reference).");

const ifMatchHeader = z.object({
  "if-match": z.string().optional().meta({
    description:
      'The entity\'s current revision as a strong entity tag, e.g. `"3"` (from `revision` of a read). Required: 428 when missing, 412 when stale.',
    example: '"3"',
  }),
});

const writeProblems = problemResponses(400, 401, 403, 404, 412, 413, 415, 422, 428, 503);

const inputSchema = (spec: RouteInfo) => {
  const schema = spec.schema as unknown as z.ZodObject;
  return schema
    .safeExtend({ id: z.string().optional().describe("Leave out to get a new id.") } as never)
    .meta({
      id: `${spec.name}Input`,
      description: `A version of a ${spec.name.toLowerCase()} to write.`,
    });
};

/** The create route of a resource. */
export const createEntityRoute = (spec: RouteInfo) =>
  createRoute({
    method: "post",
    path: spec.path,
    tags: [spec.tag, "Writes"],
    operationId: `create${spec.name}`,
    summary: `Create a ${spec.name.toLowerCase()}`,
    security: writeSecurity,
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ data: inputSchema(spec), reason: Reason, source: SourceRef }),
          },
        },
      },
    },
    responses: {
      201: {
        description: "Created.",
        headers: z.object({ ETag: z.string(), Location: z.string() }),
        content: { "application/json": { schema: writeResultSchema(spec) } },
      },
      ...problemResponses(400, 401, 403, 409, 413, 415, 422, 503),
    },
  });

/** The update route of a resource: a new version for part of its valid time. */
export const updateRoute = (spec: RouteInfo) =>
  createRoute({
    method: "put",
    path: `${spec.path}/{id}`,
    tags: [spec.tag, "Writes"],
    operationId: `update${spec.name}`,
    summary: `Record a new version of a ${spec.name.toLowerCase()}`,
    description:
      "A sequenced update: the version replaces what the register held for its valid period; earlier and later versions are kept (cut where they overlap).",
    security: writeSecurity,
    request: {
      params: idParams(spec.kind),
      headers: ifMatchHeader,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ data: inputSchema(spec), reason: Reason, source: SourceRef }),
          },
        },
      },
    },
    responses: {
      200: {
        description: "Updated.",
        headers: etagHeaders,
        content: { "application/json": { schema: writeResultSchema(spec) } },
      },
      ...writeProblems,
    },
  });

/** The end route of a resource: it stops being true from a date. */
export const endRoute = (spec: RouteInfo) =>
  createRoute({
    method: "post",
    path: `${spec.path}/{id}/end`,
    tags: [spec.tag, "Writes"],
    operationId: `end${spec.name}`,
    summary: `End a ${spec.name.toLowerCase()} from a date`,
    security: writeSecurity,
    request: {
      params: idParams(spec.kind),
      headers: ifMatchHeader,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              date: IsoDate.describe("The first day it is no longer true."),
              reason: Reason,
              source: SourceRef,
            }),
          },
        },
      },
    },
    responses: {
      200: {
        description: "Ended.",
        headers: etagHeaders,
        content: { "application/json": { schema: writeResultSchema(spec) } },
      },
      ...writeProblems,
    },
  });

/** The revision an `If-Match` header names: 428 when missing, 400 when malformed. */
export const revisionOf = (ifMatch: string | undefined): number => {
  if (ifMatch === undefined || ifMatch.trim() === "") {
    throw new ProblemError("precondition-required", {
      detail: 'send If-Match with the revision you read, e.g. If-Match: "3"',
    });
  }
  const match = /^\s*"?(\d{1,9})"?\s*$/.exec(ifMatch);
  if (match?.[1] === undefined || Number(match[1]) < 1) {
    throw new ProblemError("invalid-request", {
      detail: 'If-Match must be one strong entity tag holding a revision, e.g. "3"',
      errors: [{ path: "header.if-match", message: 'must be a revision such as "3"' }],
    });
  }
  return Number(match[1]);
};

const principalActor = (c: Context<AppEnv>): string => {
  const principal = c.get("principal");
  if (principal === undefined) throw new ProblemError("unauthorized");
  return actorOf(principal);
};

type Handler = (c: Context<AppEnv>) => Promise<Response>;

interface Valid {
  valid(target: "query" | "param" | "json" | "header"): Record<string, unknown>;
}
const valid = (c: Context<AppEnv>, target: "query" | "param" | "json" | "header") =>
  (c.req as unknown as Valid).valid(target);

/**
 * Answers 304 before any work when the client already has the current answer: only for
 * reads of the current recorded state (no `asOf`).
 */
const earlyNotModified = (c: Context<AppEnv>, register: RegisterShape): boolean => {
  if (c.req.header("if-none-match") === undefined || c.req.query("asOf") !== undefined) {
    return false;
  }
  const dataVersion = Effect.runSync(register.dataVersion);
  return notModified(c, etagOf(c, dataVersion));
};

/** The list handler of a resource. */
export const listHandler =
  <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
    spec: ResourceSpec<K, F, X>,
    deps: RouteDeps,
  ): Handler =>
  async (c) => {
    if (earlyNotModified(c, deps.register)) {
      c.header("ETag", etagOf(c, Effect.runSync(deps.register.dataVersion)));
      return c.body(null, 304);
    }
    const query = valid(c, "query") as {
      validAt?: string;
      asOf?: string;
      limit?: number;
      cursor?: string;
    } & z.infer<z.ZodObject<F>>;
    const time = timeOptions(query);
    const given = spec.filter(query, deps.register, time);
    const filter = Effect.isEffect(given) ? await runRead(given) : given;
    const page = await runRead(
      deps.register.listEntities(spec.kind, {
        ...time,
        ...(query.limit === undefined ? {} : { limit: query.limit }),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        ...(filter === undefined ? {} : { filter }),
      }),
    );
    return sendRead(c, page.dataVersion, {
      data: page.items,
      nextCursor: page.nextCursor,
      dataVersion: page.dataVersion,
    });
  };

/** The get-one handler of a resource. */
export const getHandler =
  <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
    spec: ResourceSpec<K, F, X>,
    deps: RouteDeps,
  ): Handler =>
  async (c) => {
    if (earlyNotModified(c, deps.register)) {
      c.header("ETag", etagOf(c, Effect.runSync(deps.register.dataVersion)));
      return c.body(null, 304);
    }
    const { id } = valid(c, "param") as { id: string };
    const time = timeOptions(valid(c, "query") as { validAt?: string; asOf?: string });
    const read = await runRead(deps.register.getEntity(spec.kind, id, time));
    if (spec.accepts !== undefined && !spec.accepts(read.version)) {
      throw new ProblemError("not-found", {
        detail: `${id} is not one of ${spec.path} on that date`,
      });
    }
    const extra =
      spec.expand === undefined
        ? {}
        : await run(spec.expand.compute(deps.register, read.version, time));
    return sendRead(c, read.dataVersion, {
      data: read.version,
      revision: read.revision,
      dataVersion: read.dataVersion,
      ...extra,
    });
  };

const writeResponse = (
  c: Context<AppEnv>,
  status: 200 | 201,
  result: {
    readonly versions: ReadonlyArray<unknown>;
    readonly revision: number;
    readonly dataVersion: number;
    readonly warnings: ReadonlyArray<unknown>;
  },
) => {
  c.header("ETag", `"${result.revision}"`);
  c.header("Cache-Control", "no-store");
  return c.json(
    {
      data: result.versions,
      revision: result.revision,
      dataVersion: result.dataVersion,
      warnings: result.warnings,
    },
    status,
  );
};

/** The who / why / where-from of a write, from its principal and request body. */
const changeMeta = (actor: string, body: { reason: string; source?: string }) => ({
  actor,
  reason: body.reason,
  ...(body.source === undefined ? {} : { source: body.source }),
});

/** The create handler of a resource. */
export const createHandler =
  <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
    spec: ResourceSpec<K, F, X>,
    deps: RouteDeps,
  ): Handler =>
  async (c) => {
    const actor = principalActor(c);
    const body = valid(c, "json") as { data: never; reason: string; source?: string };
    const result = await run(
      deps.register.createEntity(spec.kind, body.data, changeMeta(actor, body)),
      { conflictAs: "conflict", invalidAs: "validation-failed" },
    );
    c.header("Location", `${spec.path}/${result.id}`);
    return writeResponse(c, 201, result);
  };

/** The update handler of a resource. */
export const updateHandler =
  <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
    spec: ResourceSpec<K, F, X>,
    deps: RouteDeps,
  ): Handler =>
  async (c) => {
    const actor = principalActor(c);
    const { id } = valid(c, "param") as { id: string };
    const revision = revisionOf(c.req.header("if-match"));
    const body = valid(c, "json") as { data: never; reason: string; source?: string };
    const result = await run(
      deps.register.updateEntity(spec.kind, id, body.data, revision, changeMeta(actor, body)),
      { conflictAs: "precondition-failed", invalidAs: "validation-failed" },
    );
    return writeResponse(c, 200, result);
  };

/** The end handler of a resource. */
export const endHandler =
  <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape>(
    spec: ResourceSpec<K, F, X>,
    deps: RouteDeps,
  ): Handler =>
  async (c) => {
    const actor = principalActor(c);
    const { id } = valid(c, "param") as { id: string };
    const revision = revisionOf(c.req.header("if-match"));
    const body = valid(c, "json") as { date: string; reason: string; source?: string };
    const result = await run(
      deps.register.endEntity(spec.kind, id, body.date, revision, changeMeta(actor, body)),
      { conflictAs: "precondition-failed", invalidAs: "validation-failed" },
    );
    return writeResponse(c, 200, result);
  };

/** A route with its guard middleware (and any more, in order). */
export const guarded = <R extends RouteConfig>(
  route: R,
  guard: MiddlewareHandler<AppEnv>,
  ...more: MiddlewareHandler<AppEnv>[]
): R => ({
  ...route,
  middleware: [guard, ...more],
});

/** The middleware of a cacheable read: the read guard, then the read cache. */
export const readMiddleware = (
  deps: RouteDeps,
): [MiddlewareHandler<AppEnv>, MiddlewareHandler<AppEnv>] => {
  const register = deps.register;
  return [
    readGuard(deps.readsRequireKey),
    deps.cache === undefined
      ? async (_c, next) => next()
      : cachedRead(deps.cache, () => Effect.runSync(register.dataVersion)),
  ];
};

/** The routes of a resource, as its folder's files define them. */
export interface ResourceRoutes {
  readonly list: RouteConfig;
  readonly get: RouteConfig;
  readonly create?: RouteConfig;
  readonly update?: RouteConfig;
  readonly end?: RouteConfig;
}

/** Registers a resource's routes with their guards and handlers. */
export const registerResource = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
>(
  app: OpenAPIHono<AppEnv>,
  deps: RouteDeps,
  spec: ResourceSpec<K, F, X>,
  routes: ResourceRoutes,
): void => {
  const [read, cache] = readMiddleware(deps);
  const write = requireScope("write");
  const openapi = app.openapi as unknown as (route: RouteConfig, handler: Handler) => void;
  openapi(guarded(routes.list, read, cache), listHandler(spec, deps));
  openapi(guarded(routes.get, read, cache), getHandler(spec, deps));
  if (routes.create !== undefined)
    openapi(guarded(routes.create, write), createHandler(spec, deps));
  if (routes.update !== undefined)
    openapi(guarded(routes.update, write), updateHandler(spec, deps));
  if (routes.end !== undefined) openapi(guarded(routes.end, write), endHandler(spec, deps));
};
