/**
 * @module start
 * Starts the whole service: opens the store (embedded PGlite in a data directory, or a
 * PostgreSQL server, with a streaming replica for the read model when configured), builds
 * the services' ManagedRuntime, loads the GM dataset into an empty register, follows the
 * audit trail of access (revoked keys leave the key cache within a second), mounts the admin
 * app when it is installed, serves the API, and — on the embedded database — takes the
 * CLI's commands over loopback (the operator file). `main.ts` calls it with the
 * environment; the test harness and the benchmark call it directly.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type AuthStore, createAuthStore } from "@care-atlas/auth";
import {
  type ImportProgress,
  Register,
  type RegisterRuntime,
  type RegisterShape,
  runVerb,
  StoreService,
} from "@care-atlas/services";
import { openStore, type Store } from "@care-atlas/store";
import { Effect, Layer, ManagedRuntime } from "effect";
import { watchAccess } from "./access/AccessWatcher.js";
import { rateLimits } from "./access/RateLimiter.js";
import { createApp, nodeFastReadOf } from "./app.js";
import { authClientOf } from "./authDatabase.js";
import { runCommand } from "./commands/index.js";
import type { Env } from "./env.js";
import { requestIdOf } from "./fastRead.js";
import type { Logger } from "./logger.js";
import { createKeyCache } from "./middleware/auth.js";
import { answerOfError } from "./operator/answer.js";
import { loopbackUrl, newOperatorToken, writeOperatorFile } from "./operator/OperatorFile.js";
import { problemBody } from "./problem.js";
import type { Readiness } from "./routes/health.js";
import { type RunningServer, startServer } from "./server.js";

/** A running Care Atlas. */
export interface CareAtlas {
  readonly server: RunningServer;
  readonly url: string;
  readonly store: Store;
  readonly register: RegisterShape;
  /** The services as the app uses them: their runtime and the read model's data version. */
  readonly services: { readonly runtime: RegisterRuntime; readonly dataVersion: () => number };
  readonly auth: AuthStore;
  /** What the start did with the dataset. */
  readonly seeded: "imported" | "existing" | "skipped";
  /** Whether no enabled admin account exists yet (start tells the user how to make one). */
  readonly needsFirstAdmin: boolean;
  /** Whether the admin app is mounted at /admin (it loads in the background). */
  readonly admin: Promise<boolean>;
  /** Milliseconds from the call to listening. */
  readonly startupMs: number;
  /** Stops serving (gracefully) and closes everything. */
  readonly close: () => Promise<void>;
}

/** Options beyond the environment. */
export interface StartOptions {
  /** Whether SIGTERM/SIGINT shut down and exit (main: yes). */
  readonly handleSignals?: boolean;
  /** Whether to mount the admin app when it is installed (default true). */
  readonly mountAdmin?: boolean;
  /** Loads the dataset to seed an empty register (default: @care-atlas/data). */
  readonly loadDataset?: () => Promise<{
    snapshot: unknown;
    postcodes: ReadonlyArray<unknown>;
    lsoaAssignments?: ReadonlyArray<unknown>;
  }>;
}

const loadGmDataset = async () => {
  const data = await import("@care-atlas/data");
  return {
    snapshot: data.loadSnapshot(),
    postcodes: data.loadPostcodes(),
    lsoaAssignments: data.loadLsoaAssignments(),
  };
};

/** How long after listening the admin app starts loading (unless /admin is asked for first). */
const adminDelayMs = 500;

/** The admin app factory's shape (apps/admin `createAdminApp`). */
type AdminFactory = (deps: Record<string, unknown>) => {
  fetch: (request: Request) => Response | Promise<Response>;
};

const loadAdmin = async (
  deps: Record<string, unknown>,
  logger: Logger,
): Promise<{ fetch: (request: Request) => Response | Promise<Response> } | undefined> => {
  let factory: AdminFactory | undefined;
  try {
    const specifier = "@care-atlas/admin";
    const admin = (await import(specifier)) as { createAdminApp?: AdminFactory };
    factory = admin.createAdminApp;
  } catch (error) {
    logger.info("admin app not installed; /admin is not mounted", { reason: String(error) });
    return undefined;
  }
  if (typeof factory !== "function") {
    logger.warn("@care-atlas/admin has no createAdminApp export; /admin is not mounted");
    return undefined;
  }
  return factory(deps);
};

/**
 * Polls the register's data version (no I/O: the read model's) and tells listeners — the
 * event streams — when it moves.
 */
const changeNotifier = (register: RegisterShape, intervalMs = 50) => {
  const listeners = new Set<(version: number) => void>();
  let timer: NodeJS.Timeout | undefined;
  let last = Effect.runSync(register.dataVersion);
  const tick = () => {
    const now = Effect.runSync(register.dataVersion);
    if (now === last) return;
    last = now;
    for (const listener of listeners) listener(now);
  };
  return {
    subscribe: (listener: (version: number) => void) => {
      listeners.add(listener);
      timer ??= setInterval(tick, intervalMs);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    stop: () => {
      listeners.clear();
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
};

/**
 * Starts Care Atlas.
 *
 * @example
 * ```ts
 * const atlas = await startCareAtlas(parseEnv({ PORT: "0" }), logger);
 * console.log(atlas.url);
 * await atlas.close();
 * ```
 */
export const startCareAtlas = async (
  env: Env,
  logger: Logger,
  options: StartOptions = {},
): Promise<CareAtlas> => {
  const started = performance.now();
  // Milliseconds of each start-up step, logged (debug) once the server listens.
  const steps: Record<string, number> = { modulesLoadedMs: Math.round(process.uptime() * 1000) };
  let stepStarted = started;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - stepStarted);
    stepStarted = now;
  };
  if (env.databaseUrl === undefined) mkdirSync(dirname(env.dataDir), { recursive: true });
  const store = await openStore(
    env.databaseUrl === undefined
      ? { dataDir: env.dataDir }
      : {
          databaseUrl: env.databaseUrl,
          ...(env.databaseReadUrl === undefined ? {} : { readUrl: env.databaseReadUrl }),
        },
  );
  step("storeOpenMs");
  logger.info("store open", {
    backend: store.backend,
    ...(env.databaseUrl === undefined ? { dataDir: env.dataDir } : {}),
    ...(env.databaseReadUrl === undefined ? {} : { replica: true }),
    ms: Math.round(performance.now() - started),
  });

  const runtime = ManagedRuntime.make(
    Register.layer.pipe(Layer.provide(StoreService.fromStore(store))),
  );
  const cleanup: Array<() => Promise<void>> = [() => runtime.dispose(), () => store.close()];
  const closeAll = async () => {
    for (const step of cleanup) {
      try {
        await step();
      } catch (error) {
        logger.error("close failed", { error });
      }
    }
  };

  try {
    const registerStarted = performance.now();
    const register = await runtime.runPromise(
      Effect.gen(function* () {
        return yield* Register;
      }),
    );

    step("readModelMs");
    let seeded: CareAtlas["seeded"] = "skipped";
    if (env.seed) {
      if (Effect.runSync(register.dataVersion) > 0) seeded = "existing";
      else {
        const importStarted = performance.now();
        const { snapshot, postcodes, lsoaAssignments } = await (
          options.loadDataset ?? loadGmDataset
        )();
        const result = await runtime.runPromise(
          register.importSnapshot(
            snapshot,
            {
              actor: "care-atlas:start",
              reason: "first start: load the Greater Manchester dataset (@care-atlas/data)",
              source: "@care-atlas/data",
            },
            { postcodes: postcodes as never, lsoaAssignments: (lsoaAssignments ?? []) as never },
          ),
        );
        seeded = "imported";
        logger.info("dataset imported", {
          created: result.created,
          changes: result.changes,
          postcodes: postcodes.length,
          dataVersion: result.dataVersion,
          ms: Math.round(performance.now() - importStarted),
        });
      }
    }

    logger.debug("read model loaded", { ms: Math.round(performance.now() - registerStarted) });
    step("seedMs");
    const auth = createAuthStore(authClientOf(store));

    const dataVersion = () => Effect.runSync(register.dataVersion);
    const readiness = async (): Promise<Readiness> => {
      const checks: Record<string, string> = {};
      const withinTwoSeconds = <A>(work: Promise<A>) =>
        Promise.race([
          work,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error("timed out after 2 s")), 2000).unref(),
          ),
        ]);
      let storeSeq: number | undefined;
      try {
        storeSeq = await withinTwoSeconds(store.lastSeq());
        checks.database = "ok";
      } catch (error) {
        checks.database = error instanceof Error ? error.message : String(error);
      }
      const status = Effect.runSync(register.status);
      if (store.replica !== undefined) checks.replica = status.replica;
      if (storeSeq === undefined) {
        // The model still answers reads; writes are refused (503) until the database is back.
        checks.readModel = `serving data version ${dataVersion()} from memory; writes wait for the database`;
        return { ready: true, degraded: true, checks, dataVersion: dataVersion() };
      }
      // The read model answers every read: it must hold what the store holds (catching up
      // now if a change has not reached it yet: from the replica, else the primary).
      try {
        const wanted = storeSeq;
        const seq =
          dataVersion() >= wanted
            ? dataVersion()
            : await withinTwoSeconds(runVerb(runtime, (r) => r.awaitDataVersion(wanted)));
        checks.readModel =
          seq >= storeSeq ? "ok" : `behind: at change ${seq}, the store is at ${storeSeq}`;
      } catch (error) {
        checks.readModel = `catch-up failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      const ready = checks.database === "ok" && checks.readModel === "ok";
      const degraded = ready && checks.replica !== undefined && checks.replica !== "ok";
      return { ready, degraded, checks, dataVersion: dataVersion() };
    };

    // Access: verified keys cached until revoked; a revocation anywhere reaches this
    // process's cache within a second (the audit trail: NOTIFY, and a poll behind it).
    const keyCache = createKeyCache();
    const watcher = await watchAccess({
      auth,
      subscribe: (channel, onPayload, onReconnect) =>
        store.subscribe(channel, onPayload, onReconnect),
      onEvent: (event) => {
        if (event.action === "key.revoked") keyCache.revoke(event.subject);
      },
      logger,
    });
    cleanup.unshift(() => watcher.stop());
    const limits = rateLimits(env);
    const needsFirstAdmin = !(await auth.listUsers()).some(
      (user) => user.role === "admin" && user.disabledAt === null,
    );

    // The operator's commands (the CLI of an embedded database sends them here).
    let listeningUrl: string | undefined;
    const operator =
      env.databaseUrl === undefined
        ? {
            token: newOperatorToken(),
            run: async (
              request: { argv: string[]; stdin: string; user: string },
              onProgress?: (progress: ImportProgress) => void,
            ) => {
              try {
                const output = await runCommand(
                  {
                    auth,
                    register: async () => runtime,
                    actor: `cli:${request.user}`,
                    publicUrl: env.publicUrl ?? listeningUrl ?? `http://${env.host}:${env.port}`,
                    progress: onProgress,
                  },
                  request.argv,
                  request.stdin,
                );
                logger.info("operator command", { command: request.argv.slice(0, 2).join(" ") });
                return { exitCode: 0, output };
              } catch (error) {
                return answerOfError(error, (unexpected) =>
                  logger.error("operator command failed", { error: unexpected }),
                );
              }
            },
          }
        : undefined;

    const notifier = changeNotifier(register);
    cleanup.unshift(async () => notifier.stop());
    const shutdown = new AbortController();
    // The admin app loads in the background, after the server is listening and has had a
    // moment to answer its first requests (importing it takes the event loop for a while),
    // or as soon as someone asks for /admin.
    let adminLoading: Promise<Awaited<ReturnType<typeof loadAdmin>>> | undefined;
    const loadAdminOnce = () => {
      adminLoading ??=
        options.mountAdmin === false
          ? Promise.resolve(undefined)
          : loadAdmin(
              {
                runtime,
                auth,
                logger,
                basePath: "/admin",
                publicUrl: () => env.publicUrl ?? listeningUrl ?? `http://${env.host}:${env.port}`,
                // The import page takes files as large as POST /v1/imports does.
                importLimitBytes: env.importBodyLimitBytes,
              },
              logger,
            ).catch((error: unknown) => {
              logger.error("admin app failed to load", { error });
              return undefined;
            });
      return adminLoading;
    };
    let adminApp: Awaited<ReturnType<typeof loadAdminOnce>>;
    let adminTimer: NodeJS.Timeout | undefined;
    const adminLoaded = new Promise<Awaited<ReturnType<typeof loadAdminOnce>>>((resolve) => {
      adminTimer = setTimeout(() => resolve(loadAdminOnce()), adminDelayMs);
      adminTimer.unref();
    });
    cleanup.unshift(async () => clearTimeout(adminTimer));
    void adminLoaded.then((loaded) => {
      adminApp = loaded;
    });
    const admin =
      options.mountAdmin === false
        ? undefined
        : {
            fetch: async (request: Request, env?: unknown) => {
              const loaded = adminApp ?? (await loadAdminOnce());
              if (loaded === undefined) {
                const url = new URL(request.url);
                const body = problemBody(
                  "not-found",
                  requestIdOf(request.headers.get("x-request-id") ?? undefined),
                  url.pathname,
                  {
                    detail:
                      "The admin app is not installed in this deployment (@care-atlas/admin).",
                  },
                );
                return new Response(JSON.stringify(body), {
                  status: 404,
                  headers: {
                    "Content-Type": "application/problem+json",
                    "Cache-Control": "no-store",
                  },
                });
              }
              return (loaded.fetch as (r: Request, e?: unknown) => Response | Promise<Response>)(
                request,
                env,
              );
            },
          };

    const app = createApp({
      config: env,
      logger,
      auth,
      keyCache,
      limits,
      access: auth,
      ...(operator === undefined ? {} : { operator }),
      services: { runtime, dataVersion },
      readiness,
      onChange: notifier.subscribe,
      shutdown: shutdown.signal,
      ...(admin === undefined ? {} : { admin }),
    });

    const fastPath = nodeFastReadOf(app);
    const server = await startServer({
      fetch: app.fetch,
      ...(fastPath === undefined ? {} : { fastPath }),
      port: env.port,
      host: env.host,
      logger,
      shutdownTimeoutMs: env.shutdownTimeoutMs,
      handleSignals: options.handleSignals ?? false,
      beforeClose: () => shutdown.abort(),
      onClose: closeAll,
    });
    step("appAndListenMs");
    const url = env.publicUrl ?? server.url;
    listeningUrl = server.url;
    if (operator !== undefined) {
      const removeOperatorFile = writeOperatorFile(env.dataDir, {
        pid: process.pid,
        url: loopbackUrl(env.host, server.port),
        token: operator.token,
      });
      cleanup.unshift(async () => removeOperatorFile());
    }
    logger.debug("start-up steps", {
      ...steps,
      totalMs: Math.round(performance.now() - started),
      sinceProcessStartMs: Math.round(process.uptime() * 1000),
    });
    return {
      server,
      url,
      store,
      register,
      services: { runtime, dataVersion },
      auth,
      seeded,
      needsFirstAdmin,
      admin: adminLoaded.then((loaded) => loaded !== undefined),
      startupMs: Math.round(performance.now() - started),
      close: server.close,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
};
