/**
 * All or nothing: a write that fails half way — after any one of its statements, or on a
 * constraint the database checks late — leaves no version, no log row and no revision.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../src/driver/Sql.js";
import { toInt } from "../src/internal/codec.js";
import type { Store } from "../src/Store.js";
import { change, org, orgId } from "./fixtures.js";
import { backends, type TestDatabase } from "./harness.js";

// Every statement of a write that changes rows, in order (see src/internal/apply.ts).
const statements = [
  "lock",
  "last-seq",
  "lock-entities",
  "read-current",
  "clock",
  "entity",
  "change-log",
  "close-versions",
  "insert-versions",
  "notify",
];

class InjectedFailure extends Error {}

describe.each(backends)("atomic writes on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let sql: Sql;
  let failAfter: string | undefined;
  let seen: string[] = [];

  const counts = async () => {
    const [row] = await sql.query<{ versions: unknown; log: unknown; revisions: unknown }>(
      `select (select count(*) from entity_version) as versions,
              (select count(*) from change_log) as log,
              (select coalesce(sum(revision), 0) from entity) as revisions`,
    );
    return {
      versions: toInt(row?.versions),
      log: toInt(row?.log),
      revisions: toInt(row?.revisions),
    };
  };

  beforeAll(async () => {
    db = await backend.create();
    ({ store, sql } = await db.openWithSql({
      hooks: {
        afterStatement: (step) => {
          seen.push(step);
          if (step === failAfter) throw new InjectedFailure(`injected after ${step}`);
        },
      },
    }));
  });

  afterAll(async () => {
    await store?.close();
    await db?.dispose();
  });

  it("runs every statement in this order when a write creates and closes rows", async () => {
    const id = orgId();
    await store.apply(change(id, null, [org(id, "2020-01-01")]));
    seen = [];
    await store.apply({
      ...change(id, 1, [org(id, "2021-01-01")]),
      entities: [
        { kind: "organisation", id, expectedRevision: 1, versions: [org(id, "2021-01-01")] },
        { kind: "organisation", id: orgId(), expectedRevision: null, versions: [] },
      ],
    });
    expect(seen).toEqual(statements);
  });

  it.each(statements)("leaves nothing behind when the write fails after %s", async (name) => {
    // An existing entity with a version to close, and a new one: every statement runs.
    const kept = orgId();
    const fresh = orgId();
    await store.apply(change(kept, null, [org(kept, "2020-01-01")]));
    const before = await counts();
    const lastSeq = await store.lastSeq();

    seen = [];
    failAfter = name;
    try {
      await expect(
        store.apply({
          actor: "test",
          reason: "synthetic failure",
          operation: "update",
          entities: [
            {
              kind: "organisation",
              id: kept,
              expectedRevision: 1,
              versions: [org(kept, "2021-01-01")],
            },
            {
              kind: "organisation",
              id: fresh,
              expectedRevision: null,
              versions: [org(fresh, "2020-01-01")],
            },
          ],
        }),
      ).rejects.toBeInstanceOf(InjectedFailure);
    } finally {
      failAfter = undefined;
    }

    expect(seen.at(-1)).toBe(name);
    expect(await counts()).toEqual(before);
    expect(await store.lastSeq()).toBe(lastSeq);
    expect(await store.entity(fresh)).toBeUndefined();
    expect(await store.entity(kept)).toMatchObject({
      revision: 1,
      versions: [org(kept, "2020-01-01")],
    });
    // The next write takes the next seq: the failed one left no gap.
    const [next] = await store.apply(change(kept, 1, [org(kept, "2021-01-01")]));
    expect(next?.seq).toBe(lastSeq + 1);
  });

  it("rolls back the first entity's rows when the database refuses the second's log row", async () => {
    const first = orgId();
    const second = orgId();
    // A foreign writer already logged revision 6 of `second` while its entity row still
    // says 5: the write's change_log insert breaks the unique (entity_id, revision), after
    // the entity rows of both entities were written in the same transaction.
    await sql.query(
      "insert into entity (id, kind, revision) values ($1::text, 'organisation', 5)",
      [second],
    );
    await sql.query(
      `insert into change_log (seq, recorded_at, actor, reason, operation, entity_kind, entity_id, revision, before, after)
       values ($1::bigint, now(), 'test', 'test', 'test', 'organisation', $2::text, 6, '[]', '[]')`,
      [(await store.lastSeq()) + 1, second],
    );
    const before = await counts();
    seen = [];

    await expect(
      store.apply({
        actor: "test",
        reason: "synthetic failure",
        operation: "create",
        entities: [
          {
            kind: "organisation",
            id: first,
            expectedRevision: null,
            versions: [org(first, "2020-01-01")],
          },
          {
            kind: "organisation",
            id: second,
            expectedRevision: 5,
            versions: [org(second, "2020-01-01")],
          },
        ],
      }),
    ).rejects.toMatchObject({ code: "23505" });

    expect(seen.at(-1)).toBe("entity"); // it failed in the statement after
    expect(await counts()).toEqual(before);
    expect(await store.entity(first)).toBeUndefined();
    expect((await store.entity(second))?.revision).toBe(5);
  });
});
