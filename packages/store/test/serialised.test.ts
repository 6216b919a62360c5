/**
 * Writes serialised across writers: a write that names the data version it was checked at
 * (`expectedSeq`) is refused, with nothing written, once another write has committed since;
 * a replica's reads; notifications that outlive a lost connection.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../src/driver/Sql.js";
import { openStore } from "../src/openStore.js";
import type { Store } from "../src/Store.js";
import { StoreInvalidInput, StoreMoved } from "../src/StoreError.js";
import { change, org, orgId } from "./fixtures.js";
import { backends, type TestDatabase } from "./harness.js";

const waitFor = async (condition: () => boolean, ms: number): Promise<void> => {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe.each(backends)("serialised writes on $name", (backend) => {
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

  it("writes when the register is where the writer checked it", async () => {
    const seq = await store.lastSeq();
    const id = orgId();
    const [written] = await store.apply({
      ...change(id, null, [org(id, "2020-01-01")]),
      expectedSeq: seq,
    });
    expect(written?.seq).toBe(seq + 1);
  });

  it("refuses, writing nothing, when another write committed since", async () => {
    const seq = await store.lastSeq();
    const first = orgId();
    const second = orgId();
    await store.apply({ ...change(first, null, [org(first, "2020-01-01")]), expectedSeq: seq });
    const refused = store.apply({
      ...change(second, null, [org(second, "2020-01-01")]),
      expectedSeq: seq,
    });
    await expect(refused).rejects.toBeInstanceOf(StoreMoved);
    await expect(refused).rejects.toMatchObject({ expected: seq, actual: seq + 1 });
    expect(await store.entity(second)).toBeUndefined();
    expect(await store.lastSeq()).toBe(seq + 1);
  });

  it("of two writers checked at one data version, exactly one commits", async () => {
    const seq = await store.lastSeq();
    const ids = Array.from({ length: 8 }, () => orgId());
    const results = await Promise.allSettled(
      ids.map((id) =>
        store.apply({ ...change(id, null, [org(id, "2021-01-01")]), expectedSeq: seq }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(StoreMoved);
    }
    expect(await store.lastSeq()).toBe(seq + 1);
  });

  it("refuses a malformed expectedSeq before touching the database", async () => {
    const id = orgId();
    await expect(
      store.apply({ ...change(id, null, [org(id, "2020-01-01")]), expectedSeq: -1 }),
    ).rejects.toBeInstanceOf(StoreInvalidInput);
  });

  it("subscribes to other channels of the database", async () => {
    const heard: string[] = [];
    const stop = await store.subscribe("care_atlas_test_channel", (payload) => heard.push(payload));
    await sql.query("select pg_notify('care_atlas_test_channel', 'hello')");
    await waitFor(() => heard.length > 0, 2000);
    expect(heard).toEqual(["hello"]);
    await stop();
  });

  it.runIf(backend.name === "postgres")(
    "listens again when its connection is lost, and says so",
    async () => {
      const heard: number[] = [];
      let reconnects = 0;
      const stop = await store.listen?.(
        (seq) => heard.push(seq),
        () => {
          reconnects += 1;
        },
      );
      if (stop === undefined) throw new Error("a server store listens");
      const terminated = await sql.query<{ n: unknown }>(
        `select count(pg_terminate_backend(pid)) as n from pg_stat_activity
          where datname = current_database() and application_name = 'care-atlas-store-listen'`,
      );
      expect(Number(terminated[0]?.n)).toBe(1);
      await waitFor(() => reconnects > 0, 5000);
      const id = orgId();
      const [written] = await store.apply(change(id, null, [org(id, "2020-01-01")]));
      await waitFor(() => heard.includes(written?.seq ?? -1), 2000);
      await stop();
    },
  );

  it.runIf(backend.name === "postgres")(
    "reads through a replica URL (here: the same database)",
    async () => {
      if (!("databaseUrl" in db.options)) throw new Error("a server database");
      const withReplica = await openStore({
        databaseUrl: db.options.databaseUrl,
        readUrl: db.options.databaseUrl,
      });
      try {
        const reader = withReplica.replica;
        if (reader === undefined) throw new Error("the store has a replica");
        expect(reader.role).toBe("replica");
        expect(await reader.lastSeq()).toBe(await store.lastSeq());
        const current = await reader.current();
        expect(current.seq).toBe(await store.lastSeq());
        expect(await reader.changes(0, 2)).toEqual(await store.changes(0, 2));
      } finally {
        await withReplica.close();
      }
    },
  );

  it("refuses a replica without a server", async () => {
    await expect(openStore({ readUrl: "postgres://127.0.0.1:1/none" })).rejects.toThrow(
      /readUrl needs databaseUrl/,
    );
  });
});
