/**
 * @module authDatabase
 * Where @care-atlas/auth keeps its tables (`api_key`, `admin_user`, `admin_session`, made
 * by the store's migration 0002_auth): the store's own connection (`store.sql`: the one
 * embedded PGlite instance, or the server pool). No second database, no second migration.
 */
import type { SqlClient } from "@care-atlas/auth";
import type { Store } from "@care-atlas/store";

/** An auth database and how to close it. */
export interface AuthDatabase {
  readonly client: SqlClient;
  readonly where: "store";
  /** Nothing to close: the connection is the store's, closed with it. */
  readonly close: () => Promise<void>;
}

/** The auth database of a store: its own connection. */
export const openAuthDatabase = (store: Store): AuthDatabase => {
  const shared = store.sql;
  return {
    where: "store",
    client: {
      query: async <Row>(text: string, params?: ReadonlyArray<unknown>) => ({
        rows: (await shared.query(text, params ?? [])) as Row[],
      }),
    },
    close: async () => {},
  };
};
