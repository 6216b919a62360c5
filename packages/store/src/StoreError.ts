/**
 * @module StoreError
 * The errors the store throws on purpose. Anything else (a lost connection, a bug) comes
 * through as the driver's own error.
 */

/**
 * The base of the store's own errors.
 *
 * @example
 * ```ts
 * import { StoreError } from "@care-atlas/store";
 * try { await store.apply(change); } catch (e) { if (e instanceof StoreError) console.log(e.name); }
 * ```
 */
export class StoreError extends Error {
  override readonly name: string = "StoreError";
}

/**
 * A write named a revision of an entity that is no longer its revision (someone else wrote
 * it first), or `expectedRevision: null` for an entity that already exists. Nothing was
 * written.
 *
 * @example
 * ```ts
 * import { StoreConflict } from "@care-atlas/store";
 * try { await store.apply(change); } catch (e) { if (e instanceof StoreConflict) console.log(e.actual); }
 * ```
 */
export class StoreConflict extends StoreError {
  override readonly name = "StoreConflict";
  readonly id: string;
  /** The revision the write expected; `null` = "must not exist yet". */
  readonly expected: number | null;
  /** The entity's revision in the store; `null` = it does not exist. */
  readonly actual: number | null;

  constructor(id: string, expected: number | null, actual: number | null) {
    super(
      `${id}: expected ${expected === null ? "no entity" : `revision ${expected}`}, found ${
        actual === null ? "no entity" : `revision ${actual}`
      }`,
    );
    this.id = id;
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * A write named the data version (the last change seq) it was checked at, and the register
 * has moved on since: another writer (another process) committed in between. Nothing was
 * written. The writer catches up, checks its change again against the register as it is
 * now, and retries.
 *
 * @example
 * ```ts
 * import { StoreMoved } from "@care-atlas/store";
 * try { await store.apply({ ...change, expectedSeq: 41 }); } catch (e) { if (e instanceof StoreMoved) console.log(e.actual); }
 * ```
 */
export class StoreMoved extends StoreError {
  override readonly name = "StoreMoved";
  /** The data version the write was checked at. */
  readonly expected: number;
  /** The register's data version when the write took the write lock. */
  readonly actual: number;

  constructor(expected: number, actual: number) {
    super(`the register is at change ${actual}, not ${expected}: another writer committed first`);
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * A write the store refuses before touching the database: a version that does not parse
 * with its kind's schema, a version of another id, overlapping versions, an id twice in one
 * change, an id of another kind. The services validate first, so this is a bug upstream.
 *
 * @example
 * ```ts
 * import { StoreInvalidInput } from "@care-atlas/store";
 * new StoreInvalidInput("org_0000000001: versions overlap").message;
 * ```
 */
export class StoreInvalidInput extends StoreError {
  override readonly name = "StoreInvalidInput";
}

/**
 * The database's schema is newer than this code knows, or a migration that was applied has
 * changed since: the store refuses to open rather than guess.
 *
 * @example
 * ```ts
 * import { StoreSchemaError } from "@care-atlas/store";
 * new StoreSchemaError("schema version 3 is newer than this code (2)").name; // "StoreSchemaError"
 * ```
 */
export class StoreSchemaError extends StoreError {
  override readonly name = "StoreSchemaError";
}

/**
 * A PGlite data directory is already open in another process (or twice in this one).
 * PGlite is single-user: two processes on one directory would corrupt it.
 *
 * @example
 * ```ts
 * import { StoreLocked } from "@care-atlas/store";
 * new StoreLocked("/srv/atlas/.data is in use by process 4242").name; // "StoreLocked"
 * ```
 */
export class StoreLocked extends StoreError {
  override readonly name = "StoreLocked";
}
