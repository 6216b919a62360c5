/**
 * The auth tables are defined once, by the store's migrations `0002_auth`, `0004_auth_audit_scope`
 * and `0005_access`: `authTablesSql` (for databases the store does not migrate) must make exactly the tables, columns,
 * constraints and indexes that a store database has after its migrations.
 */

import { openStore, type Store } from "@care-atlas/store";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authTablesSql } from "../src/schema.js";

const tables = ["api_key", "admin_user", "admin_session", "password_reset", "auth_event"];

/** The catalog entries of the auth tables, as comparable rows. */
const catalog = async (query: (text: string) => Promise<unknown[]>) => ({
  columns: await query(
    `select table_name, ordinal_position, column_name, data_type, is_nullable, column_default
     from information_schema.columns
     where table_schema = 'public' and table_name in ('${tables.join("', '")}')
     order by table_name, ordinal_position`,
  ),
  constraints: await query(
    `select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
     from pg_constraint
     where conrelid::regclass::text in ('${tables.join("', '")}')
     order by 1, 2`,
  ),
  indexes: await query(
    `select tablename, indexname, indexdef from pg_indexes
     where schemaname = 'public' and tablename in ('${tables.join("', '")}')
     order by 1, 2`,
  ),
  triggers: await query(
    `select tgrelid::regclass::text as table_name, tgname, pg_get_triggerdef(oid) as definition
     from pg_trigger
     where not tgisinternal and tgrelid::regclass::text in ('${tables.join("', '")}')
     order by 1, 2`,
  ),
});

let bare: PGlite;
let store: Store;

beforeAll(async () => {
  bare = await PGlite.create();
  store = await openStore();
}, 120_000);

afterAll(async () => {
  await bare?.close();
  await store?.close();
});

describe("authTablesSql", () => {
  it("makes the tables the store's migrations make, column for column", async () => {
    await bare.exec(authTablesSql);
    const made = await catalog(async (text) => (await bare.query(text)).rows);
    const migrated = await catalog((text) => store.sql.query(text));
    expect(made.columns).toHaveLength(31);
    expect(made.constraints.length).toBeGreaterThanOrEqual(18);
    expect(made.indexes).toHaveLength(9);
    expect(made.triggers).toHaveLength(1);
    expect(made).toEqual(migrated);
  });

  it("can run again on a database that has the tables", async () => {
    await bare.exec(authTablesSql);
    await bare.exec(authTablesSql);
    const { rows } = await bare.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables where table_name in ('${tables.join("', '")}')`,
    );
    expect(rows).toEqual([{ n: 5 }]);
  });
});
