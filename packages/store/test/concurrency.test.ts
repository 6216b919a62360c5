/**
 * No lost updates: many writers of one entity at the same revision, at the same time.
 * On the server the writers use separate pooled connections, so they truly overlap.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChanges, type Store } from "../src/Store.js";
import { StoreConflict } from "../src/StoreError.js";
import { change, org, orgId } from "./fixtures.js";
import { backends, type TestDatabase } from "./harness.js";

const writers = 50;

describe.each(backends)("concurrent writes on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    db = await backend.create();
    store = await db.open({ poolSize: 25 });
  });

  afterAll(async () => {
    await store?.close();
    await db?.dispose();
  });

  it(`lets exactly one of ${writers} updates at the same revision win`, async () => {
    const id = orgId();
    await store.apply(change(id, null, [org(id, "2020-01-01", null, "Synthetic Start")]));
    const start = await store.lastSeq();

    const results = await Promise.allSettled(
      Array.from({ length: writers }, (_, i) =>
        store.apply(change(id, 1, [org(id, "2020-01-01", null, `Synthetic Writer ${i}`)])),
      ),
    );

    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(writers - 1);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(StoreConflict);
      expect(r.reason).toMatchObject({ id, expected: 1, actual: 2 });
    }

    const log = entityChanges(await store.changes(start, 100));
    expect(log).toHaveLength(1);
    const winner = won[0]?.status === "fulfilled" ? entityChanges(won[0].value) : [];
    expect(log).toEqual(winner);
    expect((await store.entity(id))?.versions).toEqual(winner[0]?.after);
    expect(winner[0]?.after).toHaveLength(1);
    expect(await store.lastSeq()).toBe(start + 1);
  });

  it("gives concurrent writers of different entities gapless, distinct seqs", async () => {
    const start = await store.lastSeq();
    const ids = Array.from({ length: 20 }, () => orgId());
    const results = await Promise.all(
      ids.map((id) => store.apply(change(id, null, [org(id, "2020-01-01")]))),
    );
    const seqs = results
      .flat()
      .map((c) => c.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(ids.map((_, i) => start + i + 1));
    const log = await store.changes(start, 100);
    expect(log.map((c) => c.seq)).toEqual(seqs);
    // recorded_at strictly increases from one write to the next.
    const times = log.map((c) => Date.parse(c.recordedAt));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1] ?? 0);
  });
});
