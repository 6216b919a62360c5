/**
 * @module openStore
 * Opens the store on embedded PGlite (a data directory, or in memory) or on a PostgreSQL
 * server, and brings its schema up to date.
 */

import { openPglite } from "./driver/pglite.js";
import { openPostgresJs } from "./driver/postgresJs.js";
import type { Queryable, Sql } from "./driver/Sql.js";
import { type ApplyHooks, applyChange, changesChannel } from "./internal/apply.js";
import { toInt } from "./internal/codec.js";
import { lockDataDir } from "./internal/dataDirLock.js";
import * as reads from "./internal/reads.js";
import * as reference from "./internal/reference.js";
import { migrate } from "./Migrations.js";
import type { PostcodeTable } from "./PostcodeTable.js";
import type { Store, StoreReader } from "./Store.js";
import { StoreError } from "./StoreError.js";

/** Where the store lives. */
export interface StoreOptions {
  /** A PostgreSQL server, `postgres://user@host:5432/database`. Takes precedence. */
  readonly databaseUrl?: string;
  /** A PGlite data directory (created when missing). With neither: PGlite in memory. */
  readonly dataDir?: string;
  /**
   * A streaming replica (hot standby) of `databaseUrl`'s database, for the reads a read
   * model is built and refreshed from ({@link Store.replica}). Connected lazily: a replica
   * that does not answer fails those reads only.
   */
  readonly readUrl?: string;
  /** Server connections in the pool (default 10). */
  readonly poolSize?: number;
  /**
   * Postcodes from which the store saves a binary snapshot of them (`postcode_snapshot`)
   * after reading them from their rows, so that the next start reads them in one go
   * (default 100,000; the GM dataset's few thousand are read from their rows).
   */
  readonly postcodeSnapshotMin?: number;
}

/** The default of {@link StoreOptions.postcodeSnapshotMin}. */
export const defaultPostcodeSnapshotMin = 100_000;

/**
 * Closed rows after which the store vacuums entity_version: each close leaves index entries
 * with an open recorded range behind until VACUUM, and as-of reads of long histories slow
 * down with them. PGlite has no autovacuum; on a server this complements it.
 */
export const vacuumEveryClosedRows = 128;

/**
 * The postcodes of the latest reference data this process read or wrote, kept so that a
 * read after this process's own write of postcodes needs neither their rows nor their
 * snapshot: the table before the write with the written postcodes put in place.
 */
interface HeldPostcodes {
  readonly refSeq: number;
  readonly table: PostcodeTable;
  /** Whether its snapshot is saved. */
  readonly saved: boolean;
}

/** The reads a read model needs, over one connection (pool). */
const readerOver = (
  sql: Sql,
  role: StoreReader["role"],
  snapshotMin = defaultPostcodeSnapshotMin,
  held?: { current: HeldPostcodes | undefined },
  place?: reference.SnapshotPlace,
): StoreReader => ({
  role,
  lastSeq: () => reads.lastSeq(sql),
  seqAt: (asOf) => reads.seqAt(sql, asOf),
  current: () => reads.current(sql),
  historyAsOf: (seq, filter) => reads.historyAsOf(sql, seq, filter),
  changes: (afterSeq, limit) => reads.changes(sql, afterSeq, limit),
  referenceAt: async (seq) => {
    const { from, ...read } = await sql.transaction(async (tx) => {
      await tx.query("set transaction isolation level repeatable read, read only");
      return reference.referenceAt(tx, seq, held?.current, place);
    });
    if (held === undefined) return read;
    // Kept, and its snapshot saved, for the latest reference data only; a failure to save
    // loses nothing (the next start reads the rows again).
    try {
      if ((await reference.lastReferenceSeq(sql)) !== read.seq) return read;
      let saved = from === "snapshot" || (from === "memory" && held.current?.saved === true);
      if (!saved && read.postcodes.size >= snapshotMin) {
        await reference.savePostcodeSnapshot(sql, read.seq, read.postcodes, place);
        saved = true;
      }
      held.current = { refSeq: read.seq, table: read.postcodes, saved };
    } catch {
      // A read-only database, or a concurrent save: the rows remain the source.
    }
    return read;
  },
  lastReferenceSeq: (seq) => reference.lastReferenceSeq(sql, seq),
  lsoas: () => reference.lsoas(sql),
  postcodes: () => reference.postcodes(sql),
  assignments: () => reference.assignments(sql),
  sources: () => reference.sources(sql),
});

/** The store over an open {@link Sql}; `migrate` is not run. @internal */
export const storeOver = (
  sql: Sql,
  options: {
    onClose?: () => void;
    hooks?: ApplyHooks;
    replica?: Sql;
    postcodeSnapshotMin?: number;
    /** A PGlite data directory: the postcodes' snapshot is a file there. */
    dataDir?: string;
  } = {},
): Store & { vacuum(): Promise<void> } => {
  let closed = false;
  let closedSinceVacuum = 0;
  let vacuuming: Promise<void> | undefined;
  // In the background, after the write's commit: a failure here loses nothing (the next
  // one, or autovacuum, will do), so it is swallowed rather than failing a committed write.
  const vacuum = (): Promise<void> => {
    closedSinceVacuum = 0;
    vacuuming ??= sql
      .query("vacuum (index_cleanup on, analyze) entity_version")
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        vacuuming = undefined;
      });
    return vacuuming;
  };
  const shared: Queryable = {
    query: (text, params) => sql.query(text, params),
    exec: (text) => sql.exec(text),
    copyIn: (table, columns, chunks) => sql.copyIn(table, columns, chunks),
  };
  const replica = options.replica;
  // The store's own reads are the primary's reader's (its feed reads take a filter too).
  const held: { current: HeldPostcodes | undefined } = { current: undefined };
  const {
    role: _role,
    changes: _changes,
    ...primaryReads
  } = readerOver(
    sql,
    "primary",
    options.postcodeSnapshotMin,
    held,
    options.dataDir === undefined ? { kind: "table" } : { kind: "file", dir: options.dataDir },
  );
  return {
    vacuum,
    backend: sql.backend,
    sql: shared,
    ...(replica === undefined ? {} : { replica: readerOver(replica, "replica") }),
    migrate: async () => {
      await migrate(sql);
    },
    entity: (id) => reads.entity(sql, id),
    recordedVersions: (id) => reads.recordedVersions(sql, id),
    apply: async (change) => {
      const { changes, closedRows, postcodes } = await applyChange(sql, change, options.hooks);
      // After a write of postcodes (under the write lock): the register's postcodes are the
      // held ones of the reference data before it with the written ones put in place.
      const last = changes.at(-1);
      if (postcodes !== undefined && last !== undefined) {
        held.current =
          held.current?.refSeq === postcodes.before
            ? {
                refSeq: last.seq,
                table: held.current.table.merge(postcodes.written),
                saved: false,
              }
            : undefined;
      }
      closedSinceVacuum += closedRows;
      if (closedSinceVacuum >= vacuumEveryClosedRows) void vacuum();
      return changes;
    },
    changes: (afterSeq, limit, filter) => reads.changes(sql, afterSeq, limit, filter),
    changesOf: (id) => reads.changesOf(sql, id),
    ...primaryReads,
    listen: (onChange, onReconnect) =>
      sql.listen(
        changesChannel,
        (payload) => {
          // Anyone may NOTIFY the channel: pass on only what a write of the store sends.
          if (/^\d+$/.test(payload)) onChange(toInt(payload));
        },
        onReconnect,
      ),
    subscribe: (channel, onPayload, onReconnect) => sql.listen(channel, onPayload, onReconnect),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        // Leave the table vacuumed for the next session (PGlite has no autovacuum), so that
        // opening need not vacuum before the first read.
        if (closedSinceVacuum > 0) await vacuum();
        await vacuuming;
        await replica?.close();
        await sql.close();
      } finally {
        options.onClose?.();
      }
    },
  };
};

/**
 * Opens the store and its connection, with test hooks; `openStore` is this without them.
 * @internal
 */
export const openStoreInternal = async (
  options: StoreOptions,
  internal: { hooks?: ApplyHooks } = {},
): Promise<{ store: Store & { vacuum(): Promise<void> }; sql: Sql }> => {
  let sql: Sql;
  let replica: Sql | undefined;
  let release: (() => void) | undefined;
  if (options.readUrl !== undefined && options.databaseUrl === undefined) {
    throw new StoreError("readUrl needs databaseUrl: a replica is of a PostgreSQL server");
  }
  if (options.databaseUrl !== undefined) {
    sql = await openPostgresJs(
      options.databaseUrl,
      options.poolSize === undefined ? {} : { poolSize: options.poolSize },
    );
    if (options.readUrl !== undefined) {
      replica = await openPostgresJs(options.readUrl, {
        ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
        checkNow: false,
        applicationName: "care-atlas-replica",
      });
    }
  } else {
    release = options.dataDir === undefined ? undefined : lockDataDir(options.dataDir);
    try {
      sql = await openPglite(options.dataDir);
    } catch (error) {
      release?.();
      throw error;
    }
  }
  const store = storeOver(sql, {
    ...(release ? { onClose: release } : {}),
    ...(replica ? { replica } : {}),
    ...(internal.hooks ? { hooks: internal.hooks } : {}),
    ...(options.postcodeSnapshotMin === undefined
      ? {}
      : { postcodeSnapshotMin: options.postcodeSnapshotMin }),
    ...(sql.backend === "pglite" &&
    options.databaseUrl === undefined &&
    options.dataDir !== undefined
      ? { dataDir: options.dataDir }
      : {}),
  });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`could not migrate the ${sql.backend} database: ${String(error)}`, {
      cause: error,
    });
  }
  return { store, sql };
};

/**
 * Opens the store and runs pending migrations. With `databaseUrl`, on a PostgreSQL server
 * (15 or later, with the btree_gist extension available); otherwise on embedded PGlite in
 * `dataDir`, or in memory when no `dataDir` is given.
 *
 * @example
 * ```ts
 * import { openStore } from "@care-atlas/store";
 * const store = await openStore({ dataDir: ".data/atlas" });
 * // or: await openStore({ databaseUrl: "postgres://postgres@127.0.0.1:5432/atlas" });
 * console.log(await store.lastSeq());
 * await store.close();
 * ```
 */
export const openStore = async (options: StoreOptions = {}): Promise<Store> =>
  (await openStoreInternal(options)).store;
