/**
 * The store's API end to end on each backend: apply, current, historyAsOf, changes,
 * entity, recordedVersions, seqAt, reference data, listen.
 */
import type { Entity } from "@care-atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChangeInput, entityChanges, type Store } from "../src/Store.js";
import { StoreConflict, StoreInvalidInput } from "../src/StoreError.js";
import { change, org, orgId } from "./fixtures.js";
import { backends, type TestDatabase } from "./harness.js";

const nameOf = (entity: Entity) => ("name" in entity ? entity.name : undefined);

describe.each(backends)("store on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    db = await backend.create();
    store = await db.open();
  });

  afterAll(async () => {
    await store?.close();
    await db?.dispose();
  });

  it("reports its backend", () => {
    expect(store.backend).toBe(backend.name);
  });

  it("round-trips a create, an update and a delete through every read", async () => {
    const id = orgId();
    const start = await store.lastSeq();

    const v1 = org(id, "2019-04-01", null, "Synthetic Practice A");
    const [created] = entityChanges(await store.apply(change(id, null, [v1], "create")));
    expect(created).toMatchObject({
      seq: start + 1,
      kind: "organisation",
      id,
      revision: 1,
      operation: "create",
      actor: "test",
      source: "synthetic",
      before: [],
      after: [v1],
    });
    expect(created?.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const closed = org(id, "2019-04-01", "2021-04-01", "Synthetic Practice A");
    const renamed = org(id, "2021-04-01", null, "Synthetic Practice B");
    const [updated] = entityChanges(await store.apply(change(id, 1, [renamed, closed])));
    expect(updated).toMatchObject({
      seq: start + 2,
      revision: 2,
      before: [v1],
      after: [closed, renamed],
    });

    const [deleted] = entityChanges(await store.apply(change(id, 2, [], "delete")));
    expect(deleted).toMatchObject({ seq: start + 3, revision: 3, after: [] });

    // As of each seq: exactly what was recorded then.
    expect(await store.historyAsOf(start, { id })).toEqual([]);
    expect(await store.historyAsOf(start + 1, { id })).toEqual([v1]);
    expect(await store.historyAsOf(start + 2, { id })).toEqual([closed, renamed]);
    expect(await store.historyAsOf(start + 3, { id })).toEqual([]);
    expect(await store.historyAsOf(start + 2, { kind: "organisation", id })).toEqual([
      closed,
      renamed,
    ]);
    expect(await store.historyAsOf(start + 2, { kind: "place", id })).toEqual([]);

    // Current state keeps the deleted entity's revision, with no versions.
    expect(await store.entity(id)).toEqual({ kind: "organisation", id, revision: 3, versions: [] });
    const { seq, histories } = await store.current();
    expect(seq).toBe(start + 3);
    expect(histories.find((h) => h.id === id)).toEqual({
      kind: "organisation",
      id,
      revision: 3,
      versions: [],
    });

    // Every row ever recorded, with its recorded range.
    const rows = await store.recordedVersions(id);
    expect(rows.map((r) => [nameOf(r.data), r.data.valid, r.recordedFrom, r.recordedTo])).toEqual([
      ["Synthetic Practice A", v1.valid, start + 1, start + 2],
      ["Synthetic Practice A", closed.valid, start + 2, start + 3],
      ["Synthetic Practice B", renamed.valid, start + 2, start + 3],
    ]);

    // The log, in order, equals what apply returned.
    expect(await store.changes(start, 10)).toEqual([created, updated, deleted]);
    expect(await store.changes(start, 1)).toEqual([created]);
    expect(await store.changes(start + 3, 10)).toEqual([]);

    // Recorded timestamps map back to their seq, and are strictly increasing.
    for (const c of [created, updated, deleted]) {
      if (!c) throw new Error("missing change");
      expect(await store.seqAt(new Date(c.recordedAt))).toBe(c.seq);
      expect(await store.seqAt(new Date(Date.parse(c.recordedAt) - 1))).toBe(c.seq - 1);
    }
    expect(await store.seqAt(new Date("2000-01-01T00:00:00Z"))).toBe(0);

    // Re-created from its last revision.
    const [again] = entityChanges(await store.apply(change(id, 3, [renamed], "create")));
    expect(again?.revision).toBe(4);

    // The entity's own log rows, in order, equal what apply returned.
    expect(await store.changesOf(id)).toEqual([created, updated, deleted, again]);
  });

  it("changesOf lists one entity's log rows only, across writes of several entities", async () => {
    const [a, b] = [orgId(), orgId()];
    const both = (expected: [number | null, number | null], name: string): ChangeInput => ({
      actor: "test",
      reason: "synthetic two-entity change",
      operation: "update",
      entities: [
        {
          kind: "organisation",
          id: a,
          expectedRevision: expected[0],
          versions: [org(a, "2020-01-01", null, name)],
        },
        {
          kind: "organisation",
          id: b,
          expectedRevision: expected[1],
          versions: [org(b, "2020-01-01", null, name)],
        },
      ],
    });
    const first = await store.apply(both([null, null], "Synthetic One"));
    const onlyB = await store.apply(change(b, 1, [org(b, "2020-01-01", null, "Synthetic B2")]));
    const second = await store.apply(both([1, 2], "Synthetic Two"));
    expect(await store.changesOf(a)).toEqual([first[0], second[0]]);
    expect(await store.changesOf(b)).toEqual([first[1], onlyB[0], second[1]]);
    expect((await store.changesOf(b)).map((c) => c.revision)).toEqual([1, 2, 3]);
    expect(await store.changesOf(orgId())).toEqual([]);
  });

  it("filters the log by kind, by entity and by recorded time", async () => {
    const start = await store.lastSeq();
    const [a, b] = [orgId(), orgId()];
    const [first] = await store.apply(change(a, null, [org(a, "2020-01-01", null, "Synthetic A")]));
    const [second] = await store.apply(
      change(b, null, [org(b, "2020-01-01", null, "Synthetic B")]),
    );
    const [third] = await store.apply(change(a, 1, [org(a, "2020-01-01", null, "Synthetic A2")]));
    if (!first || !second || !third) throw new Error("missing change");
    expect(await store.changes(start, 10, { kinds: ["organisation"] })).toEqual([
      first,
      second,
      third,
    ]);
    expect(await store.changes(start, 10, { kinds: ["place", "team"] })).toEqual([]);
    expect(await store.changes(start, 10, { id: a })).toEqual([first, third]);
    expect(await store.changes(start, 1, { id: a })).toEqual([first]);
    expect(await store.changes(first.seq, 10, { id: a })).toEqual([third]);
    const since = new Date(second.recordedAt);
    expect(await store.changes(start, 10, { since })).toEqual([second, third]);
    expect(await store.changes(start, 10, { since, id: b, kinds: ["organisation"] })).toEqual([
      second,
    ]);
    await expect(store.changes(start, 10, { since: new Date(Number.NaN) })).rejects.toBeInstanceOf(
      StoreInvalidInput,
    );
  });

  it("keeps rows that did not change and logs nothing for an unchanged history", async () => {
    const id = orgId();
    const a = org(id, "2018-01-01", "2020-01-01", "Synthetic Old");
    const b = org(id, "2020-01-01", null, "Synthetic New");
    await store.apply(change(id, null, [a, b]));
    const before = await store.recordedVersions(id);
    const seq = await store.lastSeq();

    expect(await store.apply(change(id, 1, [b, a]))).toEqual([]);
    expect(await store.lastSeq()).toBe(seq);
    expect((await store.entity(id))?.revision).toBe(1);

    // Change only the second version: the first row stays current, untouched.
    const b2 = { ...b, name: "Synthetic Newer" };
    await store.apply(change(id, 1, [a, b2]));
    const after = await store.recordedVersions(id);
    expect(after).toHaveLength(3);
    expect(after[0]).toEqual(before[0]); // `a`, still current, same recorded range
    expect(after.filter((r) => r.recordedTo === null).map((r) => r.data)).toEqual([a, b2]);
  });

  it("logs one row per changed entity and writes a multi-entity change as one recorded instant", async () => {
    const [x, y, z] = [orgId(), orgId(), orgId()];
    const start = await store.lastSeq();
    const changes = entityChanges(
      await store.apply({
        actor: "test",
        reason: "synthetic merge",
        operation: "succession",
        entities: [
          { kind: "organisation", id: x, expectedRevision: null, versions: [org(x, "2020-01-01")] },
          { kind: "organisation", id: y, expectedRevision: null, versions: [org(y, "2020-01-01")] },
          { kind: "organisation", id: z, expectedRevision: null, versions: [] }, // nothing to do
        ],
      }),
    );
    expect(changes.map((c) => [c.seq, c.id, c.source])).toEqual([
      [start + 1, x, null],
      [start + 2, y, null],
    ]);
    expect(new Set(changes.map((c) => c.recordedAt)).size).toBe(1);
    expect(await store.entity(z)).toBeUndefined();
    // Every seq of the change shows the whole change.
    for (const seq of [start + 1, start + 2]) {
      const ids = (await store.historyAsOf(seq)).map((e) => e.id);
      expect(ids).toEqual(expect.arrayContaining([x, y]));
    }
    expect((await store.historyAsOf(start)).map((e) => e.id)).not.toContain(x);
    expect(await store.seqAt(new Date(changes[0]?.recordedAt ?? ""))).toBe(start + 2);
  });

  it("refuses a stale or missing revision with StoreConflict, changing nothing", async () => {
    const id = orgId();
    await store.apply(change(id, null, [org(id, "2020-01-01")]));
    const seq = await store.lastSeq();
    const stale = store.apply(change(id, 7, [org(id, "2021-01-01")]));
    await expect(stale).rejects.toBeInstanceOf(StoreConflict);
    await expect(stale).rejects.toMatchObject({ id, expected: 7, actual: 1 });
    await expect(store.apply(change(id, null, []))).rejects.toMatchObject({
      name: "StoreConflict",
      expected: null,
      actual: 1,
    });
    const absent = orgId();
    await expect(store.apply(change(absent, 1, [org(absent, "2020-01-01")]))).rejects.toMatchObject(
      {
        expected: 1,
        actual: null,
      },
    );
    expect(await store.lastSeq()).toBe(seq);
  });

  it("refuses invalid input before writing", async () => {
    const id = orgId();
    const seq = await store.lastSeq();
    const bad = [
      change(id, null, [org(id, "2020-01-01"), org(id, "2020-06-01")]), // overlap
      change(id, null, [org(orgId(), "2020-01-01")]), // another id
      change(id, null, [{ ...org(id, "2020-01-01"), name: "" }]), // does not parse
      { ...change(id, null, []), actor: " " },
      {
        ...change(id, null, []),
        entities: [{ kind: "place" as const, id, expectedRevision: null, versions: [] }],
      },
      {
        ...change(id, null, []),
        entities: [
          { kind: "organisation" as const, id, expectedRevision: null, versions: [] },
          { kind: "organisation" as const, id, expectedRevision: null, versions: [] },
        ],
      },
    ];
    for (const input of bad) {
      await expect(store.apply(input)).rejects.toBeInstanceOf(StoreInvalidInput);
    }
    await expect(store.historyAsOf(-1)).rejects.toBeInstanceOf(StoreInvalidInput);
    expect(await store.lastSeq()).toBe(seq);
  });

  it("notifies listeners of each committed write with its last seq", async () => {
    const seen: number[] = [];
    const unlisten = await store.listen?.((seq) => seen.push(seq));
    if (!unlisten) throw new Error("listen is implemented on every backend");
    const id = orgId();
    const [c] = await store.apply(change(id, null, [org(id, "2020-01-01")]));
    await expect.poll(() => seen, { timeout: 5_000 }).toContain(c?.seq);
    await unlisten();
    await store.apply(change(id, 1, [org(id, "2020-02-01")]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual([c?.seq]);
  });
});
