import { describe, expect, it } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import { entityChanges } from "../src/StoreService.js";
import { meta, otherOrganisation } from "./fixtures.js";
import { backends, registerOn, seed, type TestDatabase } from "./harness.js";

describe.each(backends)("no lost updates on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
  });
  afterAll(() => db.dispose());

  const attempt = (id: string, i: number) =>
    Effect.gen(function* () {
      const register = yield* Register;
      return yield* register.updateEntity(
        "organisation",
        id,
        otherOrganisation(id, `Synthetic Writer ${i}`),
        1,
        { ...meta, reason: `concurrent update ${i}` },
      );
    });

  const outcome = (exits: ReadonlyArray<Exit.Exit<unknown, { readonly _tag: string }>>) => ({
    succeeded: exits.filter(Exit.isSuccess).length,
    failures: exits
      .filter(Exit.isFailure)
      .map((exit) =>
        Exit.findErrorOption(exit).pipe((o) => (o._tag === "Some" ? o.value._tag : "defect")),
      ),
  });

  it.effect(
    "50 concurrent updates with one expected revision: one succeeds, 49 Conflict, one log entry",
    () =>
      Effect.gen(function* () {
        const id = "org_synthrace01";
        yield* Effect.gen(function* () {
          yield* (yield* Register).createEntity(
            "organisation",
            otherOrganisation(id, "Synthetic Race"),
            meta,
          );
        });
        const before = yield* Effect.promise(() => db.store.lastSeq());
        const exits = yield* Effect.forEach(
          Array.from({ length: 50 }, (_, i) => i),
          (i) => Effect.exit(attempt(id, i)),
          { concurrency: "unbounded" },
        );
        const { succeeded, failures } = outcome(exits);
        expect(succeeded).toBe(1);
        expect(failures).toEqual(Array.from({ length: 49 }, () => "Conflict"));
        const log = entityChanges(yield* Effect.promise(() => db.store.changes(before, 100)));
        expect(log.map((change) => [change.id, change.revision])).toEqual([[id, 2]]);
        expect((yield* Effect.promise(() => db.store.entity(id)))?.revision).toBe(2);
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "the same race split between two Registers (two processes) still lets exactly one through",
    () =>
      Effect.gen(function* () {
        const id = "org_synthrace02";
        const second = yield* Effect.promise(() => db.open());
        yield* Effect.gen(function* () {
          yield* (yield* Register).createEntity(
            "organisation",
            otherOrganisation(id, "Synthetic Race"),
            meta,
          );
        }).pipe(Effect.provide(registerOn(db.store)));
        const before = yield* Effect.promise(() => db.store.lastSeq());
        const exits = yield* Effect.all(
          [
            Effect.forEach(
              Array.from({ length: 25 }, (_, i) => i),
              (i) => Effect.exit(attempt(id, i)),
              {
                concurrency: "unbounded",
              },
            ).pipe(Effect.provide(registerOn(db.store))),
            Effect.forEach(
              Array.from({ length: 25 }, (_, i) => i + 25),
              (i) => Effect.exit(attempt(id, i)),
              {
                concurrency: "unbounded",
              },
            ).pipe(Effect.provide(registerOn(second))),
          ],
          { concurrency: 2 },
        );
        const { succeeded, failures } = outcome(exits.flat());
        expect(succeeded).toBe(1);
        expect(failures).toEqual(Array.from({ length: 49 }, () => "Conflict"));
        const log = entityChanges(yield* Effect.promise(() => db.store.changes(before, 100)));
        expect(log.map((change) => [change.id, change.revision])).toEqual([[id, 2]]);
      }),
  );
});
