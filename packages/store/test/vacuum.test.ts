/**
 * The store vacuums entity_version after every 128 closed rows, so that the index entries
 * superseded versions leave behind do not pile up under as-of reads (PGlite has no
 * autovacuum; see migrations/0003_entity_version_vacuum.sql and bench/asOfRead.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../src/driver/Sql.js";
import { vacuumEveryClosedRows } from "../src/openStore.js";
import type { Store } from "../src/Store.js";
import { change, org, orgId } from "./fixtures.js";
import { backends, type TestDatabase } from "./harness.js";

describe.each(backends)("vacuum on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let sql: Sql;

  const lastVacuum = async (): Promise<string | null> => {
    const [row] = await sql.query<{ last_vacuum: string | null }>(
      `select last_vacuum::text as last_vacuum from pg_stat_user_tables
        where relname = 'entity_version'`,
    );
    return row?.last_vacuum ?? null;
  };

  beforeAll(async () => {
    db = await backend.create();
    ({ store, sql } = await db.openWithSql());
  });

  afterAll(async () => {
    await store?.close();
    await db?.dispose();
  });

  it(`runs VACUUM on entity_version once ${vacuumEveryClosedRows} rows were closed`, async () => {
    const id = orgId();
    await store.apply(change(id, null, [org(id, "2020-01-01", null, "Synthetic 0")]));
    const before = await lastVacuum(); // PGlite vacuums on open; a new server database not
    for (let i = 1; i < vacuumEveryClosedRows; i++) {
      await store.apply(change(id, i, [org(id, "2020-01-01", null, `Synthetic ${i}`)]));
    }
    expect(await lastVacuum()).toBe(before);
    await store.apply(
      change(id, vacuumEveryClosedRows, [org(id, "2020-01-01", null, "Synthetic last")]),
    );
    await expect.poll(lastVacuum, { timeout: 10_000, interval: 200 }).not.toBe(before);
  });
});
