/**
 * @module postgresJs
 * The {@link Sql} interface over a PostgreSQL server through postgres.js, with a pool of
 * connections. Values come back as postgres.js parses them (int8 as a string, jsonb as
 * JSON); the store converts what it reads explicitly.
 */
import postgres from "postgres";
import type { Queryable, Sql } from "./Sql.js";

type Connection = postgres.Sql | postgres.TransactionSql;

const queryable = (sql: Connection): Queryable => ({
  async query<T extends object>(text: string, params: ReadonlyArray<unknown> = []) {
    // postgres.js types its parameters narrowly; every parameter the store sends is a
    // string, a number, a boolean or null, cast in the SQL text.
    const rows = await sql.unsafe<T[]>(text, [...params] as never[]);
    return [...rows];
  },
  async exec(text: string) {
    // Without parameters postgres.js uses the simple protocol, which runs a whole script.
    await sql.unsafe(text);
  },
});

/** Options for a server connection pool. */
export interface PostgresJsOptions {
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

/** Connects to a PostgreSQL server (`postgres://user@host:port/database`). */
export const openPostgresJs = async (
  url: string,
  options: PostgresJsOptions = {},
): Promise<Sql> => {
  const sql = postgres(url, {
    max: options.poolSize ?? 10,
    onnotice: () => {},
    // Identify the store's sessions in pg_stat_activity.
    connection: { application_name: "care-atlas-store" },
  });
  // Fail now, with the server's message, rather than on the first query.
  await sql.unsafe("select 1");
  return {
    backend: "postgres",
    ...queryable(sql),
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) =>
      (await sql.begin((tx) => fn(queryable(tx)))) as T,
    listen: async (channel, onPayload) => {
      const { unlisten } = await sql.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => sql.end({ timeout: 5 }),
  };
};
