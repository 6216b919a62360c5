import type { Store } from "@care-atlas/store";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import { ids, meta, otherOrganisation } from "./fixtures.js";
import { backends, countingStore, registerOn, seed, type TestDatabase } from "./harness.js";

/** Polls `read` until `done` holds, for at most `ms`. */
const eventually = <A, E, R>(read: Effect.Effect<A, E, R>, done: (a: A) => boolean, ms = 10_000) =>
  Effect.gen(function* () {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = yield* read;
      if (done(value) || Date.now() > deadline) return value;
      yield* Effect.sleep(20);
    }
  });

describe.each(backends)("read model on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
  });
  afterAll(() => db.dispose());

  it.effect("current reads are served from memory: no store call at all", () => {
    const counted = countingStore(db.store);
    return Effect.gen(function* () {
      const register = yield* Register;
      counted.reset();
      yield* register.getEntity("place", ids.place);
      yield* register.lookupCode("Z99901");
      yield* register.listEntities("organisation", { filter: { kind: "pcn" } });
      yield* register.hierarchy();
      yield* register.postcode("ZZ9 9ZA");
      yield* register.lsoa("E01999002");
      yield* register.practice("Z99901");
      yield* register.checkRules();
      yield* register.exportSnapshot();
      expect(counted.total()).toBe(0);

      // A past asOf does go to the store.
      yield* Effect.flip(register.getEntity("place", ids.place, { asOf: new Date("2001-01-01") }));
      expect(counted.calls.get("seqAt")).toBe(1);
      expect(counted.calls.get("historyAsOf")).toBe(1);
    }).pipe(Effect.provide(registerOn(counted.store)));
  });

  it.effect("a write adopts its own change without re-reading the register", () => {
    const counted = countingStore(db.store);
    return Effect.gen(function* () {
      const register = yield* Register;
      counted.reset();
      const result = yield* register.createEntity(
        "organisation",
        otherOrganisation("org_synthrm0001", "Synthetic Read Model"),
        meta,
      );
      expect(yield* register.dataVersion).toBe(result.dataVersion);
      expect(counted.calls.get("current")).toBeUndefined();
      expect(counted.calls.get("apply")).toBe(1);
      counted.reset();
      expect((yield* register.getEntity("organisation", "org_synthrm0001")).revision).toBe(1);
      expect(counted.total()).toBe(0);
    }).pipe(Effect.provide(registerOn(counted.store)));
  });

  it.live("converges after a write by another Register, by polling the last change", () =>
    Effect.gen(function* () {
      const other = yield* Effect.promise(() => db.open());
      // A store without LISTEN: the reader can only learn of writes by polling.
      const deaf: Store = new Proxy(other, {
        get: (target, property, receiver) =>
          property === "listen" ? undefined : Reflect.get(target, property, receiver),
      });
      const id = "org_synthrm0002";
      yield* Effect.gen(function* () {
        const reader = yield* Register;
        const before = yield* reader.dataVersion;
        yield* Effect.gen(function* () {
          yield* (yield* Register).createEntity(
            "organisation",
            otherOrganisation(id, "Synthetic Elsewhere"),
            meta,
          );
        }).pipe(Effect.provide(registerOn(db.store)));
        const read = yield* eventually(
          Effect.result(reader.getEntity("organisation", id)),
          (r) => r._tag === "Success",
        );
        expect(read._tag).toBe("Success");
        expect(yield* reader.dataVersion).toBeGreaterThan(before);
      }).pipe(Effect.provide(registerOn(deaf, { pollIntervalMs: 25 })));
    }),
  );

  it.live(
    "converges after a write by another Register through LISTEN/NOTIFY, without polling",
    () =>
      Effect.gen(function* () {
        const other = yield* Effect.promise(() => db.open());
        const id = "org_synthrm0003";
        yield* Effect.gen(function* () {
          const reader = yield* Register;
          yield* Effect.gen(function* () {
            yield* (yield* Register).createEntity(
              "organisation",
              otherOrganisation(id, "Synthetic Notified"),
              meta,
            );
          }).pipe(Effect.provide(registerOn(db.store)));
          const read = yield* eventually(
            Effect.result(reader.getEntity("organisation", id)),
            (r) => r._tag === "Success",
          );
          expect(read._tag).toBe("Success");
        }).pipe(Effect.provide(registerOn(other, { pollIntervalMs: 0 })));
      }),
  );

  it.effect("refresh catches up on demand, and a write catches up before it checks revisions", () =>
    Effect.gen(function* () {
      const id = "org_synthrm0004";
      const other = yield* Effect.promise(() => db.open());
      const deaf: Store = new Proxy(other, {
        get: (target, property, receiver) =>
          property === "listen" ? undefined : Reflect.get(target, property, receiver),
      });
      yield* Effect.gen(function* () {
        const stale = yield* Register;
        yield* Effect.gen(function* () {
          const writer = yield* Register;
          yield* writer.createEntity("organisation", otherOrganisation(id, "Synthetic One"), meta);
          yield* writer.updateEntity(
            "organisation",
            id,
            otherOrganisation(id, "Synthetic Two"),
            1,
            meta,
          );
        }).pipe(Effect.provide(registerOn(db.store)));
        // The stale Register has not seen either write…
        expect((yield* Effect.flip(stale.getEntity("organisation", id)))._tag).toBe("NotFound");
        // …but its write path catches up first, so a stale revision is a Conflict…
        const conflict = yield* Effect.flip(
          stale.updateEntity("organisation", id, otherOrganisation(id, "Synthetic Three"), 1, meta),
        );
        expect(conflict._tag).toBe("Conflict");
        // …and the right one goes through.
        const ok = yield* stale.updateEntity(
          "organisation",
          id,
          otherOrganisation(id, "Synthetic Three"),
          2,
          meta,
        );
        expect(ok.revision).toBe(3);
        yield* stale.refresh;
        expect((yield* stale.getEntity("organisation", id)).version.name).toBe("Synthetic Three");
      }).pipe(Effect.provide(registerOn(deaf)));
    }),
  );
});
