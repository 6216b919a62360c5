/**
 * @module start
 * Starts the whole service: opens the store (embedded PGlite in a data directory, or a
 * PostgreSQL server), builds the services' ManagedRuntime, loads the GM dataset into an
 * empty register, mounts the admin app when it is installed, and serves the API. `main.ts`
 * calls it with the environment; the test harness and the benchmark call it directly.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type AuthStore, createAuthStore } from "@care-atlas/auth";
import {
  Register,
  type RegisterRuntime,
  type RegisterShape,
  runVerb,
  StoreService,
} from "@care-atlas/services";
import { openStore, type Store } from "@care-atlas/store";
import { Effect, Layer, ManagedRuntime } from "effect";
import { createApp, nodeFastReadOf } from "./app.js";
import { authClientOf } from "./authDatabase.js";
import type { Env } from "./env.js";
import { requestIdOf } from "./fastRead.js";
import type { Logger } from "./logger.js";
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

/** Polls the register's data version and tells listeners when it moves. */
const changeNotifier = (register: RegisterShape, intervalMs = 250) => {
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
    env.databaseUrl === undefined ? { dataDir: env.dataDir } : { databaseUrl: env.databaseUrl },
  );
  step("storeOpenMs");
  logger.info("store open", {
    backend: store.backend,
    ...(env.databaseUrl === undefined ? { dataDir: env.dataDir } : {}),
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
      // The read model answers every read: it must hold what the store holds (catching up
      // now if a change has not reached it yet).
      if (storeSeq === undefined) checks.readModel = "unknown: the database did not answer";
      else {
        try {
          const seq =
            dataVersion() >= storeSeq
              ? dataVersion()
              : await withinTwoSeconds(runVerb(runtime, (r) => r.refresh));
          checks.readModel =
            seq >= storeSeq ? "ok" : `behind: at change ${seq}, the store is at ${storeSeq}`;
        } catch (error) {
          checks.readModel = `catch-up failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      const ready = Object.values(checks).every((check) => check === "ok");
      return { ready, checks, dataVersion: dataVersion() };
    };

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
          : loadAdmin({ runtime, auth, logger, basePath: "/admin" }, logger).catch(
              (error: unknown) => {
                logger.error("admin app failed to load", { error });
                return undefined;
              },
            );
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
      admin: adminLoaded.then((loaded) => loaded !== undefined),
      startupMs: Math.round(performance.now() - started),
      close: server.close,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
};
