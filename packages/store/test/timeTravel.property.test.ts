/**
 * Time travel, property-based: random sequences of writes (create, replace, end, delete,
 * stale writes) to a few entities, checked against an independent in-memory model. After
 * each write the store's current state equals the model; at the end, reading as of every
 * earlier seq returns exactly the state recorded then, and the versions valid at a random
 * date are the model's.
 */
import { contains, type Entity, type Organisation } from "@care-atlas/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "../src/internal/codec.js";
import { entityChanges, type Store } from "../src/Store.js";
import { StoreConflict } from "../src/StoreError.js";
import { org, orgId } from "./fixtures.js";
import { backends, type TestDatabase } from "./harness.js";

const day = (n: number): string =>
  new Date(Date.UTC(2015, 0, 1) + n * 86_400_000 * 61).toISOString().slice(0, 10);

/** A valid-time history: versions at sorted distinct starts, some dropped (gaps). */
const historyArb = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: 30 }),
      keep: fc.boolean(),
      name: fc.constantFrom("Synthetic A", "Synthetic B"),
    }),
    { maxLength: 4 },
  )
  .chain((points) =>
    fc.boolean().map((openEnded) => {
      const sorted = [...new Map(points.map((p) => [p.start, p])).values()].sort(
        (a, b) => a.start - b.start,
      );
      return sorted.flatMap((p, i) => {
        const next = sorted[i + 1];
        const to = next ? day(next.start) : openEnded ? null : day(p.start + 3);
        return p.keep || i === sorted.length - 1 ? [{ start: day(p.start), to, name: p.name }] : [];
      });
    }),
  );

/** One write: new histories for one to three of the run's entities; maybe a stale one. */
const stepArb = fc.record({
  entities: fc.uniqueArray(
    fc.record({ slot: fc.integer({ min: 0, max: 2 }), history: historyArb }),
    { minLength: 1, maxLength: 3, selector: (e) => e.slot },
  ),
  stale: fc.boolean(),
});

const runArb = fc.record({
  steps: fc.array(stepArb, { minLength: 1, maxLength: 10 }),
  probeDay: fc.integer({ min: 0, max: 40 }),
});

interface ModelEntity {
  revision: number;
  versions: Entity[];
}

const sameHistory = (a: Entity[], b: Entity[]) =>
  canonicalJson(a.map(canonicalJson).sort()) === canonicalJson(b.map(canonicalJson).sort());

const ordered = (versions: Entity[]) =>
  [...versions].sort((a, b) =>
    a.id === b.id ? (a.valid.from < b.valid.from ? -1 : 1) : a.id < b.id ? -1 : 1,
  );

const flatten = (model: Map<string, ModelEntity>, ids: string[]) =>
  ordered(ids.flatMap((id) => model.get(id)?.versions ?? []));

describe.each(backends)("time travel on $name", (backend) => {
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

  it("reads back, as of every seq, exactly the state recorded then", async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ steps, probeDay }) => {
        const ids = [orgId(), orgId(), orgId()];
        const model = new Map<string, ModelEntity>();
        const remembered: Array<{
          from: number;
          seq: number;
          recordedAt: string | null;
          state: Entity[];
        }> = [];

        for (const step of steps) {
          const seqBefore = await store.lastSeq();
          const entities = step.entities.map(({ slot, history }) => {
            const id = ids[slot] as string;
            const versions: Organisation[] = history.map((v) => org(id, v.start, v.to, v.name));
            return { id, versions, expectedRevision: model.get(id)?.revision ?? null };
          });
          const staleTarget = step.stale
            ? entities.find((e) => e.expectedRevision !== null)
            : undefined;
          const input = {
            actor: "property",
            reason: "random synthetic edit",
            operation: "update",
            entities: entities.map((e) => ({
              kind: "organisation" as const,
              id: e.id,
              expectedRevision:
                e === staleTarget && e.expectedRevision !== null
                  ? e.expectedRevision - 1 || 99
                  : e.expectedRevision,
              versions: e.versions,
            })),
          };

          if (staleTarget) {
            await expect(store.apply(input)).rejects.toBeInstanceOf(StoreConflict);
            expect(await store.lastSeq()).toBe(seqBefore);
            continue;
          }

          const changes = entityChanges(await store.apply(input));
          // The model decides on its own which entities change.
          const changed = entities.filter(
            (e) => !sameHistory(model.get(e.id)?.versions ?? [], e.versions),
          );
          expect(changes.map((c) => c.id)).toEqual(changed.map((e) => e.id));
          for (const e of changed) {
            model.set(e.id, {
              revision: (model.get(e.id)?.revision ?? 0) + 1,
              versions: e.versions,
            });
          }

          const current = await store.current();
          expect(current.seq).toBe(seqBefore + changes.length);
          const mine = current.histories.filter((h) => ids.includes(h.id));
          expect(mine.map((h) => [h.id, h.revision])).toEqual(
            ids.filter((id) => model.has(id)).map((id) => [id, model.get(id)?.revision]),
          );
          expect(ordered(mine.flatMap((h) => h.versions))).toEqual(flatten(model, ids));
          if (changes.length > 0) {
            remembered.push({
              from: seqBefore + 1,
              seq: current.seq,
              recordedAt: changes[0]?.recordedAt ?? null,
              state: flatten(model, ids),
            });
          }
        }

        const probe = day(probeDay);
        for (const [i, memory] of remembered.entries()) {
          // Every seq of one write shows the whole write.
          for (let seq = memory.from; seq <= memory.seq; seq++) {
            const asOf = (await store.historyAsOf(seq)).filter((e) => ids.includes(e.id));
            expect(ordered(asOf)).toEqual(memory.state);
          }
          for (const id of ids) {
            expect(await store.historyAsOf(memory.seq, { id })).toEqual(
              memory.state.filter((e) => e.id === id),
            );
          }
          // Recorded time → seq → the same state.
          if (memory.recordedAt)
            expect(await store.seqAt(new Date(memory.recordedAt))).toBe(memory.seq);
          // The state just before this write is the previous write's.
          const previous = remembered[i - 1]?.state ?? [];
          const justBefore = (await store.historyAsOf(memory.from - 1)).filter((e) =>
            ids.includes(e.id),
          );
          expect(ordered(justBefore)).toEqual(previous);
          // Valid at a date, as known then.
          const validThen = (await store.historyAsOf(memory.seq, { kind: "organisation" }))
            .filter((e) => ids.includes(e.id) && contains(e.valid, probe))
            .map((e) => e.id);
          expect(validThen.sort()).toEqual(
            memory.state
              .filter((e) => contains(e.valid, probe))
              .map((e) => e.id)
              .sort(),
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});
