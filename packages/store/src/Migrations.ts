/**
 * @module Migrations
 * The ordered SQL migrations in `packages/store/migrations/NNNN_name.sql`, read at run time,
 * and the runner that applies them: in one transaction, under an advisory lock (so two
 * processes opening one database do not race), recording each file's checksum, refusing a
 * database whose schema is newer than this code or whose applied migrations have changed.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { Queryable, Sql } from "./driver/Sql.js";
import { toInt } from "./internal/codec.js";
import { StoreSchemaError } from "./StoreError.js";

/** One migration file. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** sha256 of the file's text, hex. */
  readonly checksum: string;
}

// This module sits one folder below the package root both as source (src/Migrations.ts)
// and bundled (dist/index.js), so `../migrations/` is the package's migrations folder.
const defaultDirectory = new URL("../migrations/", import.meta.url);

const fileName = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Reads the migrations of a folder, in order; versions must run 1, 2, 3, … without gaps.
 *
 * @example
 * ```ts
 * import { loadMigrations } from "@care-atlas/store";
 * loadMigrations().at(-1)?.version; // the schema version this code knows
 * ```
 */
export const loadMigrations = (directory: URL = defaultDirectory): Migration[] => {
  const migrations = readdirSync(directory)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((file, index): Migration => {
      const match = fileName.exec(file);
      if (!match?.[1] || !match[2]) {
        throw new StoreSchemaError(`migration file name "${file}" is not NNNN_name.sql`);
      }
      const version = Number(match[1]);
      if (version !== index + 1) {
        throw new StoreSchemaError(`migration ${file}: expected version ${index + 1}`);
      }
      const sql = readFileSync(new URL(file, directory), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      return { version, name: match[2], sql, checksum };
    });
  if (migrations.length === 0) throw new StoreSchemaError(`no migrations in ${directory.href}`);
  return migrations;
};

/** The advisory lock key migrations hold (a different key from writes). */
export const migrationLockKey = 7220531000;

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

const appliedMigrations = async (tx: Queryable): Promise<AppliedRow[]> => {
  const rows = await tx.query<AppliedRow>(
    "select version, name, checksum from schema_migrations order by version",
  );
  return rows.map((row) => ({ ...row, version: toInt(row.version) }));
};

/**
 * Brings a database's schema up to date: idempotent, all or nothing. Throws
 * {@link StoreSchemaError} when the database has a migration this code does not know
 * (a newer schema) or an applied migration whose text has changed.
 *
 * @example
 * ```ts
 * import { migrate } from "@care-atlas/store";
 * const applied = await migrate(sql); // versions applied now; [] when already up to date
 * ```
 */
export const migrate = async (
  sql: Sql,
  migrations: ReadonlyArray<Migration> = loadMigrations(),
): Promise<number[]> =>
  sql.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1::bigint)", [migrationLockKey]);
    await tx.query(
      `create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now())`,
    );
    const applied = await appliedMigrations(tx);
    const known = migrations.at(-1)?.version ?? 0;
    const newest = applied.at(-1)?.version ?? 0;
    if (newest > known) {
      throw new StoreSchemaError(
        `the database's schema is at version ${newest}, newer than this code knows (${known}): ` +
          "upgrade @care-atlas/store before opening it",
      );
    }
    for (const row of applied) {
      const migration = migrations[row.version - 1];
      if (migration?.checksum !== row.checksum) {
        throw new StoreSchemaError(
          `migration ${String(row.version).padStart(4, "0")}_${row.name} was changed after ` +
            "it was applied (checksum differs): add a new migration instead of editing one",
        );
      }
    }
    const pending = migrations.filter((m) => m.version > newest);
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query(
        "insert into schema_migrations (version, name, checksum) values ($1::integer, $2::text, $3::text)",
        [migration.version, migration.name, migration.checksum],
      );
    }
    return pending.map((m) => m.version);
  });
