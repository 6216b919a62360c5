/**
 * One harness for every integration test: a fresh database on each backend — a copy of an
 * initialised PGlite data directory, and, when CARE_ATLAS_TEST_DATABASE_URL is set, a new
 * database `care_atlas_test_<random>` on that server, dropped afterwards.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { openPglite } from "../src/driver/pglite.js";
import { openPostgresJs } from "../src/driver/postgresJs.js";
import type { Sql } from "../src/driver/Sql.js";
import type { ApplyHooks } from "../src/internal/apply.js";
import { openStoreInternal, type StoreOptions } from "../src/openStore.js";
import type { Store } from "../src/Store.js";
import { env } from "./env.js";

/** A fresh, empty database on one backend. */
export interface TestDatabase {
  readonly backend: "pglite" | "postgres";
  /** What `openStore` needs to open it (also usable by a child process). */
  readonly options: StoreOptions & ({ dataDir: string } | { databaseUrl: string });
  /** Opens the store on it (migrating it). */
  open(extra?: Extra): Promise<Store>;
  /** Opens the store and hands out its connection too, for direct SQL alongside it. */
  openWithSql(extra?: Extra): Promise<{ store: Store; sql: Sql }>;
  /**
   * A raw connection for direct SQL, without migrating; close it yourself. On PGlite only
   * while no store is open on the same directory (one instance per data directory).
   */
  connect(): Promise<Sql>;
  dispose(): Promise<void>;
}

/** Test-only options: a server pool size, hooks into the write path. */
export interface Extra {
  readonly poolSize?: number;
  readonly hooks?: ApplyHooks;
}

export interface Backend {
  readonly name: "pglite" | "postgres";
  create(): Promise<TestDatabase>;
}

const withPool = (databaseUrl: string, extra: Extra): StoreOptions =>
  extra.poolSize === undefined ? { databaseUrl } : { databaseUrl, poolSize: extra.poolSize };

const random = () => crypto.getRandomValues(new Uint32Array(2)).join("").slice(0, 12);

const pglite: Backend = {
  name: "pglite",
  async create() {
    const root = mkdtempSync(join(tmpdir(), "care-atlas-store-test-"));
    const dataDir = join(root, "pgdata");
    cpSync(inject("pgliteTemplate"), dataDir, { recursive: true });
    const options = { dataDir };
    return {
      backend: "pglite",
      options,
      open: async (extra = {}) => (await openStoreInternal(options, extra)).store,
      openWithSql: (extra = {}) => openStoreInternal(options, extra),
      connect: () => openPglite(dataDir),
      dispose: async () => rmSync(root, { recursive: true, force: true }),
    };
  },
};

const server = (adminUrl: string): Backend => ({
  name: "postgres",
  async create() {
    const name = `care_atlas_test_${random()}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    return {
      backend: "postgres",
      options: { databaseUrl },
      open: async (extra = {}) =>
        (await openStoreInternal(withPool(databaseUrl, extra), extra)).store,
      openWithSql: (extra = {}) => openStoreInternal(withPool(databaseUrl, extra), extra),
      connect: () => openPostgresJs(databaseUrl),
      dispose: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  },
});

/** The backends this run tests: PGlite always, the server when configured. */
export const backends: Backend[] = [
  pglite,
  ...(env.CARE_ATLAS_TEST_DATABASE_URL ? [server(env.CARE_ATLAS_TEST_DATABASE_URL)] : []),
];
