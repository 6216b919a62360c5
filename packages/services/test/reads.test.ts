import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import { ids, syntheticSnapshot } from "./fixtures.js";
import { backends, registerOn, seed, type TestDatabase } from "./harness.js";

describe.each(backends)("reads on $name", (backend) => {
  let db: TestDatabase;
  let seededAt: Date;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
    seededAt = new Date();
  });
  afterAll(() => db.dispose());

  const run = <A, E>(program: Effect.Effect<A, E, Register>) =>
    program.pipe(Effect.provide(registerOn(db.store)));

  describe("getEntity", () => {
    it.effect("returns the version valid on the date, with its revision", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const read = yield* register.getEntity("place", ids.place, { validAt: "2024-01-01" });
          expect(read.version.name).toBe("Synthetic Borough");
          expect(read.revision).toBe(1);
          expect(read.dataVersion).toBeGreaterThan(0);
        }),
      ),
    );

    it.effect(
      "fails with NotFound for an unknown id, a wrong kind, or a date before it existed",
      () =>
        run(
          Effect.gen(function* () {
            const register = yield* Register;
            const unknown = yield* Effect.flip(register.getEntity("place", "plc_synthnone1"));
            expect(unknown._tag).toBe("NotFound");
            const wrongKind = yield* Effect.flip(register.getEntity("organisation", ids.place));
            expect(wrongKind._tag).toBe("NotFound");
            const before = yield* Effect.flip(
              register.getEntity("place", ids.place, { validAt: "2019-01-01" }),
            );
            expect(before._tag).toBe("NotFound");
          }),
        ),
    );

    it.effect("fails with ValidationFailed for a malformed date", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const error = yield* Effect.flip(
            register.getEntity("place", ids.place, { validAt: "2024-13-45" }),
          );
          expect(error._tag).toBe("ValidationFailed");
          if (error._tag === "ValidationFailed") expect(error.issues[0]?.path).toBe("validAt");
        }),
      ),
    );

    it.effect("reads a past asOf from the store: before the import nothing existed", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const error = yield* Effect.flip(
            register.getEntity("place", ids.place, { asOf: new Date("2001-01-01T00:00:00Z") }),
          );
          expect(error._tag).toBe("NotFound");
          const now = yield* register.getEntity("place", ids.place, { asOf: seededAt });
          expect(now.version.name).toBe("Synthetic Borough");
        }),
      ),
    );
  });

  it.effect("exports the snapshot it imported", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const { snapshot } = yield* register.exportSnapshot();
        expect(snapshot.places).toEqual(syntheticSnapshot().places);
      }),
    ),
  );
});
