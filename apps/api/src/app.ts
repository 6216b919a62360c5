/**
 * @module app
 * `createApp(deps)`: the whole HTTP app as an OpenAPIHono instance, built in-process (tests
 * call it directly; `main.ts` serves it). Middleware order: cached open reads and postcode
 * lookups (`fastRead.ts`, `fastPostcode.ts`,
 * answered there, within the address's rate limit) → request id → access log → security
 * headers → compression (`middleware/compression.ts`) → CORS → 405 detection → authentication → rate limit → read-your-writes → body
 * limit → routes; every failure becomes problem+json in `problem.ts` (an OperationOutcome
 * under /fhir/R4).
 */
import type { AuthStore } from "@care-atlas/auth";
import { type RegisterRuntime, runVerb } from "@care-atlas/services";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { methodNotAllowed } from "hono/method-not-allowed";
import { clientAddress, type RateLimits, rateLimits } from "./access/RateLimiter.js";
import type { AppEnv } from "./context.js";
import { registerDocs } from "./docs.js";
import type { Env } from "./env.js";
import { FastPostcodes } from "./fastPostcode.js";
import { fastRead, type NodeFastRead, nodeFastRead, requestIdOf } from "./fastRead.js";
import { registerFhir } from "./fhir/index.js";
import { errorOutcome } from "./fhir/outcome.js";
import type { Logger } from "./logger.js";
import { authenticate, createKeyCache, createKeyUsage, type KeyCache } from "./middleware/auth.js";
import { compression } from "./middleware/compression.js";
import { rateLimit, readYourWrites } from "./middleware/limits.js";
import { securityHeaders } from "./middleware/securityHeaders.js";
import { openApiDocument } from "./openapiDocument.js";
import { type OperatorEndpoint, registerOperator } from "./operator/endpoint.js";
import { errorToProblem, problem, validationHook } from "./problem.js";
import { registerProblemPages } from "./problemPages.js";
import { ReadCache } from "./readCache.js";
import type { RouteDeps } from "./routes/deps.js";
import { type Readiness, registerHealth } from "./routes/health.js";
import { registerV1 } from "./routes/register.js";
import { unavailableRuntime } from "./routes/unavailable.js";

/** What the app needs from the rest of the process. */
export interface AppDeps {
  readonly config: Pick<Env, "readsRequireKey" | "corsOrigins" | "bodyLimitBytes"> &
    Partial<
      Pick<
        Env,
        | "trustProxy"
        | "rateLimitKeyPerMinute"
        | "rateLimitAddressPerMinute"
        | "importBodyLimitBytes"
      >
    >;
  readonly logger: Logger;
  /** Key verification (and recording when keys are used); without it every key is rejected. */
  readonly auth?: Pick<AuthStore, "verifyKey"> & Partial<Pick<AuthStore, "touchKey">>;
  /**
   * The services: the runtime every verb runs on (it provides the Register) and the read
   * model's data version. Without them the /v1 routes exist (for the OpenAPI document) but
   * answer 503.
   */
  readonly services?: {
    readonly runtime: RegisterRuntime;
    readonly dataVersion: () => number;
  };
  /** Tells the SSE stream of new changes. */
  readonly onChange?: RouteDeps["onChange"];
  /** Aborted on shutdown, to end long-lived streams. */
  readonly shutdown?: AbortSignal;
  /** Whether the database is reachable and the read model loaded. */
  readonly readiness: () => Promise<Readiness>;
  /** The admin web app, mounted at /admin (its own routes start with /admin). */
  readonly admin?: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };
  /** A key cache to share (the process's access watcher revokes from it); a fresh one otherwise. */
  readonly keyCache?: KeyCache;
  /** The rate limits (shared between apps of one process); from `config` otherwise. */
  readonly limits?: RateLimits;
  /**
   * Managing API keys and reading the audit trail over the API (admin scope). Without it
   * the routes exist (for the OpenAPI document) but answer 503.
   */
  readonly access?: RouteDeps["access"];
  /** The operator's commands over loopback (the CLI against a running server). */
  readonly operator?: OperatorEndpoint;
}

const accessLog = (logger: Logger): MiddlewareHandler<AppEnv> =>
  async function accessLogMiddleware(c, next) {
    const start = performance.now();
    await next();
    logger.request(
      c.get("requestId"),
      c.req.method,
      c.req.path,
      c.res.status,
      performance.now() - start,
    );
  };

const nodeFastReads = new WeakMap<object, NodeFastRead>();

/**
 * The app's hot path for Node's request listener (served by `startServer`'s `fastPath`):
 * cached open reads answered before @hono/node-server and Hono (see `fastRead.ts`).
 */
export const nodeFastReadOf = (app: object): NodeFastRead | undefined => nodeFastReads.get(app);

/**
 * Builds the app.
 *
 * @example
 * ```ts
 * const app = createApp({ config, logger, readiness: async () => ({ ready: true, checks: {} }) });
 * const response = await app.request("/healthz"); // 200
 * ```
 */
export const createApp = (deps: AppDeps): OpenAPIHono<AppEnv> => {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const keyCache = deps.keyCache ?? createKeyCache();
  const trustProxy = deps.config.trustProxy ?? false;
  const limits =
    deps.limits ??
    rateLimits({
      rateLimitKeyPerMinute: deps.config.rateLimitKeyPerMinute ?? 0,
      rateLimitAddressPerMinute: deps.config.rateLimitAddressPerMinute ?? 0,
    });

  const cache = new ReadCache();
  const services = deps.services ?? { runtime: unavailableRuntime(), dataVersion: () => 0 };
  const fastReadOptions = {
    cache,
    dataVersion: deps.services === undefined ? () => -1 : services.dataVersion,
    logger: deps.logger,
    readsRequireKey: deps.config.readsRequireKey,
    cors: deps.config.corsOrigins.length > 0,
    admit: (socketAddress: string | undefined, forwardedFor: string | undefined) =>
      limits.perAddress.take(clientAddress(socketAddress, forwardedFor, trustProxy)).allowed,
    ...(deps.services === undefined
      ? {}
      : {
          postcodes: new FastPostcodes({
            load: () => runVerb(services.runtime, (register) => register.postcodeReader()),
          }),
        }),
  };
  app.use(fastRead(fastReadOptions));
  nodeFastReads.set(app, nodeFastRead(fastReadOptions));
  app.use(async function requestIdMiddleware(c, next) {
    const id = requestIdOf(c.req.header("x-request-id"));
    c.set("requestId", id);
    c.header("X-Request-Id", id);
    await next();
  });
  app.use(accessLog(deps.logger));
  app.use(securityHeaders);
  app.use(compression);
  if (deps.config.corsOrigins.length > 0) {
    const origins = [...deps.config.corsOrigins];
    app.use(
      "/v1/*",
      cors({
        origin: origins.includes("*") ? "*" : origins,
        allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        allowHeaders: [
          "Authorization",
          "Content-Type",
          "If-Match",
          "If-None-Match",
          "Min-Data-Version",
          "X-API-Key",
          "X-Request-Id",
        ],
        exposeHeaders: ["ETag", "Location", "X-Request-Id", "Link", "Retry-After"],
        maxAge: 600,
      }),
    );
  }
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problem(c, "method-not-allowed", {
          detail: `${c.req.method} is not allowed here; use ${methods.join(", ")}`,
          headers: { Allow: methods.join(", ") },
        }),
    }),
  );
  const touchKey = deps.auth?.touchKey;
  const keyUsage = createKeyUsage(
    touchKey === undefined ? undefined : { touchKey: touchKey.bind(deps.auth) },
  );
  for (const prefix of ["/v1/*", "/fhir/*"]) {
    app.use(prefix, authenticate(deps.auth, keyCache, keyUsage));
    app.use(prefix, rateLimit(limits, trustProxy));
    app.use(prefix, readYourWrites(services.runtime, services.dataVersion));
  }
  const limitBody = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: (c) =>
      problem(c, "payload-too-large", {
        detail: `the body may be at most ${deps.config.bodyLimitBytes} bytes`,
      }),
  });
  // GET and HEAD have no body (the check would only build a full Request to find that out).
  // An imported file has its own limit (IMPORT_BODY_LIMIT_BYTES, on its route).
  app.use("/v1/*", async function bodyLimitMiddleware(c, next) {
    const method = c.req.method;
    return method === "GET" || method === "HEAD" || c.req.path === "/v1/imports"
      ? next()
      : limitBody(c, next);
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description:
      "An API key, `ca_<prefix>_<secret>`, sent as `Authorization: Bearer <key>` (or `X-API-Key`). Created with the CLI: `pnpm --filter @care-atlas/api cli keys create`.",
  });

  registerHealth(app, deps.readiness);
  registerDocs(app);
  registerProblemPages(app);
  if (deps.operator !== undefined) registerOperator(app, deps.operator);
  const routeDeps = {
    runtime: services.runtime,
    dataVersion: services.dataVersion,
    cache,
    readsRequireKey: deps.config.readsRequireKey,
    trustProxy,
    ...(deps.config.importBodyLimitBytes === undefined
      ? {}
      : { importBodyLimitBytes: deps.config.importBodyLimitBytes }),
    ...(deps.access === undefined ? {} : { access: deps.access }),
    ...(deps.onChange === undefined ? {} : { onChange: deps.onChange }),
    ...(deps.shutdown === undefined ? {} : { shutdown: deps.shutdown }),
  };
  registerV1(app, routeDeps);
  registerFhir(app, routeDeps);

  let document: string | undefined;
  app.get("/openapi.json", (c) => {
    document ??= JSON.stringify(openApiDocument(app));
    c.header("Cache-Control", "no-cache");
    return c.body(document, 200, { "Content-Type": "application/json" });
  });

  if (deps.admin !== undefined) {
    const admin = deps.admin;
    app.all("/admin", (c) => admin.fetch(c.req.raw, c.env));
    app.all("/admin/*", (c) => admin.fetch(c.req.raw, c.env));
  }

  app.notFound((c) => problem(c, "not-found", { detail: `no route for ${c.req.path}` }));
  app.onError((error, c) => {
    // The middleware in front of the FHIR facade (authentication, rate limits,
    // read-your-writes) fails in the facade's own terms.
    const response = c.req.path.startsWith("/fhir/")
      ? errorOutcome(error, c)
      : errorToProblem(error, c);
    if (response.status >= 500) {
      deps.logger.error("unhandled error", {
        requestId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        error,
      });
    }
    return response;
  });
  return app;
};
