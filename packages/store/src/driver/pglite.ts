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
  async copyIn(table: string, columns: ReadonlyArray<string>, chunks: Iterable<string>) {
    // PGlite reads COPY input from a Blob passed as /dev/blob: one statement per chunk.
    for (const chunk of chunks) {
      await db.query(`copy ${table} (${columns.join(", ")}) from '/dev/blob'`, [], {
        blob: new Blob([chunk]),
      });
    }
  },
});

/**
 * PGlite's start parameters: its defaults (as of 0.5, `defaultStartParams`; passing any
 * replaces them all) plus a smaller buffer pool, and `synchronous_commit` said out loud.
 * PGlite touches the whole pool when it starts, so its default 128 MB of `shared_buffers`
 * is 128 MB of resident memory in every process that opens a store; the register's tables
 * are ~15 MB on the GM dataset and the operating system caches the data files behind the
 * pool (NodeFS) anyway.
 *
 * Durability, decided: `synchronous_commit=on` — a commit returns only once its WAL has
 * been written (`write(2)`, through NodeFS, straight to the operating system), so an
 * acknowledged write survives the process being killed (SIGKILL, a crash of Node): the
 * kernel holds it, and the next open replays the WAL. `fsync` stays off (`-F`, PGlite's
 * default): PGlite's file system cannot flush to disk (Emscripten's NODEFS has no fsync; it
 * would be a no-op), so nothing is flushed at commit. A power cut or a crash of the
 * operating system can therefore lose the writes of the last moments (Linux writes dirty
 * pages back within about 30 s) and may leave the data directory unrecoverable: the
 * embedded database is for one machine and development; production runs on a PostgreSQL
 * server (`DATABASE_URL`), whose fsync makes a commit durable against power loss too.
 */
const startParams = [
  "--single",
  "-F",
  "-O",
  "-j",
  "-c",
  "search_path=public",
  "-c",
  "exit_on_error=false",
  "-c",
  "log_checkpoints=false",
  "-c",
  "max_worker_processes=0",
  "-c",
  "max_parallel_workers=0",
  "-c",
  "max_parallel_workers_per_gather=0",
  "-c",
  "io_method=sync",
  "-c",
  "max_parallel_maintenance_workers=0",
  "-c",
  "shared_buffers=16MB",
  "-c",
  "synchronous_commit=on",
];

// initdb takes seconds; an in-memory database is cheaper to restore from a copy of an
// initialised one (gzip: ~4.5 MB, ~1 s to load). The first in-memory open of a process
// makes that copy before anything is written to it.
let memoryTemplate: Promise<Blob> | undefined;

const openInMemory = async (): Promise<PGlite> => {
  if (memoryTemplate) {
    const template = await memoryTemplate;
    return PGlite.create({ loadDataDir: template, extensions: { btree_gist }, startParams });
  }
  const db = await PGlite.create({ extensions: { btree_gist }, startParams });
  const dump = db.dumpDataDir("gzip");
  memoryTemplate = dump;
  dump.catch(() => {
    memoryTemplate = undefined;
  });
  await dump;
  return db;
};

/**
 * Opens PGlite on a data directory (created and initialised when empty), or in memory when
 * `dataDir` is undefined.
 */
export const openPglite = async (dataDir: string | undefined): Promise<Sql> => {
  const db =
    dataDir === undefined
      ? await openInMemory()
      : await PGlite.create({ dataDir, extensions: { btree_gist }, startParams });
  return {
    backend: "pglite",
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    // One process, one connection: a subscription is never lost, so never made again.
    listen: async (channel, onPayload) => {
      const unlisten = await db.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => db.close(),
  };
};
