/**
 * Starts one Care Atlas for the whole test run (see harness.ts) and stops it afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createApp } from "../src/app.js";
import { parseEnv, testDatabaseUrl } from "../src/env.js";
import { createLogger } from "../src/logger.js";
import { startServer } from "../src/server.js";
import { startCareAtlas } from "../src/start.js";
import type { TestApi } from "./harness.js";

const freshDatabase = async (serverUrl: string) => {
  const { default: postgres } = await import("postgres");
  const name = `care_atlas_api_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
};

export default async function setup(project: TestProject) {
  const logger = createLogger({ level: "warn" });
  const server = testDatabaseUrl();
  const database = server === undefined ? undefined : await freshDatabase(server);
  const dir = mkdtempSync(join(tmpdir(), "care-atlas-api-test-"));
  const env = parseEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: join(dir, "pglite"),
    ...(database === undefined ? {} : { DATABASE_URL: database.url }),
    SHUTDOWN_TIMEOUT_MS: "2000",
  });
  const atlas = await startCareAtlas(env, logger, { mountAdmin: false });
  const keys = {
    read: (await atlas.auth.createKey({ name: "Synthetic test reader", scopes: ["read"] })).key,
    write: (await atlas.auth.createKey({ name: "Synthetic test writer", scopes: ["write"] })).key,
    admin: (await atlas.auth.createKey({ name: "Synthetic test admin", scopes: ["admin"] })).key,
    audit: (await atlas.auth.createKey({ name: "Synthetic test auditor", scopes: ["audit"] })).key,
    revoked: (await atlas.auth.createKey({ name: "Synthetic revoked", scopes: ["write"] })).key,
  };
  await atlas.auth.revokeKey(keys.revoked);

  const locked = await startServer({
    fetch: createApp({
      config: { ...env, readsRequireKey: true },
      logger,
      auth: atlas.auth,
      access: atlas.auth,
      services: atlas.services,
      readiness: async () => ({ ready: true, checks: {} }),
    }).fetch,
    port: 0,
    host: "127.0.0.1",
    logger,
    shutdownTimeoutMs: 1000,
  });

  const provided: TestApi = {
    url: atlas.url,
    lockedUrl: locked.url,
    backend: atlas.store.backend,
    keys,
  };
  project.provide("api", provided);

  return async () => {
    await locked.close();
    await atlas.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}
