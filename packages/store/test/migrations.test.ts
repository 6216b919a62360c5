/**
 * Migrations on each backend: applied on open, idempotent, safe when two openers race,
 * all or nothing, and refusing a newer or edited schema.
 */
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Sql } from "../src/driver/Sql.js";
import { toInt } from "../src/internal/codec.js";
import { loadMigrations, type Migration, migrate } from "../src/Migrations.js";
import { StoreSchemaError } from "../src/StoreError.js";
import { backends, type TestDatabase } from "./harness.js";

const versions = async (sql: Sql) =>
  (
    await sql.query<{ version: unknown; checksum: string }>(
      "select version, checksum from schema_migrations order by version",
    )
  ).map((row) => ({ version: toInt(row.version), checksum: row.checksum }));

const tableCount = async (sql: Sql) => {
  const [row] = await sql.query<{ n: unknown }>(
    "select count(*) as n from information_schema.tables where table_schema = 'public'",
  );
  return toInt(row?.n);
};

describe.each(backends)("migrations on $name", (backend) => {
  let db: TestDatabase;
  const known = loadMigrations();

  beforeEach(async () => {
    db = await backend.create();
  });

  afterEach(async () => {
    await db.dispose();
  });

  it("expose the store's own connection as sql, over the same tables (auth's, 0002)", async () => {
    const store = await db.open();
    try {
      await store.sql.query(
        "insert into api_key (prefix, name, key_hash, scopes) values ($1::text, $2::text, $3::text, $4::text)",
        ["synthet1", "Synthetic key", "0".repeat(64), "read"],
      );
      const rows = await store.sql.query<{ name: string }>(
        "select name from api_key where prefix = $1::text",
        ["synthet1"],
      );
      expect(rows).toEqual([{ name: "Synthetic key" }]);
      // The register sees no change: the shared connection is not a change-log write.
      expect(await store.lastSeq()).toBe(0);
      // PGlite starts with a small buffer pool (it touches all of it at start).
      if (store.backend === "pglite") {
        expect(await store.sql.query("show shared_buffers")).toEqual([{ shared_buffers: "16MB" }]);
      }
    } finally {
      await store.close();
    }
  });

  it("are applied on open, record their checksums, and do nothing the second time", async () => {
    const store = await db.open();
    await store.close();
    const sql = await db.connect();
    try {
      expect(await versions(sql)).toEqual(
        known.map((m) => ({ version: m.version, checksum: m.checksum })),
      );
      const tables = await tableCount(sql);
      expect(tables).toBeGreaterThanOrEqual(7);
      expect(await migrate(sql)).toEqual([]);
      expect(await versions(sql)).toHaveLength(known.length);
      expect(await tableCount(sql)).toBe(tables);
    } finally {
      await sql.close();
    }
    // And reopening migrates nothing and works.
    const again = await db.open();
    expect(await again.lastSeq()).toBe(0);
    await again.close();
  });

  it("0006 keeps the reference data loaded before it, as held since before it was dated", async () => {
    const sql = await db.connect();
    try {
      const before = known.filter((m) => m.version < 6);
      await migrate(sql, before);
      await sql.query(
        `insert into source (key, data) values ('synthetic', '{"key": "synthetic", "publisher": "Synthetic", "dataset": "Synthetic", "licence": "OGL-UK-3.0", "dataDate": null}')`,
      );
      await sql.query(
        `insert into lsoa (code, data) values ('E01999001', '{"code": "E01999001", "name": "Synthetic 001A", "msoa": {"code": "E02999001", "name": "Synthetic 001"}, "districtCode": "E08999001"}')`,
      );
      await sql.query(
        `insert into postcode (postcode, lsoa_code, data) values ('ZZ9 9ZZ', 'E01999001', '{"postcode": "ZZ9 9ZZ", "lsoaCode": "E01999001", "wardCode": "E05999001", "point": {"lat": 53.4, "lon": -2.3}}')`,
      );
    } finally {
      await sql.close();
    }
    const store = await db.open();
    try {
      const held = await store.referenceAt(0);
      expect(held.sources.map((s) => s.key)).toEqual(["synthetic"]);
      expect(held.lsoas.map((l) => l.name)).toEqual(["Synthetic 001A"]);
      expect([...held.postcodes]).toEqual([
        {
          postcode: "ZZ9 9ZZ",
          lsoaCode: "E01999001",
          introduced: null,
          terminated: null,
          point: { lat: 53.4, lon: -2.3 },
          wardCode: "E05999001",
        },
      ]);
      expect(await store.lastSeq()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it.runIf(backend.name === "postgres")(
    "are applied once when two processes open an empty database at the same time",
    async () => {
      const connections = await Promise.all([1, 2, 3, 4].map(() => db.connect()));
      try {
        const applied = await Promise.all(connections.map((sql) => migrate(sql)));
        expect(applied.filter((a) => a.length > 0)).toEqual([known.map((m) => m.version)]);
        expect(await versions(connections[0] as Sql)).toHaveLength(known.length);
      } finally {
        await Promise.all(connections.map((sql) => sql.close()));
      }
    },
  );

  it("refuse a database whose schema is newer than the code", async () => {
    await (await db.open()).close();
    const sql = await db.connect();
    await sql.query(
      "insert into schema_migrations (version, name, checksum) values ($1::integer, 'from_the_future', 'x')",
      [known.length + 1],
    );
    await sql.close();
    const opening = db.open();
    await expect(opening).rejects.toBeInstanceOf(StoreSchemaError);
    await expect(opening).rejects.toThrow(/newer than this code knows/);
  });

  it("refuse a database where an applied migration has since been edited", async () => {
    await (await db.open()).close();
    const sql = await db.connect();
    try {
      await sql.query("update schema_migrations set checksum = 'edited' where version = 1");
      await expect(migrate(sql)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await sql.close();
    }
  });

  it("are all or nothing: a failing migration leaves the schema as it was", async () => {
    const sql = await db.connect();
    try {
      const broken: Migration = {
        version: known.length + 1,
        name: "broken",
        sql: "create table synthetic_half_done (x integer); select 1 / 0;",
        checksum: createHash("sha256").update("broken").digest("hex"),
      };
      await expect(migrate(sql, [...known, broken])).rejects.toThrow(/division by zero/);
      // Not even the earlier migrations of the same run were kept.
      expect(await tableCount(sql)).toBe(0);
      expect(await migrate(sql)).toEqual(known.map((m) => m.version));
      expect(await tableCount(sql)).toBeGreaterThanOrEqual(7);
    } finally {
      await sql.close();
    }
  });
});
