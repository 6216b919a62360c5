/**
 * @module SqlClient
 * The one thing auth needs from a database: run a parameterised statement and get rows.
 * PGlite's `query` has this shape; a postgres.js client is adapted with `sql.unsafe`.
 */

/** Runs one parameterised SQL statement (`$1`, `$2`…) and returns its rows. */
export interface SqlClient {
  query<Row = Record<string, unknown>>(
    text: string,
    params?: ReadonlyArray<unknown>,
  ): Promise<{ rows: Row[] }>;
}
