/**
 * @module authDatabase
 * Where @care-atlas/auth keeps its tables (`api_key`, `admin_user`, `admin_session`, made
 * by the store's migration 0002_auth): the store's own connection (`store.sql`: the one
 * embedded PGlite instance, or the server pool), closed with the store. No second database,
 * no second migration.
 */
import type { SqlClient } from "@care-atlas/auth";
import type { Store } from "@care-atlas/store";

/** The auth tables' client: the store's own connection. */
export const authClientOf = (store: Store): SqlClient => ({
  query: async <Row>(text: string, params?: ReadonlyArray<unknown>) => ({
    rows: (await store.sql.query(text, params ?? [])) as Row[],
  }),
});
