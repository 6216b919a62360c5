/**
 * @module main
 * Runs the admin app on its own, for development: the store on embedded PGlite in
 * `DATA_DIR` (the Greater Manchester dataset imported on first start, through the
 * services), the auth tables in a second PGlite beside it, and the app at
 * `http://ADMIN_HOST:ADMIN_PORT/admin`. In production the API serves the admin at /admin
 * in its own process (see apps/api); do not run both on one data directory.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { authTablesSql, createAuthStore } from "@care-atlas/auth";
import { loadLsoaAssignments, loadPostcodes, loadSnapshot } from "@care-atlas/data";
import { Register, runVerb, StoreService } from "@care-atlas/services";
import { openStore } from "@care-atlas/store";
import { PGlite } from "@electric-sql/pglite";
import { serve } from "@hono/node-server";
import { Layer, ManagedRuntime } from "effect";
import { createAdminApp } from "./AdminApp.js";
import { readEnv } from "./env.js";

const env = readEnv();
const dataDir = resolve(env.DATA_DIR);
mkdirSync(dirname(dataDir), { recursive: true });

const store = await openStore({ dataDir });
const runtime = ManagedRuntime.make(
  Register.layer.pipe(Layer.provide(StoreService.fromStore(store))),
);
if ((await runVerb(runtime, (register) => register.dataVersion)) === 0) {
  console.log("admin: importing the Greater Manchester dataset (first start)…");
  const result = await runVerb(runtime, (register) =>
    register.importSnapshot(
      loadSnapshot(),
      {
        actor: "care-atlas-admin:dev",
        reason: "first start: load the Greater Manchester dataset",
        source: "@care-atlas/data",
      },
      { postcodes: loadPostcodes(), lsoaAssignments: loadLsoaAssignments() },
    ),
  );
  console.log(`admin: imported ${result.created} records`);
}

mkdirSync(`${dataDir}-auth`, { recursive: true });
const authDb = new PGlite(`${dataDir}-auth`);
await authDb.exec(authTablesSql);
const auth = createAuthStore(authDb);
if (env.ADMIN_BOOTSTRAP_EMAIL !== undefined && env.ADMIN_BOOTSTRAP_PASSWORD !== undefined) {
  if ((await auth.listUsers()).length === 0) {
    await auth.createUser({
      email: env.ADMIN_BOOTSTRAP_EMAIL,
      password: env.ADMIN_BOOTSTRAP_PASSWORD,
      role: "admin",
    });
    console.log(`admin: created the first admin, ${env.ADMIN_BOOTSTRAP_EMAIL}`);
  }
}

const app = createAdminApp({
  runtime,
  auth,
  basePath: env.ADMIN_BASE_PATH,
  secureCookies: env.ADMIN_SECURE_COOKIES === "auto" ? "auto" : env.ADMIN_SECURE_COOKIES === "true",
  trustProxy: env.ADMIN_TRUST_PROXY,
  ...(env.ADMIN_CSRF_SECRET === undefined ? {} : { csrfSecret: env.ADMIN_CSRF_SECRET }),
});

const server = serve(
  { fetch: app.fetch, port: env.ADMIN_PORT, hostname: env.ADMIN_HOST },
  (info) => {
    console.log(`admin: http://${env.ADMIN_HOST}:${info.port}${env.ADMIN_BASE_PATH}`);
  },
);

const stop = () => {
  server.close(async () => {
    await runtime.dispose();
    await store.close();
    await authDb.close();
    process.exit(0);
  });
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
