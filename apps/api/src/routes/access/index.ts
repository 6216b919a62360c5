/**
 * @module access
 * API keys over the API, and the audit trail of access (admin scope): list keys with their
 * last use, create one (its secret shown once), revoke one (every process refuses it within
 * a second), and page through the trail of sign-ins and key and account changes. Without
 * the access store the routes answer 503.
 */
import { AuthInputError } from "@care-atlas/auth";
import { isServiceError, StoreUnavailable } from "@care-atlas/services";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { clientAddress } from "../../access/RateLimiter.js";
import type { AppEnv } from "../../context.js";
import { requireScope } from "../../middleware/auth.js";
import { socketAddressOf } from "../../middleware/limits.js";
import { ProblemError } from "../../problem.js";
import type { RouteDeps } from "../deps.js";
import { actorOfRequest } from "../resource/writeRoutes.js";
import { problemResponses, writeSecurity } from "../shared/openapi.js";
import { guarded } from "../shared/reads.js";
import { ApiKey, AuditEvent, CreatedApiKey, NewApiKey } from "./schemas.js";

const tags = ["Access"];
const adminProblems = problemResponses(400, 401, 403, 503);

export const listApiKeys = createRoute({
  method: "get",
  path: "/v1/api-keys",
  tags,
  operationId: "listApiKeys",
  summary: "List API keys, with when each was last used",
  description:
    "Every API key, oldest first, revoked ones too: its prefix, name, scopes, who made it and when it was last used. Never a key's secret. Needs the `admin` scope.",
  security: writeSecurity,
  responses: {
    200: {
      description: "Every key, oldest first (revoked ones too).",
      content: {
        "application/json": {
          schema: z.object({ data: z.array(ApiKey).describe("The keys, oldest first.") }),
        },
      },
    },
    ...adminProblems,
  },
});

export const createApiKey = createRoute({
  method: "post",
  path: "/v1/api-keys",
  tags,
  operationId: "createApiKey",
  summary: "Create an API key (its secret is in this answer only)",
  description:
    "Makes a key with a name and scopes, recorded in the audit trail with who made it. The answer's `key` is the whole key: it is shown only here (only a SHA-256 of it is stored). Needs the `admin` scope.",
  security: writeSecurity,
  request: {
    body: { required: true, content: { "application/json": { schema: NewApiKey } } },
  },
  responses: {
    201: {
      description: "Created: `key` is the whole key, shown once.",
      content: { "application/json": { schema: CreatedApiKey } },
    },
    ...problemResponses(400, 401, 403, 413, 415, 503),
  },
});

export const revokeApiKey = createRoute({
  method: "post",
  path: "/v1/api-keys/{prefix}/revoke",
  tags,
  operationId: "revokeApiKey",
  summary: "Revoke an API key (refused by every process within a second)",
  description:
    "Revokes the key with this prefix: every API process refuses it within a second (the revocation is announced on the audit trail). 404 when no key has the prefix, 409 when it was already revoked. Needs the `admin` scope.",
  security: writeSecurity,
  request: {
    params: z.object({
      prefix: z
        .string()
        .regex(/^[0-9a-z]{8}$/, { error: "must be a key prefix (8 characters)" })
        .describe("The key's prefix."),
    }),
  },
  responses: {
    200: {
      description: "Revoked.",
      content: {
        "application/json": {
          schema: z.object({ data: ApiKey.describe("The key, as it is now.") }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409, 503),
  },
});

export const listAuditEvents = createRoute({
  method: "get",
  path: "/v1/audit-events",
  tags,
  operationId: "listAuditEvents",
  summary: "Page through the audit trail of access, newest first",
  description:
    "The append-only trail of sign-ins, refused sign-ins, sign-outs, keys created and revoked, and accounts created, changed, disabled, enabled and reset — newest first, `limit` at a time (default 100); pass `nextBefore` as `before` for older events. Needs the `admin` scope.",
  security: writeSecurity,
  request: {
    query: z.object({
      limit: z
        .string()
        .regex(/^\d+$/, { error: "must be a whole number from 1 to 1000" })
        .transform(Number)
        .pipe(z.number().int().min(1).max(1000))
        .optional()
        .describe("How many events (1–1000, default 100)."),
      before: z
        .string()
        .regex(/^\d+$/, { error: "must be an event id" })
        .transform(Number)
        .optional()
        .describe("Only events older than this id (the `nextBefore` of the previous page)."),
    }),
  },
  responses: {
    200: {
      description: "A page of events, newest first.",
      content: {
        "application/json": {
          schema: z.object({
            data: z.array(AuditEvent).describe("The events, newest first."),
            nextBefore: z
              .number()
              .int()
              .nullable()
              .describe("Pass as `before` for the next (older) page; null at the end."),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 503),
  },
});

/** Runs an access store call; a database that does not answer is a 503 like everywhere. */
const stored = async <A>(operation: string, run: () => Promise<A>): Promise<A> => {
  try {
    return await run();
  } catch (cause) {
    if (cause instanceof AuthInputError || cause instanceof ProblemError || isServiceError(cause)) {
      throw cause;
    }
    throw new StoreUnavailable({
      operation,
      cause,
      message: `the access store failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    });
  }
};

const byOf = (c: Context<AppEnv>, trustProxy: boolean) => ({
  actor: actorOfRequest(c),
  address: clientAddress(socketAddressOf(c.env), c.req.header("x-forwarded-for"), trustProxy),
});

/** Adds the access routes. */
export const registerAccess = (
  app: OpenAPIHono<AppEnv>,
  deps: RouteDeps & { readonly trustProxy?: boolean },
): void => {
  const admin = requireScope("admin");
  const access = () => {
    if (deps.access === undefined) {
      throw new StoreUnavailable({
        operation: "access",
        cause: undefined,
        message: "key management is not available in this process",
      });
    }
    return deps.access;
  };

  app.openapi(guarded(listApiKeys, admin), async (c) => {
    const keys = await stored("listKeys", () => access().listKeys());
    c.header("Cache-Control", "no-store");
    return c.json({ data: keys.map((k) => ({ ...k, scopes: [...k.scopes] })) }, 200);
  });

  app.openapi(guarded(createApiKey, admin), async (c) => {
    const body = c.req.valid("json");
    const by = byOf(c, deps.trustProxy ?? false);
    let made: Awaited<ReturnType<NonNullable<RouteDeps["access"]>["createKey"]>>;
    try {
      made = await stored("createKey", () => access().createKey(body, by));
    } catch (error) {
      if (!(error instanceof AuthInputError)) throw error;
      throw new ProblemError("invalid-request", {
        detail: error.message,
        errors: [{ path: `body.${error.field}`, message: error.message }],
      });
    }
    c.header("Cache-Control", "no-store");
    c.header("Location", `/v1/api-keys/${made.info.prefix}`);
    return c.json({ data: { ...made.info, scopes: [...made.info.scopes] }, key: made.key }, 201);
  });

  app.openapi(guarded(revokeApiKey, admin), async (c) => {
    const { prefix } = c.req.valid("param");
    const by = byOf(c, deps.trustProxy ?? false);
    const revoked = await stored("revokeKey", () => access().revokeKey(prefix, by));
    const key = (await stored("listKeys", () => access().listKeys())).find(
      (k) => k.prefix === prefix,
    );
    if (key === undefined) {
      throw new ProblemError("not-found", { detail: `no API key has the prefix ${prefix}` });
    }
    if (!revoked) {
      throw new ProblemError("conflict", {
        detail: `the key ${prefix} was already revoked (${key.revokedAt ?? "earlier"})`,
      });
    }
    c.header("Cache-Control", "no-store");
    return c.json({ data: { ...key, scopes: [...key.scopes] } }, 200);
  });

  app.openapi(guarded(listAuditEvents, admin), async (c) => {
    const query = c.req.valid("query");
    const limit = query.limit ?? 100;
    const events = await stored("listEvents", () =>
      access().listEvents({
        limit,
        ...(query.before === undefined ? {} : { beforeId: query.before }),
      }),
    );
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        data: events.map((e) => ({ ...e, detail: { ...e.detail } })),
        nextBefore: events.length === limit ? (events.at(-1)?.id ?? null) : null,
      },
      200,
    );
  });
};
