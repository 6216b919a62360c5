/**
 * What the database itself refuses, written straight in SQL past the store's own checks:
 * overlapping versions (the exclusion constraint), dangling keys, bad ranges and kinds,
 * a second writer of one revision, and any edit of the append-only tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../src/driver/Sql.js";
import { toInt } from "../src/internal/codec.js";
import { org } from "./fixtures.js";
import { backends, type TestDatabase } from "./harness.js";

/** The SQLSTATE of a driver error (both drivers put it on `code`). */
const sqlState = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  return "no error";
};

const EXCLUSION = "23P01";
const FOREIGN_KEY = "23503";
const CHECK = "23514";
const UNIQUE = "23505";
const RESTRICT = "23001";

describe.each(backends)("database constraints on $name", (backend) => {
  let db: TestDatabase;
  let sql: Sql;
  let seq = 0;
  let serial = 0;

  /** A log row (and its entity row) so that versions have seqs to point at. */
  const logged = async (id: string, revision = 1): Promise<number> => {
    seq += 1;
    await sql.query(
      "insert into entity (id, kind, revision) values ($1::text, 'organisation', $2::integer) on conflict (id) do update set revision = excluded.revision",
      [id, revision],
    );
    await sql.query(
      `insert into change_log (seq, recorded_at, actor, reason, operation, entity_kind, entity_id, revision, before, after)
       values ($1::bigint, now(), 'test', 'test', 'test', 'organisation', $2::text, $3::integer, '[]', '[]')`,
      [seq, id, revision],
    );
    return seq;
  };

  const insertVersion = (
    id: string,
    from: string,
    to: string | null,
    fromSeq: number,
    toSeq: number | null,
  ) =>
    sql.query(
      `insert into entity_version (entity_id, kind, valid, from_seq, to_seq, data)
       values ($1::text, 'organisation', daterange($2::date, $3::date, '[)'), $4::bigint, $5::bigint, $6::text::jsonb)`,
      [id, from, to, fromSeq, toSeq, JSON.stringify(org(id, from, to))],
    );

  const newId = () => {
    serial += 1;
    return `org_constraint${serial.toString().padStart(4, "0")}`;
  };

  beforeAll(async () => {
    db = await backend.create();
    await (await db.open()).close();
    sql = await db.connect();
  });

  afterAll(async () => {
    await sql?.close();
    await db?.dispose();
  });

  it("refuses two versions of one entity overlapping in valid and recorded time", async () => {
    const id = newId();
    const s = await logged(id);
    await insertVersion(id, "2020-01-01", "2021-01-01", s, null);
    expect(await sqlState(insertVersion(id, "2020-06-01", null, s, null))).toBe(EXCLUSION);
    // Adjacent in valid time: fine.
    await insertVersion(id, "2021-01-01", null, s, null);
    // Overlapping in valid time but not in recorded time: fine (that is history).
    const later = await logged(id, 2);
    await insertVersion(id, "2019-01-01", "2019-06-01", s, later);
    await insertVersion(id, "2019-03-01", "2019-09-01", later, null);
    // Other entities are unaffected.
    const other = newId();
    await insertVersion(other, "2020-01-01", null, await logged(other), null);
  });

  it("refuses dangling keys", async () => {
    const id = newId();
    const s = await logged(id);
    expect(await sqlState(insertVersion("org_constraintnone", "2020-01-01", null, s, null))).toBe(
      FOREIGN_KEY,
    );
    expect(await sqlState(insertVersion(id, "2020-01-01", null, s + 1000, null))).toBe(FOREIGN_KEY);
    expect(
      await sqlState(
        sql.query(
          `insert into change_log (seq, recorded_at, actor, reason, operation, entity_kind, entity_id, revision, before, after)
           values (999999, now(), 't', 't', 't', 'organisation', 'org_constraintnone', 1, '[]', '[]')`,
        ),
      ),
    ).toBe(FOREIGN_KEY);
    // A version's kind must be its entity's kind.
    expect(
      await sqlState(
        sql.query(
          `insert into entity_version (entity_id, kind, valid, from_seq, data)
           values ($1::text, 'place', daterange('2020-01-01', null), $2::bigint, $3::text::jsonb)`,
          [id, s, JSON.stringify(org(id, "2020-01-01"))],
        ),
      ),
    ).toBe(FOREIGN_KEY);
  });

  it("checks ranges, kinds, ids, revisions and the data's own id and period", async () => {
    const id = newId();
    const s = await logged(id);
    // Empty valid period.
    expect(
      await sqlState(
        sql.query(
          `insert into entity_version (entity_id, kind, valid, from_seq, data)
           values ($1::text, 'organisation', 'empty'::daterange, $2::bigint, $3::text::jsonb)`,
          [id, s, JSON.stringify(org(id, "2020-01-01"))],
        ),
      ),
    ).toBe(CHECK);
    // Recorded upper not after lower.
    expect(await sqlState(insertVersion(id, "2020-01-01", null, s, s))).toBe(CHECK);
    // valid column disagreeing with the data.
    expect(
      await sqlState(
        sql.query(
          `insert into entity_version (entity_id, kind, valid, from_seq, data)
           values ($1::text, 'organisation', daterange('2020-01-01', null), $2::bigint, $3::text::jsonb)`,
          [id, s, JSON.stringify(org(id, "2019-01-01"))],
        ),
      ),
    ).toBe(CHECK);
    // data of another entity.
    expect(
      await sqlState(
        sql.query(
          `insert into entity_version (entity_id, kind, valid, from_seq, data)
           values ($1::text, 'organisation', daterange('2020-01-01', null), $2::bigint, $3::text::jsonb)`,
          [id, s, JSON.stringify(org("org_constraintelse", "2020-01-01"))],
        ),
      ),
    ).toBe(CHECK);
    // Unknown kind; an id whose prefix is not its kind's; revision 0.
    expect(
      await sqlState(sql.query("insert into entity values ('zzz_synthetic1', 'zzz', 1)")),
    ).toBe(CHECK);
    expect(
      await sqlState(sql.query("insert into entity values ('plc_synthetic1', 'organisation', 1)")),
    ).toBe(CHECK);
    expect(
      await sqlState(sql.query("insert into entity values ('org_synthetic1', 'organisation', 0)")),
    ).toBe(CHECK);
    // Empty actor.
    expect(
      await sqlState(
        sql.query(
          `insert into change_log (seq, recorded_at, actor, reason, operation, entity_kind, entity_id, revision, before, after)
           values (999998, now(), '', 't', 't', 'organisation', $1::text, 9, '[]', '[]')`,
          [id],
        ),
      ),
    ).toBe(CHECK);
  });

  it("refuses a second log row for one revision of an entity", async () => {
    const id = newId();
    await logged(id, 1);
    expect(await sqlState(logged(id, 1))).toBe(UNIQUE);
    seq -= 1; // that seq was rolled back
  });

  it("has an index that answers one entity's log rows (changesOf) without a scan", async () => {
    // The unique constraint on (entity_id, revision) is that index; with sequential scans
    // off, the planner must find it for the query changesOf runs.
    const plan = await sql.transaction(async (tx) => {
      await tx.query("set local enable_seqscan = off");
      return tx.query<Record<string, string>>(
        `explain select seq from change_log where entity_id = $1::text order by revision`,
        ["org_constraint0001"],
      );
    });
    const text = plan.map((row) => Object.values(row).join(" ")).join("\n");
    expect(text).toMatch(/Index (Only )?Scan using change_log_entity_revision_key/);
  });

  it("keeps the log and the versions append-only", async () => {
    const id = newId();
    const s = await logged(id);
    await insertVersion(id, "2020-01-01", null, s, null);
    expect(
      await sqlState(
        sql.query("update change_log set actor = 'someone else' where seq = $1::bigint", [s]),
      ),
    ).toBe(RESTRICT);
    expect(await sqlState(sql.query("delete from change_log where seq = $1::bigint", [s]))).toBe(
      RESTRICT,
    );
    expect(
      await sqlState(sql.query("delete from entity_version where entity_id = $1::text", [id])),
    ).toBe(RESTRICT);
    expect(
      await sqlState(
        sql.query(
          `update entity_version set data = jsonb_set(data, '{name}', '"Synthetic Edited"')
            where entity_id = $1::text`,
          [id],
        ),
      ),
    ).toBe(RESTRICT);
    // Closing a current row once is the one update allowed …
    const next = await logged(id, 2);
    await sql.query("update entity_version set to_seq = $2::bigint where entity_id = $1::text", [
      id,
      next,
    ]);
    // … and only once.
    const third = await logged(id, 3);
    expect(
      await sqlState(
        sql.query("update entity_version set to_seq = $2::bigint where entity_id = $1::text", [
          id,
          third,
        ]),
      ),
    ).toBe(RESTRICT);
    const [row] = await sql.query<{ to_seq: unknown }>(
      "select to_seq from entity_version where entity_id = $1::text",
      [id],
    );
    expect(toInt(row?.to_seq)).toBe(next);
  });
});
