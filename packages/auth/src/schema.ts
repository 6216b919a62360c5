/**
 * @module schema
 * The auth tables (`api_key`, `admin_user`, `admin_session`, `password_reset`,
 * `auth_event`) are defined once, by the store's migrations `0002_auth`,
 * `0004_auth_audit_scope` and `0005_access` (packages/store/migrations), which every store
 * database runs. {@link authTablesSql} is those migrations' text, made safe to run again,
 * for a database the store's migrations do not manage: auth's own tests, and the admin
 * app's separate auth database when it runs on its own.
 */
import { loadMigrations } from "@care-atlas/store";

/** The store migrations that belong to auth, in order. */
export const authMigrationNames: ReadonlyArray<string> = ["auth", "auth_audit_scope", "access"];

const authMigrations = loadMigrations().filter((migration) =>
  authMigrationNames.includes(migration.name),
);
if (authMigrations.length !== authMigrationNames.length) {
  throw new Error(`@care-atlas/store lacks an auth migration (${authMigrationNames.join(", ")})`);
}

/** A migration's statements, each made a no-op when what it makes is already there. */
const idempotent = (sql: string): string =>
  sql
    .replace(/\bcreate (table|index) (?!if not exists)/gi, "create $1 if not exists ")
    .replace(/\badd column (?!if not exists)/gi, "add column if not exists ")
    .replace(/\bcreate (function|trigger) /gi, "create or replace $1 ");

/**
 * Creates the auth tables, their indexes and the audit trail's trigger unless they exist:
 * the statements of the store's migrations `0002_auth`, `0004_auth_audit_scope` and
 * `0005_access`, each `create table`, `create index` and `add column` made `… if not
 * exists`, each `create function` and `create trigger` made `create or replace …`.
 *
 * @example
 * ```ts
 * import { authTablesSql, createAuthStore } from "@care-atlas/auth";
 * await pglite.exec(authTablesSql);
 * const auth = createAuthStore(pglite);
 * ```
 */
export const authTablesSql: string = authMigrations
  .map((migration) => idempotent(migration.sql))
  .join("\n");
