import { collections, type EntityKind, type Snapshot } from "@care-atlas/domain";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import { ids, meta, syntheticPostcodes, syntheticSnapshot } from "./fixtures.js";
import { backends, registerOn, type TestDatabase } from "./harness.js";

/** Every collection sorted by id then valid.from, so that snapshots compare whatever their order. */
const normalised = (snapshot: Snapshot): Snapshot => {
  const copy = structuredClone(snapshot);
  for (const kind of Object.keys(collections) as EntityKind[]) {
    (copy[collections[kind]] as { id: string; valid: { from: string } }[]).sort(
      (a, b) => a.id.localeCompare(b.id) || a.valid.from.localeCompare(b.valid.from),
    );
  }
  copy.lsoas.sort((a, b) => a.code.localeCompare(b.code));
  copy.sources.sort((a, b) => a.key.localeCompare(b.key));
  return copy;
};

const entityCount = (snapshot: Snapshot) =>
  (Object.keys(collections) as EntityKind[]).reduce(
    (sum, kind) => sum + new Set(snapshot[collections[kind]].map((e) => e.id)).size,
    0,
  );

describe.each(backends)("import and export on $name", (backend) => {
  let db: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    [db, other] = await Promise.all([backend.create(), backend.create()]);
  });
  afterAll(async () => {
    await db.dispose();
    await other.dispose();
  });

  it.effect("refuses a malformed snapshot or a rule-breaking one, writing nothing", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const malformed = syntheticSnapshot();
      malformed.places[0] = { ...(malformed.places[0] as Snapshot["places"][number]), name: "" };
      const bad = yield* Effect.flip(register.importSnapshot(malformed, meta));
      expect(bad._tag).toBe("ValidationFailed");
      if (bad._tag === "ValidationFailed")
        expect(bad.issues[0]?.path).toBe("snapshot.places.0.name");

      const dangling = syntheticSnapshot();
      dangling.neighbourhoods[0] = {
        ...(dangling.neighbourhoods[0] as Snapshot["neighbourhoods"][number]),
        placeId: "plc_synthnone01",
      };
      const broken = yield* Effect.flip(register.importSnapshot(dangling, meta));
      expect(broken._tag).toBe("ValidationFailed");
      if (broken._tag === "ValidationFailed") {
        expect(broken.findings.map((f) => f.rule)).toContain("dangling-reference");
      }
      expect(yield* Effect.promise(() => db.store.lastSeq())).toBe(0);
      expect(yield* Effect.promise(() => db.store.lsoas())).toEqual([]);
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("imports into an empty store; importing the same snapshot again changes nothing", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const snapshot = syntheticSnapshot();
      const first = yield* register.importSnapshot(snapshot, meta, {
        postcodes: syntheticPostcodes,
      });
      expect(first.created).toBe(entityCount(snapshot));
      // One log entry per entity, and one for all its reference data (LSOAs, sources, postcodes).
      expect(first.changes).toBe(entityCount(snapshot) + 1);
      const seq = yield* Effect.promise(() => db.store.lastSeq());
      expect(seq).toBe(first.dataVersion);

      const second = yield* register.importSnapshot(snapshot, meta, {
        postcodes: syntheticPostcodes,
      });
      expect(second).toMatchObject({
        created: 0,
        replaced: 0,
        changes: 0,
        unchanged: entityCount(snapshot),
      });
      expect(yield* Effect.promise(() => db.store.lastSeq())).toBe(seq);
      expect(yield* Effect.promise(() => db.store.changes(seq, 10))).toEqual([]);
      expect((yield* register.postcode("ZZ9 9ZB")).neighbourhoods[0]?.neighbourhood.id).toBe(
        ids.south,
      );
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("a snapshot that disagrees with the register is a Conflict unless replace is set", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const changed = syntheticSnapshot();
      changed.places[0] = {
        ...(changed.places[0] as Snapshot["places"][number]),
        name: "Synthetic Renamed",
      };
      const before = yield* Effect.promise(() => db.store.lastSeq());
      const conflict = yield* Effect.flip(register.importSnapshot(changed, meta));
      expect(conflict._tag).toBe("Conflict");
      expect(yield* Effect.promise(() => db.store.lastSeq())).toBe(before);

      const replaced = yield* register.importSnapshot(changed, meta, { replace: true });
      expect(replaced).toMatchObject({ replaced: 1, changes: 1 });
      expect((yield* register.getEntity("place", ids.place)).revision).toBe(2);
      yield* register.importSnapshot(syntheticSnapshot(), meta, { replace: true });
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("the export round-trips: import it elsewhere and export again, same snapshot", () =>
    Effect.gen(function* () {
      const exported = yield* Effect.gen(function* () {
        return yield* (yield* Register).exportSnapshot();
      }).pipe(Effect.provide(registerOn(db.store)));
      expect(normalised(exported.snapshot)).toEqual(normalised(syntheticSnapshot()));
      expect(exported.postcodes).toHaveLength(syntheticPostcodes.length);

      const again = yield* Effect.gen(function* () {
        const register = yield* Register;
        yield* register.importSnapshot(exported.snapshot, meta, { postcodes: exported.postcodes });
        return yield* register.exportSnapshot();
      }).pipe(Effect.provide(registerOn(other.store)));
      expect(again.snapshot).toEqual(exported.snapshot);
    }),
  );

  it.effect("exports the register as it was recorded at a past asOf", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const [firstImport] = yield* Effect.promise(() => db.store.changes(0, 1));
      const asOf = new Date(firstImport?.recordedAt ?? 0);
      const past = yield* register.exportSnapshot({ asOf });
      expect(past.snapshot.places[0]?.name).toBe("Synthetic Borough");
      const beforeAnything = yield* register.exportSnapshot({ asOf: new Date(asOf.getTime() - 1) });
      expect(beforeAnything.snapshot.places).toEqual([]);
      expect(beforeAnything.dataVersion).toBe(0);
    }).pipe(Effect.provide(registerOn(db.store))),
  );
});
