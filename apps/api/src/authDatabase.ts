/**
 * @module authDatabase
 * Where @care-atlas/auth keeps its tables (`api_key`, `admin_user`, `admin_session`, made
 * by the store's migration 0002_auth). Preferably the store's own connection, when the
 * store exposes it as `sql`. Until it does: on a PostgreSQL server, a small pool of its own
 * on the same database; on embedded PGlite (one connection per data directory, held by the
 * store), a second small PGlite database beside it (`<DATA_DIR>-auth`).
 */
import { mkdirSync } from "node:fs";
import { authTablesSql, type SqlClient } from "@care-atlas/auth";
import type { Queryable, Store } from "@care-atlas/store";
import type { Env } from "./env.js";
import type { Logger } from "./logger.js";

/** An auth database and how to close it. */
export interface AuthDatabase {
  readonly client: SqlClient;
  readonly where: "store" | "server" | "pglite";
  readonly close: () => Promise<void>;
}

const isQueryable = (value: unknown): value is Queryable =>
  typeof value === "object" && value !== null && typeof (value as Queryable).query === "function";

/** Opens the auth database for a store. */
export const openAuthDatabase = async (
  store: Store,
  env: Pick<Env, "databaseUrl" | "dataDir">,
  logger: Logger,
): Promise<AuthDatabase> => {
  const shared = (store as Store & { readonly sql?: unknown }).sql;
  if (isQueryable(shared)) {
    return {
      where: "store",
      client: {
        query: async <Row>(text: string, params?: ReadonlyArray<unknown>) => ({
          rows: (await shared.query(text, params ?? [])) as Row[],
        }),
      },
      close: async () => {},
    };
  }
  if (env.databaseUrl !== undefined) {
    const { default: postgres } = await import("postgres");
    const sql = postgres(env.databaseUrl, { max: 2, onnotice: () => {} });
    return {
      where: "server",
      client: {
        query: async <Row>(text: string, params?: ReadonlyArray<unknown>) => ({
          rows: (await sql.unsafe(text, [...(params ?? [])] as never[])) as unknown as Row[],
        }),
      },
      close: async () => {
        await sql.end({ timeout: 5 });
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const dataDir = `${env.dataDir}-auth`;
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  await db.exec(authTablesSql);
  logger.debug("auth database", { dataDir });
  return {
    where: "pglite",
    client: {
      query: async <Row>(text: string, params?: ReadonlyArray<unknown>) => {
        const result = await db.query<Row>(text, [...(params ?? [])]);
        return { rows: result.rows };
      },
    },
    close: () => db.close(),
  };
};
