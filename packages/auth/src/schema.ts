/**
 * @module schema
 * The auth tables (`api_key`, `admin_user`, `admin_session`) are defined once, by the
 * store's migrations `0002_auth` and `0004_auth_audit_scope` (packages/store/migrations),
 * which every store database runs. {@link authTablesSql} is that migration's text, made safe to run
 * again, for a database the store's migrations do not manage: auth's own tests, and the
 * admin app's separate auth database when it runs on its own.
 */
import { loadMigrations } from "@care-atlas/store";

const authMigrations = loadMigrations().filter(
  (migration) => migration.name === "auth" || migration.name.startsWith("auth_"),
);
if (authMigrations[0]?.name !== "auth") throw new Error("@care-atlas/store has no auth migration");

/**
 * Creates the api_key, admin_user and admin_session tables and their index unless they
 * exist: the statements of the store's auth migrations (`0002_auth`, then each later
 * `NNNN_auth_…`, in order), each `create table` and `create index` made `… if not exists`.
 *
 * @example
 * ```ts
 * import { authTablesSql, createAuthStore } from "@care-atlas/auth";
 * await pglite.exec(authTablesSql);
 * const auth = createAuthStore(pglite);
 * ```
 */
export const authTablesSql: string = authMigrations
  .map((migration) =>
    migration.sql.replace(/\bcreate (table|index) (?!if not exists)/gi, "create $1 if not exists "),
  )
  .join("\n");
