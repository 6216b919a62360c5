/**
 * @module Sql
 * The one interface every SQL statement in the store is written against, so that the same
 * text runs on embedded PGlite and on a PostgreSQL server (postgres.js). Parameters are
 * positional (`$1`, `$2`, …) and every parameter is cast in the SQL text (`$1::bigint`),
 * so that neither driver has to guess a type. JSON and timestamps are sent as text and cast
 * twice (`$2::text::jsonb`): postgres.js would otherwise serialise a string parameter of
 * type jsonb as a JSON string, and parse a timestamptz parameter as a JS Date.
 */

/** Something SQL can be sent to: a connection (pool) or an open transaction. */
export interface Queryable {
  /** Runs one statement with positional parameters and returns its rows. */
  query<T extends object = Record<string, unknown>>(
    text: string,
    params?: ReadonlyArray<unknown>,
  ): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Loads rows into `table` with `COPY … FROM` (text format: fields separated by tabs,
   * `\N` for null, each row ending in a newline), from chunks of whole rows: for millions of
   * rows, far cheaper than statements with parameters. `table` and `columns` are
   * identifiers the store writes itself, never input.
   */
  copyIn(table: string, columns: ReadonlyArray<string>, chunks: Iterable<string>): Promise<void>;
}

/** A database: one PGlite instance or a pool of server connections. */
export interface Sql extends Queryable {
  readonly backend: "pglite" | "postgres";
  /**
   * Runs `fn` in one transaction on one connection: committed when `fn` resolves, rolled
   * back when it rejects (the rejection is passed on).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to `NOTIFY` on a channel; resolves to an unsubscribe function. On a server the
   * subscription outlives a lost connection: it is made again as soon as the server answers,
   * and `onReconnect` is called then (notifications sent in between were missed).
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
