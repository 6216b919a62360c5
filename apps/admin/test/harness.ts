/**
 * The test harness: the real admin app over the real services and a real database —
 * PGlite (in a temporary directory, or in memory) with the migrations of
 * `@care-atlas/store`, a register imported through the services' `importSnapshot`, and
 * admin accounts in `@care-atlas/auth`'s tables. Nothing is mocked.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { authTablesSql, createAuthStore } from "@care-atlas/auth";
import { makeRegister, Register, type RegisterShape, StoreService } from "@care-atlas/services";
import { PGlite } from "@electric-sql/pglite";
import { serve } from "@hono/node-server";
import { Effect, Layer, ManagedRuntime } from "effect";
import { createAdminApp } from "../src/AdminApp.js";
import type { Boundaries } from "../src/AdminDeps.js";

/** The synthetic accounts every harness has (password for all: {@link password}). */
export const accounts = {
  admin: "synthetic.admin@example.org",
  editor: "synthetic.editor@example.org",
  viewer: "synthetic.viewer@example.org",
} as const;
export const password = "synthetic-password-for-tests";

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  /** The register to import (a Snapshot-shaped value). */
  readonly snapshot: unknown;
  readonly boundaries?: Boundaries;
  /** Put the database in a temporary directory (default) or in memory. */
  readonly onDisk?: boolean;
  /** Serve over HTTP on a free port (for the browser tests). */
  readonly listen?: boolean;
  readonly basePath?: string;
  readonly today?: () => string;
  /** The Register the app sees, made from the real one (e.g. one whose verbs can fail). */
  readonly register?: (register: RegisterShape) => RegisterShape;
}

/** A running harness. */
export interface Harness {
  readonly app: ReturnType<typeof createAdminApp>;
  readonly url: string | undefined;
  readonly runtime: ManagedRuntime.ManagedRuntime<Register, unknown>;
  /** The accounts, keys and audit trail the app uses. */
  readonly auth: ReturnType<typeof createAuthStore>;
  readonly importMs: number;
  readonly close: () => Promise<void>;
}

/** Starts the admin app over a fresh database holding `options.snapshot`. */
export const startHarness = async (options: HarnessOptions): Promise<Harness> => {
  const dir =
    options.onDisk === false ? undefined : await mkdtemp(join(tmpdir(), "care-atlas-admin-"));
  const storeLayer = StoreService.layer(
    dir === undefined ? {} : { dataDir: join(dir, "register") },
  );
  const adapt = options.register ?? ((register: RegisterShape) => register);
  const runtime = ManagedRuntime.make(
    Layer.effect(Register, Effect.map(makeRegister({ pollIntervalMs: 0 }), adapt)).pipe(
      Layer.provide(storeLayer),
    ),
  );
  const started = performance.now();
  await runtime.runPromise(
    Register.use((register) =>
      register.importSnapshot(options.snapshot, {
        actor: "test harness",
        reason: "load the test register",
      }),
    ),
  );
  const importMs = performance.now() - started;

  const db = new PGlite();
  await db.exec(authTablesSql);
  const auth = createAuthStore(db);
  await auth.createUser({ email: accounts.admin, password, role: "admin" });
  await auth.createUser({ email: accounts.editor, password, role: "editor" });
  await auth.createUser({ email: accounts.viewer, password, role: "viewer" });

  const app = createAdminApp({
    runtime,
    auth,
    basePath: options.basePath ?? "/admin",
    ...(options.boundaries === undefined ? {} : { boundaries: options.boundaries }),
    ...(options.today === undefined ? {} : { today: options.today }),
  });

  let url: string | undefined;
  let server: ReturnType<typeof serve> | undefined;
  if (options.listen === true) {
    url = await new Promise<string>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
        resolve(`http://127.0.0.1:${info.port}`),
      );
    });
  }

  return {
    app,
    url,
    runtime,
    auth,
    importMs,
    close: async () => {
      if (server !== undefined) {
        const s = server;
        await new Promise<void>((resolve) => {
          if ("closeAllConnections" in s) s.closeAllConnections();
          s.close(() => resolve());
        });
      }
      await runtime.dispose();
      await db.close();
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    },
  };
};
