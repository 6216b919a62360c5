/**
 * @module pglite
 * The {@link Sql} interface over embedded PGlite (PostgreSQL 18 in WebAssembly), with the
 * btree_gist extension the schema needs. One PGlite instance is one connection: PGlite
 * queues concurrent calls, and a transaction holds the connection until it ends.
 */
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { Queryable, Sql } from "./Sql.js";

const queryable = (db: PGlite | Transaction): Queryable => ({
  async query<T extends object>(text: string, params: ReadonlyArray<unknown> = []) {
    const result = await db.query<T>(text, [...params]);
    return result.rows;
  },
  async exec(text: string) {
    await db.exec(text);
  },
});

/**
 * Opens PGlite on a data directory (created and initialised when empty), or in memory when
 * `dataDir` is undefined.
 */
export const openPglite = async (dataDir: string | undefined): Promise<Sql> => {
  const db = await PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    extensions: { btree_gist },
  });
  return {
    backend: "pglite",
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    listen: async (channel, onPayload) => {
      const unlisten = await db.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => db.close(),
  };
};
