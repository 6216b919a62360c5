/**
 * @module Store
 * What the store offers: a bitemporal register of entity versions on two clocks (valid
 * time: dates; recorded time: change sequence numbers), an append-only change log, and the
 * reference geography. Promise-based; the services wrap it in Effect.
 */
import type {
  Entity,
  EntityKind,
  Lsoa,
  LsoaAssignment,
  PostcodeRecord,
  Source,
} from "@care-atlas/domain";
import type { Queryable } from "./driver/Sql.js";
import type { PostcodeTable } from "./PostcodeTable.js";

/** One row of the register, with the range of change seqs during which it was current. */
export interface StoredVersion<E = Entity> {
  readonly kind: EntityKind;
  readonly id: string;
  readonly data: E;
  /** The seq of the change that wrote it. */
  readonly recordedFrom: number;
  /** The seq of the change that superseded it; `null` while it is current. */
  readonly recordedTo: number | null;
}

/** An entity's current recorded state: its revision and valid-time versions. */
export interface EntityHistory {
  readonly kind: EntityKind;
  readonly id: string;
  /** The optimistic concurrency counter: 1 when created, +1 on every change. */
  readonly revision: number;
  /** Every version, sorted by `valid.from`; empty once the entity was deleted. */
  readonly versions: Entity[];
}

/** A write: for each entity, the revision it was read at and its complete new history. */
export interface ChangeInput {
  readonly actor: string;
  readonly reason: string;
  readonly source?: string;
  /** What the caller did, e.g. `create`, `update`, `end`, `succession`, `import`. */
  readonly operation: string;
  /**
   * Reference data written in the same transaction: each record replaces the current record
   * of its key (a postcode, an LSOA code, an assignment's LSOA, kind and vintage year, a
   * source key) when it differs; records equal to the current ones are skipped. When any
   * differs, the write logs one {@link ReferenceChange} with the counts, after the entity
   * changes.
   */
  readonly reference?: ReferenceData;
  /**
   * The data version (last change seq) the caller checked the change against. When given,
   * the write takes the write lock and refuses with {@link StoreMoved} (nothing written)
   * if any write committed since: whatever the caller concluded from the register at that
   * version (its rules) still holds when the write commits. Writers across processes are
   * serialised this way; without it, only each entity's revision is checked.
   */
  readonly expectedSeq?: number;
  readonly entities: ReadonlyArray<{
    readonly kind: EntityKind;
    readonly id: string;
    /** The revision the caller read; `null` = the entity must not exist yet. */
    readonly expectedRevision: number | null;
    /** The entity's complete new valid-time history (empty = deleted). */
    readonly versions: ReadonlyArray<Entity>;
  }>;
}

/** A row of the change log: one entity changed by one write. */
export interface Change {
  readonly seq: number;
  /** ISO timestamp with milliseconds, UTC (`2026-11-23T17:51:58.461Z`). */
  readonly recordedAt: string;
  readonly actor: string;
  readonly reason: string;
  readonly source: string | null;
  readonly operation: string;
  readonly kind: EntityKind;
  readonly id: string;
  /** The entity's revision after this change. */
  readonly revision: number;
  readonly before: Entity[];
  readonly after: Entity[];
}

/**
 * Which change-log rows a feed read wants (every given field must match). The entity
 * filters (`kinds`, `id`) leave out the rows of reference data, which name no entity.
 */
export interface ChangeFilter {
  /** Only changes to entities of these kinds. */
  readonly kinds?: ReadonlyArray<EntityKind> | undefined;
  /** Only changes to this entity. */
  readonly id?: string | undefined;
  /** Only changes recorded at or after this time. */
  readonly since?: Date | undefined;
}

/**
 * Reference data a write puts in place, each record replacing the current one of its key.
 * Postcodes may be any iterable, read once and written in batches, so that a directory of
 * millions of postcodes is never one array.
 */
export interface ReferenceData {
  readonly lsoas?: ReadonlyArray<Lsoa>;
  readonly postcodes?: Iterable<PostcodeRecord>;
  readonly assignments?: ReadonlyArray<LsoaAssignment>;
  readonly sources?: ReadonlyArray<Source>;
}

/** The reference datasets, as the change log counts them. */
export type ReferenceDataset = "postcodes" | "lsoas" | "assignments" | "sources";

/** What one write did to one reference dataset: records created, and records replaced. */
export interface ReferenceCount {
  readonly created: number;
  readonly changed: number;
}

/**
 * A row of the change log that records a write of reference data: one per write (not one
 * per postcode), after that write's entity changes, with the counts per dataset it changed.
 * It names no entity; `kind` is `"reference"`.
 */
export interface ReferenceChange {
  readonly seq: number;
  /** ISO timestamp with milliseconds, UTC, shared with the write's entity changes. */
  readonly recordedAt: string;
  readonly actor: string;
  readonly reason: string;
  readonly source: string | null;
  readonly operation: string;
  readonly kind: "reference";
  /** The datasets the write changed, with their counts. */
  readonly reference: Partial<Record<ReferenceDataset, ReferenceCount>>;
}

/** A row of the change log: an entity's change, or a write's reference data. */
export type LogEntry = Change | ReferenceChange;

/**
 * Whether a log row is an entity's change (not a write's reference data).
 *
 * @example
 * ```ts
 * import { isEntityChange, type LogEntry } from "@care-atlas/store";
 * declare const log: LogEntry[];
 * const changed = log.filter(isEntityChange).map((change) => change.id);
 * ```
 */
export const isEntityChange = (entry: LogEntry): entry is Change => entry.kind !== "reference";

/** The entity changes among log rows, in order. */
export const entityChanges = (entries: ReadonlyArray<LogEntry>): Change[] =>
  entries.filter(isEntityChange);

/** Reference data as recorded at one seq. */
export interface ReferenceAt {
  /** The seq of the last change of reference data at or before the seq read (0: none). */
  readonly seq: number;
  readonly lsoas: Lsoa[];
  /** The postcodes as sorted columns (a record made per lookup). */
  readonly postcodes: PostcodeTable;
  readonly assignments: LsoaAssignment[];
  readonly sources: Source[];
}

/**
 * What can be read from a streaming replica (a hot standby) of the store's database: the
 * reads the services build and refresh their read model from. A standby replays the
 * primary's writes a little later, so it may be behind the primary (never ahead, and never
 * showing half a write).
 */
export interface StoreReader {
  /** Where the reads go: `primary` or `replica`. */
  readonly role: "primary" | "replica";
  lastSeq(): Promise<number>;
  seqAt(asOf: Date): Promise<number>;
  current(): Promise<{ seq: number; histories: EntityHistory[] }>;
  historyAsOf(seq: number, filter?: { kind?: EntityKind; id?: string }): Promise<Entity[]>;
  changes(afterSeq: number, limit: number): Promise<LogEntry[]>;
  referenceAt(seq?: number): Promise<ReferenceAt>;
  lastReferenceSeq(seq?: number): Promise<number>;
  lsoas(): Promise<Lsoa[]>;
  postcodes(): Promise<PostcodeRecord[]>;
  assignments(): Promise<LsoaAssignment[]>;
  sources(): Promise<Source[]>;
}

/**
 * The store. Every write goes through {@link Store.apply}; every read names its recorded
 * time as a change seq (see {@link Store.seqAt}).
 *
 * @example
 * ```ts
 * import { openStore } from "@care-atlas/store";
 * const store = await openStore({ dataDir: ".data/atlas" });
 * const { seq, histories } = await store.current();
 * await store.close();
 * ```
 */
export interface Store {
  readonly backend: "pglite" | "postgres";
  /**
   * The store's own SQL connection (the PGlite instance, or the server pool), for tables
   * other packages keep in the same database (e.g. @care-atlas/auth's, migration 0002).
   * Not for the register's tables: write those only through {@link Store.apply}.
   */
  readonly sql: Queryable;
  /** Brings the schema up to date (done by `openStore`); idempotent; refuses a newer schema. */
  migrate(): Promise<void>;
  /** The seq of the last change, 0 for an empty register. */
  lastSeq(): Promise<number>;
  /** The last seq recorded at or before `asOf` (0 when none). */
  seqAt(asOf: Date): Promise<number>;
  /** Every entity's current history and the seq they are current at, in one consistent read. */
  current(): Promise<{ seq: number; histories: EntityHistory[] }>;
  /** The versions the register held at `seq` (optionally of one kind or one entity). */
  historyAsOf(seq: number, filter?: { kind?: EntityKind; id?: string }): Promise<Entity[]>;
  /** One entity's current history, or `undefined` if it never existed. */
  entity(id: string): Promise<EntityHistory | undefined>;
  /** Every row ever recorded for an entity, by recorded time then valid time. */
  recordedVersions(id: string): Promise<StoredVersion[]>;
  /**
   * Writes new histories in one transaction: checks each entity's revision (a mismatch
   * throws {@link StoreConflict}), closes only the rows that differ, inserts the new ones and
   * logs one change per entity that changed, then the reference data that differs, logged
   * as one {@link ReferenceChange}. All or nothing. Entities whose history is unchanged are
   * not logged and keep their revision; the result lists the log rows written.
   */
  apply(change: ChangeInput): Promise<LogEntry[]>;
  /**
   * Log rows with seq > `afterSeq`, in order, at most `limit`; with `filter`, only the
   * changes of the given kinds, of one entity, and/or recorded at or after `since`.
   */
  changes(afterSeq: number, limit: number, filter?: ChangeFilter): Promise<LogEntry[]>;
  /**
   * Every change-log row of one entity, in seq order (empty if it never existed): who
   * changed it, when, why, and its history before and after each change.
   */
  changesOf(id: string): Promise<Change[]>;
  /**
   * The reference data as recorded at `seq` (default: now), in one consistent read:
   * postcodes, LSOAs, LSOA assignments and sources, with the seq of the last reference
   * change at or before it. The postcodes come from their binary snapshot when one of that
   * state of the reference data is saved; otherwise from their rows, and then (for the
   * latest state, of at least `postcodeSnapshotMin` postcodes) the snapshot is saved for
   * the next read.
   */
  referenceAt(seq?: number): Promise<ReferenceAt>;
  /** The seq of the last change of reference data at or before `seq` (default: now), 0 if none. */
  lastReferenceSeq(seq?: number): Promise<number>;
  lsoas(): Promise<Lsoa[]>;
  postcodes(): Promise<PostcodeRecord[]>;
  assignments(): Promise<LsoaAssignment[]>;
  sources(): Promise<Source[]>;
  /**
   * A streaming replica of the database (`readUrl`), for the reads that build and refresh a
   * read model; absent when the store has none (then the store itself serves them).
   */
  readonly replica?: StoreReader;
  /**
   * Calls `onChange(lastSeq)` after each committed write (LISTEN/NOTIFY). On a server this
   * sees writes from every process; on PGlite only this process's (the only writer). On a
   * server the subscription survives a lost connection: it is made again when the server
   * answers, and `onReconnect` is called then (changes committed in between were not
   * notified). Resolves to an unsubscribe function.
   */
  listen?(onChange: (seq: number) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /**
   * Subscribes to NOTIFY on another channel of the same database (e.g. `@care-atlas/auth`'s
   * revocations), with the same reconnection as {@link Store.listen}.
   */
  subscribe(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
