/**
 * @module writeRoutes
 * The write routes of a resource: create, update (a sequenced update: a new version for
 * part of its valid time) and end (it stops being true from a date). Each takes a `reason`
 * (and a `source`), an update or end takes the revision it read as `If-Match`, and each
 * answers the entity's valid-time history after the write with its new revision.
 */
import { type EntityKind, IsoDate } from "@care-atlas/domain";
import { type EntityWriteResult, runVerb } from "@care-atlas/services";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.js";
import { actorOf, requireScope } from "../../middleware/auth.js";
import { ProblemError } from "../../problem.js";
import type { RouteDeps } from "../deps.js";
import { etagHeaders, problemResponses, writeSecurity } from "../shared/openapi.js";
import { guarded } from "../shared/reads.js";
import type { ResourceSpec } from "./ResourceSpec.js";
import { idParams, writeResultSchema } from "./schemas.js";

/** Why a change is made, on every write. */
export const Reason = z
  .string()
  .trim()
  .min(1, { error: "say why the change is made" })
  .max(2000)
  .describe("Why the change is made (recorded in the change log).");

/** Where a change's information comes from, on every write. */
export const SourceRef = z
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

const an = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

type Writable<
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
> = ResourceSpec<K, F, X, L> & { readonly writes: NonNullable<ResourceSpec<K, F, X, L>["writes"]> };

/** The body of a create or update. */
const versionBody = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape, L>(
  spec: Writable<K, F, X, L>,
) => z.object({ data: spec.writes.input, reason: Reason, source: SourceRef });

/** The create route of a resource. */
export const createEntityRoute = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
>(
  spec: Writable<K, F, X, L>,
) =>
  createRoute({
    method: "post",
    path: spec.path,
    tags: [spec.tag, "Writes"],
    operationId: `create${spec.name}`,
    summary: `Create ${an(spec.noun)}`,
    description: `Records a new ${spec.noun} with its first version; \`reason\` says why (the change log keeps it).`,
    security: writeSecurity,
    request: {
      body: { required: true, content: { "application/json": { schema: versionBody(spec) } } },
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
export const updateRoute = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
>(
  spec: Writable<K, F, X, L>,
) =>
  createRoute({
    method: "put",
    path: `${spec.path}/{id}`,
    tags: [spec.tag, "Writes"],
    operationId: `update${spec.name}`,
    summary: `Record a new version of ${an(spec.noun)}`,
    description:
      "A sequenced update: the version replaces what the register held for its valid period; earlier and later versions are kept (cut where they overlap).",
    security: writeSecurity,
    request: {
      params: idParams(spec.kind),
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: versionBody(spec) } } },
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
export const endRoute = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape, L>(
  spec: Writable<K, F, X, L>,
) =>
  createRoute({
    method: "post",
    path: `${spec.path}/{id}/end`,
    tags: [spec.tag, "Writes"],
    operationId: `end${spec.name}`,
    summary: `End ${an(spec.noun)} from a date`,
    description: `Nothing of the ${spec.noun} is valid on or after \`date\`; its relationships end with it.`,
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

/** Who is writing: the request's principal, as the change log records it (401 without one). */
export const actorOfRequest = (c: Context<AppEnv>): string => {
  const principal = c.get("principal");
  if (principal === undefined) throw new ProblemError("unauthorized");
  return actorOf(principal);
};

/** The who / why / where-from of a write, from its actor and request body. */
export const changeMeta = (
  actor: string,
  body: { reason: string; source?: string | undefined },
) => ({
  actor,
  reason: body.reason,
  ...(body.source === undefined ? {} : { source: body.source }),
});

/** What every write answers: the history after it, the new revision, the warnings. */
const writeBody = <K extends EntityKind>(c: Context<AppEnv>, result: EntityWriteResult<K>) => {
  c.header("ETag", `"${result.revision}"`);
  c.header("Cache-Control", "no-store");
  return {
    data: [...result.versions],
    revision: result.revision,
    dataVersion: result.dataVersion,
    warnings: [...result.warnings],
  };
};

/** The write routes of a writable resource, built once. */
export const writeRoutes = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
>(
  spec: Writable<K, F, X, L>,
) => ({ create: createEntityRoute(spec), update: updateRoute(spec), end: endRoute(spec) });

/** Registers a resource's create, update and end routes. */
export const registerWriteRoutes = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
>(
  app: OpenAPIHono<AppEnv>,
  deps: RouteDeps,
  spec: Writable<K, F, X, L>,
  routes: ReturnType<typeof writeRoutes<K, F, X, L>>,
): void => {
  const write = requireScope("write");

  app.openapi(guarded(routes.create, write), async (c) => {
    const actor = actorOfRequest(c);
    const body = c.req.valid("json");
    const result = await runVerb(deps.runtime, (register) =>
      register.createEntity(spec.kind, body.data, changeMeta(actor, body)),
    );
    c.header("Location", `${spec.path}/${result.id}`);
    return c.json(writeBody(c, result), 201);
  });

  app.openapi(guarded(routes.update, write), async (c) => {
    const actor = actorOfRequest(c);
    const { id } = c.req.valid("param");
    const revision = revisionOf(c.req.valid("header")["if-match"]);
    const body = c.req.valid("json");
    const result = await runVerb(deps.runtime, (register) =>
      register.updateEntity(spec.kind, id, body.data, revision, changeMeta(actor, body)),
    );
    return c.json(writeBody(c, result), 200);
  });

  app.openapi(guarded(routes.end, write), async (c) => {
    const actor = actorOfRequest(c);
    const { id } = c.req.valid("param");
    const revision = revisionOf(c.req.valid("header")["if-match"]);
    const body = c.req.valid("json");
    const result = await runVerb(deps.runtime, (register) =>
      register.endEntity(spec.kind, id, body.date, revision, changeMeta(actor, body)),
    );
    return c.json(writeBody(c, result), 200);
  });
};

/** Whether a resource has write routes (its spec says how a version is written). */
export const isWritable = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
>(
  spec: ResourceSpec<K, F, X, L>,
): spec is Writable<K, F, X, L> => spec.writes !== undefined;
