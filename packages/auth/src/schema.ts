/**
 * @module schema
 * The auth tables (`api_key`, `admin_user`, `admin_session`) are defined once, by the
 * store's migration `0002_auth` (packages/store/migrations/0002_auth.sql), which every
 * store database runs. {@link authTablesSql} is that migration's text, made safe to run
 * again, for a database the store's migrations do not manage: auth's own tests, and the
 * admin app's separate auth database when it runs on its own.
 */
import { loadMigrations } from "@care-atlas/store";

const authMigration = loadMigrations().find((migration) => migration.name === "auth");
if (authMigration === undefined) throw new Error("@care-atlas/store has no auth migration");

/**
 * Creates the api_key, admin_user and admin_session tables and their index unless they
 * exist: the statements of the store's migration `0002_auth`, each `create table` and
 * `create index` made `… if not exists`.
 *
 * @example
 * ```ts
 * import { authTablesSql, createAuthStore } from "@care-atlas/auth";
 * await pglite.exec(authTablesSql);
 * const auth = createAuthStore(pglite);
 * ```
 */
export const authTablesSql: string = authMigration.sql.replace(
  /\bcreate (table|index) (?!if not exists)/gi,
  "create $1 if not exists ",
);
