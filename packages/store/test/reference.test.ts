/**
 * Reference data on the recorded clock, on each backend: written by `apply` with or without
 * entities, logged as one row per write with counts, skipped when unchanged, read as of any
 * seq, closed (never changed or deleted) in the database, and refused whole when malformed.
 */
import type { Lsoa, LsoaAssignment, PostcodeRecord, Source } from "@care-atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../src/driver/Sql.js";
import { entityChanges, type ReferenceData, type Store } from "../src/Store.js";
import { StoreInvalidInput } from "../src/StoreError.js";
import { org, orgId } from "./fixtures.js";
import { backends, type TestDatabase } from "./harness.js";

const source: Source = {
  key: "synthetic-directory",
  publisher: "Synthetic Publisher",
  dataset: "Synthetic postcode directory",
  licence: "OGL-UK-3.0",
  dataDate: "2025-02-01",
};

const lsoa = (code: string, name: string): Lsoa => ({
  code,
  name,
  msoa: { code: "E02999001", name: "Synthetic 001" },
  districtCode: "E08999001",
});

const postcode = (code: string, extra: Partial<PostcodeRecord> = {}): PostcodeRecord => ({
  postcode: code,
  lsoaCode: "E01999001",
  introduced: "1980-01",
  terminated: null,
  point: { lat: 53.4, lon: -2.3 },
  wardCode: "E05999001",
  source: source.key,
  ...extra,
});

const assignment = (year: number, from: string, area: string): LsoaAssignment => ({
  lsoaCode: "E01999001",
  kind: "commissioner",
  valid: { from, to: null },
  vintage: { year, from },
  areaKind: "ccg",
  area: { code: area, name: `Synthetic CCG ${area}` },
  source: "synthetic",
});

const write = (reference: ReferenceData, reason = "synthetic import") => ({
  actor: "test",
  reason,
  operation: "import",
  reference,
  entities: [],
});

/** Postcodes from a generator, so the store must not need an array. */
function* many(count: number, prefix: string): Generator<PostcodeRecord> {
  for (let i = 0; i < count; i++) {
    const digits = String(i).padStart(4, "0");
    yield postcode(
      `${prefix}${digits[0]} ${digits[1]}${"ABDEFGHJLN"[Number(digits[2])]}${"ABDEFGHJLN"[Number(digits[3])]}`,
    );
  }
}

describe.each(backends)("reference data on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let sql: Sql;

  beforeAll(async () => {
    db = await backend.create();
    ({ store, sql } = await db.openWithSql());
  });

  afterAll(async () => {
    await store?.close();
    await db?.dispose();
  });

  it("logs a reference-only write as one row with counts, and skips it when nothing differs", async () => {
    const start = await store.lastSeq();
    const data: ReferenceData = {
      sources: [source],
      lsoas: [lsoa("E01999001", "Synthetic 001A"), lsoa("E01999002", "Synthetic 001B")],
      postcodes: [postcode("ZZ9 9ZA"), postcode("ZZ9 9ZB", { terminated: "2024-01" })],
      assignments: [assignment(2016, "2016-04-01", "99A")],
    };
    const logged = await store.apply(write(data));
    expect(logged).toEqual([
      {
        seq: start + 1,
        recordedAt: expect.any(String),
        actor: "test",
        reason: "synthetic import",
        source: null,
        operation: "import",
        kind: "reference",
        reference: {
          lsoas: { created: 2, changed: 0 },
          assignments: { created: 1, changed: 0 },
          sources: { created: 1, changed: 0 },
          postcodes: { created: 2, changed: 0 },
        },
      },
    ]);
    expect(await store.changes(start, 10)).toEqual(logged);
    expect(await store.lastReferenceSeq()).toBe(start + 1);
    // The same data again: nothing differs, nothing is logged.
    expect(await store.apply(write(data))).toEqual([]);
    expect(await store.lastSeq()).toBe(start + 1);
    expect((await store.postcodes()).map((p) => p.postcode)).toEqual(["ZZ9 9ZA", "ZZ9 9ZB"]);
    expect((await store.postcodes())[1]).toEqual(postcode("ZZ9 9ZB", { terminated: "2024-01" }));
  });

  it("writes only what differs, and reads each dataset as recorded at any seq", async () => {
    const before = await store.lastSeq();
    const logged = await store.apply(
      write({
        lsoas: [lsoa("E01999002", "Synthetic 001C"), lsoa("E01999001", "Synthetic 001A")],
        postcodes: [postcode("ZZ9 9ZA", { terminated: "2025-01" }), postcode("ZZ9 9ZC")],
        assignments: [assignment(2020, "2020-04-01", "99B")],
      }),
    );
    expect(logged.map((entry) => (entry.kind === "reference" ? entry.reference : null))).toEqual([
      {
        lsoas: { created: 0, changed: 1 },
        assignments: { created: 1, changed: 0 },
        postcodes: { created: 1, changed: 1 },
      },
    ]);
    const then = await store.referenceAt(before);
    expect(then.seq).toBe(before);
    expect(then.lsoas.map((l) => l.name)).toEqual(["Synthetic 001A", "Synthetic 001B"]);
    expect([...then.postcodes].map((p) => [p.postcode, p.terminated])).toEqual([
      ["ZZ9 9ZA", null],
      ["ZZ9 9ZB", "2024-01"],
    ]);
    expect(then.assignments.map((a) => a.vintage.year)).toEqual([2016]);
    const now = await store.referenceAt();
    expect(now.seq).toBe(before + 1);
    expect(now.lsoas.map((l) => l.name)).toEqual(["Synthetic 001A", "Synthetic 001C"]);
    expect([...now.postcodes].map((p) => [p.postcode, p.terminated])).toEqual([
      ["ZZ9 9ZA", "2025-01"],
      ["ZZ9 9ZB", "2024-01"],
      ["ZZ9 9ZC", null],
    ]);
    expect(now.assignments.map((a) => [a.vintage.year, a.area.code])).toEqual([
      [2016, "99A"],
      [2020, "99B"],
    ]);
    expect(await store.referenceAt(0)).toMatchObject({ seq: 0, lsoas: [] });
    expect((await store.referenceAt(0)).postcodes.size).toBe(0);
  });

  it("logs the reference row after the write's entity changes, all rows on its first seq", async () => {
    const id = orgId();
    const start = await store.lastSeq();
    const logged = await store.apply({
      ...write({ postcodes: [postcode("ZZ9 9ZD")] }),
      entities: [
        { kind: "organisation", id, expectedRevision: null, versions: [org(id, "2020-01-01")] },
      ],
    });
    expect(logged.map((entry) => [entry.seq, entry.kind])).toEqual([
      [start + 1, "organisation"],
      [start + 2, "reference"],
    ]);
    expect(entityChanges(logged).map((c) => c.id)).toEqual([id]);
    // As of either seq of the write, the whole write is there.
    for (const seq of [start + 1, start + 2]) {
      expect([...(await store.referenceAt(seq)).postcodes].map((p) => p.postcode)).toContain(
        "ZZ9 9ZD",
      );
      expect(await store.historyAsOf(seq, { id })).toHaveLength(1);
    }
    expect([...(await store.referenceAt(start)).postcodes].map((p) => p.postcode)).not.toContain(
      "ZZ9 9ZD",
    );
  });

  it("takes postcodes from any iterable, in batches", async () => {
    const start = await store.lastSeq();
    const [entry] = await store.apply(write({ postcodes: many(9_000, "ZY") }));
    expect(entry).toMatchObject({
      kind: "reference",
      reference: { postcodes: { created: 9_000 } },
    });
    expect((await store.postcodes()).filter((p) => p.postcode.startsWith("ZY"))).toHaveLength(
      9_000,
    );
    expect(await store.apply(write({ postcodes: many(9_000, "ZY") }))).toEqual([]);
    expect(await store.lastSeq()).toBe(start + 1);
  });

  it("refuses a malformed or repeated record, writing nothing", async () => {
    const seq = await store.lastSeq();
    const held = await store.postcodes();
    await expect(
      store.apply(write({ postcodes: [postcode("ZZ9 9ZE"), postcode("ZZ9 9ZE")] })),
    ).rejects.toBeInstanceOf(StoreInvalidInput);
    await expect(
      store.apply(
        write({ postcodes: [postcode("ZZ9 9ZF"), { ...postcode("ZZ9 9ZG"), lsoaCode: "nope" }] }),
      ),
    ).rejects.toBeInstanceOf(StoreInvalidInput);
    await expect(
      store.apply(write({ lsoas: [lsoa("E01999003", "x"), lsoa("E01999003", "y")] })),
    ).rejects.toBeInstanceOf(StoreInvalidInput);
    expect(await store.lastSeq()).toBe(seq);
    expect(await store.postcodes()).toEqual(held);
  });

  it("keeps reference rows in the database: closed once, never changed or deleted", async () => {
    await expect(sql.query("delete from postcode_record")).rejects.toThrow(/not allowed/);
    await expect(sql.query("update reference_record set data = '{}'::jsonb")).rejects.toThrow(
      /may only be closed/,
    );
    await expect(
      sql.query("update postcode_record set lsoa_code = 'E01999009' where to_seq is null"),
    ).rejects.toThrow(/may only be closed/);
    await expect(
      sql.query(
        "insert into reference_record (dataset, key, data, from_seq) values ('lsoa', 'E01999001', '{\"code\": \"E01999002\"}', 0)",
      ),
    ).rejects.toThrow();
    await expect(
      sql.query(
        "insert into change_log (seq, recorded_at, actor, reason, operation, before, after) values (999999, now(), 'a', 'b', 'c', '[]', '[]')",
      ),
    ).rejects.toThrow(/change_log_entity_or_reference/);
  });
});
