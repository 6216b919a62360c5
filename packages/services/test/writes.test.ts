import type { Store } from "@care-atlas/store";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { currentModelOf, Register } from "../src/Register.js";
import { from2020, ids, meta, otherOrganisation, provenance } from "./fixtures.js";
import { backends, registerOn, seed, type TestDatabase, withRegister } from "./harness.js";

describe.each(backends)("writes on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
  });
  afterAll(() => db.dispose());

  const run = <A, E>(program: Effect.Effect<A, E, Register>, store: Store = db.store) =>
    program.pipe(Effect.provide(registerOn(store)));

  /** What the database holds, read past the services. */
  const recorded = (id: string) =>
    Effect.promise(async () => ({
      lastSeq: await db.store.lastSeq(),
      entity: await db.store.entity(id),
    }));

  describe("createEntity", () => {
    it.effect("records the first version at revision 1, with who and why in the log", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const result = yield* register.createEntity(
            "organisation",
            otherOrganisation("org_synthcreate1", "Synthetic Created"),
            { ...meta, source: "synthetic" },
          );
          expect(result.revision).toBe(1);
          expect(result.changes.map((c) => [c.operation, c.id, c.actor, c.source])).toEqual([
            ["create", "org_synthcreate1", meta.actor, "synthetic"],
          ]);
          const read = yield* register.getEntity("organisation", "org_synthcreate1");
          expect(read.version.name).toBe("Synthetic Created");
          expect(read.dataVersion).toBe(result.dataVersion);
          expect((yield* recorded("org_synthcreate1")).entity?.revision).toBe(1);
        }),
      ),
    );

    it.effect("generates an id of the kind when none is given", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const { id: _omit, ...input } = otherOrganisation("org_unused000", "Synthetic Anonymous");
          const result = yield* register.createEntity("organisation", input, meta);
          expect(result.id).toMatch(/^org_[0-9a-z]{28}$/);
        }),
      ),
    );

    it.effect("fails with Conflict when the id exists, and writes nothing", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const before = yield* recorded(ids.pcn);
          const error = yield* Effect.flip(
            register.createEntity(
              "organisation",
              otherOrganisation(ids.pcn, "Synthetic Clash"),
              meta,
            ),
          );
          expect(error._tag).toBe("Conflict");
          if (error._tag === "Conflict") expect([error.expected, error.actual]).toEqual([null, 1]);
          expect(yield* recorded(ids.pcn)).toEqual(before);
        }),
      ),
    );

    it.effect(
      "fails with ValidationFailed, naming the fields, for a malformed version or meta",
      () =>
        run(
          Effect.gen(function* () {
            const register = yield* Register;
            const before = (yield* recorded("org_synthbad001")).lastSeq;
            const bad = yield* Effect.flip(
              register.createEntity(
                "organisation",
                {
                  ...otherOrganisation("org_synthbad001", ""),
                  valid: { from: "2021-01-01", to: "2020-01-01" },
                },
                meta,
              ),
            );
            expect(bad._tag).toBe("ValidationFailed");
            if (bad._tag === "ValidationFailed") {
              expect(bad.issues.map((issue) => issue.path).sort()).toEqual([
                "version.name",
                "version.valid.to",
              ]);
            }
            const noReason = yield* Effect.flip(
              register.createEntity(
                "organisation",
                otherOrganisation("org_synthbad001", "Synthetic"),
                {
                  actor: "test",
                  reason: "  ",
                },
              ),
            );
            expect(noReason._tag).toBe("ValidationFailed");
            if (noReason._tag === "ValidationFailed")
              expect(noReason.issues[0]?.path).toBe("meta.reason");
            expect((yield* recorded("org_synthbad001")).lastSeq).toBe(before);
          }),
        ),
    );

    it.effect(
      "a write that breaks a rule is refused with the findings: no version, no log row",
      () =>
        run(
          Effect.gen(function* () {
            const register = yield* Register;
            const before = yield* recorded("nbh_synthclash1");
            // E01999001 is already in Synthetic North, in the same scheme.
            const error = yield* Effect.flip(
              register.createEntity(
                "neighbourhood",
                {
                  id: "nbh_synthclash1",
                  name: "Synthetic Clash",
                  placeId: ids.place,
                  schemeId: ids.geoScheme,
                  footprint: { lsoas: ["E01999001"] },
                  valid: from2020,
                  provenance,
                },
                meta,
              ),
            );
            expect(error._tag).toBe("ValidationFailed");
            if (error._tag === "ValidationFailed") {
              expect(error.findings.map((f) => [f.rule, f.severity])).toContainEqual([
                "lsoa-overlap",
                "error",
              ]);
            }
            expect(yield* recorded("nbh_synthclash1")).toEqual(before);
            expect(before.entity).toBeUndefined();
            expect(currentModelOf(register)?.history("nbh_synthclash1")).toBeUndefined();
          }),
        ),
    );

    it.effect(
      "a store failure half way is StoreUnavailable; nothing is adopted and the next write works",
      () => {
        const failing: Store = new Proxy(db.store, {
          get: (target, property, receiver) =>
            property === "apply"
              ? () => Promise.reject(new Error("injected failure"))
              : Reflect.get(target, property, receiver),
        });
        return Effect.gen(function* () {
          const before = yield* recorded("org_synthfail01");
          const error = yield* Effect.flip(
            run(
              withRegister((register) =>
                register.createEntity(
                  "organisation",
                  otherOrganisation("org_synthfail01", "Synthetic Fail"),
                  meta,
                ),
              ),
              failing,
            ),
          );
          expect(error._tag).toBe("StoreUnavailable");
          expect(yield* recorded("org_synthfail01")).toEqual(before);
          const ok = yield* run(
            withRegister((register) =>
              register.createEntity(
                "organisation",
                otherOrganisation("org_synthfail01", "Synthetic Fail"),
                meta,
              ),
            ),
          );
          expect(ok.revision).toBe(1);
        });
      },
    );
  });

  describe("updateEntity", () => {
    it.effect("a sequenced update splits the version it falls inside; the revision goes up", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const id = "org_synthupd001";
          yield* register.createEntity(
            "organisation",
            otherOrganisation(id, "Synthetic Original"),
            meta,
          );
          const result = yield* register.updateEntity(
            "organisation",
            id,
            otherOrganisation(id, "Synthetic Interim", { from: "2021-01-01", to: "2022-01-01" }),
            1,
            meta,
          );
          expect(result.revision).toBe(2);
          expect(result.versions.map((v) => [v.name, v.valid.from, v.valid.to])).toEqual([
            ["Synthetic Original", "2020-04-01", "2021-01-01"],
            ["Synthetic Interim", "2021-01-01", "2022-01-01"],
            ["Synthetic Original", "2022-01-01", null],
          ]);
          const mid = yield* register.getEntity("organisation", id, { validAt: "2021-06-01" });
          expect(mid.version.name).toBe("Synthetic Interim");
          expect(mid.revision).toBe(2);
          expect((yield* recorded(id)).entity?.versions).toHaveLength(3);
        }),
      ),
    );

    it.effect("a stale revision fails with Conflict (expected vs actual) and writes nothing", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const id = "org_synthstale1";
          yield* register.createEntity(
            "organisation",
            otherOrganisation(id, "Synthetic One"),
            meta,
          );
          yield* register.updateEntity(
            "organisation",
            id,
            otherOrganisation(id, "Synthetic Two"),
            1,
            meta,
          );
          const before = yield* recorded(id);
          const error = yield* Effect.flip(
            register.updateEntity(
              "organisation",
              id,
              otherOrganisation(id, "Synthetic Three"),
              1,
              meta,
            ),
          );
          expect(error._tag).toBe("Conflict");
          if (error._tag === "Conflict") expect([error.expected, error.actual]).toEqual([1, 2]);
          expect(yield* recorded(id)).toEqual(before);
        }),
      ),
    );

    it.effect("NotFound for an unknown entity; ValidationFailed for an id that disagrees", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const missing = yield* Effect.flip(
            register.updateEntity(
              "organisation",
              "org_synthnone01",
              otherOrganisation("org_synthnone01", "X"),
              1,
              meta,
            ),
          );
          expect(missing._tag).toBe("NotFound");
          const mismatch = yield* Effect.flip(
            register.updateEntity(
              "organisation",
              ids.pcn,
              otherOrganisation(ids.practice, "X"),
              1,
              meta,
            ),
          );
          expect(mismatch._tag).toBe("ValidationFailed");
        }),
      ),
    );

    it.effect("an update identical to the recorded history writes nothing", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const id = "org_synthsame01";
          yield* register.createEntity(
            "organisation",
            otherOrganisation(id, "Synthetic Same"),
            meta,
          );
          const before = yield* recorded(id);
          const result = yield* register.updateEntity(
            "organisation",
            id,
            otherOrganisation(id, "Synthetic Same"),
            1,
            meta,
          );
          expect(result.changes).toEqual([]);
          expect(result.revision).toBe(1);
          expect(yield* recorded(id)).toEqual(before);
        }),
      ),
    );
  });

  describe("endEntity", () => {
    it.effect("closes the valid period on the date", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const id = "org_synthend001";
          yield* register.createEntity(
            "organisation",
            otherOrganisation(id, "Synthetic Ending"),
            meta,
          );
          const result = yield* register.endEntity("organisation", id, "2023-04-01", 1, meta);
          expect(result.versions.map((v) => v.valid)).toEqual([
            { from: "2020-04-01", to: "2023-04-01" },
          ]);
          expect(
            (yield* Effect.flip(register.getEntity("organisation", id, { validAt: "2023-04-01" })))
              ._tag,
          ).toBe("NotFound");
          expect(
            (yield* register.getEntity("organisation", id, { validAt: "2023-03-31" })).revision,
          ).toBe(2);
        }),
      ),
    );

    it.effect("refuses to erase (date on or before the start) or to end what already ended", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const id = "org_synthend002";
          yield* register.createEntity(
            "organisation",
            otherOrganisation(id, "Synthetic Ending"),
            meta,
          );
          const erase = yield* Effect.flip(
            register.endEntity("organisation", id, "2020-04-01", 1, meta),
          );
          expect(erase._tag).toBe("ValidationFailed");
          yield* register.endEntity("organisation", id, "2023-04-01", 1, meta);
          const again = yield* Effect.flip(
            register.endEntity("organisation", id, "2024-04-01", 2, meta),
          );
          expect(again._tag).toBe("ValidationFailed");
          const stale = yield* Effect.flip(
            register.endEntity("organisation", id, "2022-04-01", 1, meta),
          );
          expect(stale._tag).toBe("Conflict");
          const malformed = yield* Effect.flip(
            register.endEntity("organisation", id, "yesterday", 2, meta),
          );
          expect(malformed._tag).toBe("ValidationFailed");
        }),
      ),
    );
  });

  describe("recordSuccession", () => {
    it.effect("records a merge and ends the predecessors on its date, in one transaction", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          yield* register.createEntity(
            "organisation",
            otherOrganisation("org_synthmerge1", "Synthetic A"),
            meta,
          );
          yield* register.createEntity(
            "organisation",
            otherOrganisation("org_synthmerge2", "Synthetic B"),
            meta,
          );
          yield* register.createEntity(
            "organisation",
            otherOrganisation("org_synthmerge3", "Synthetic A and B", {
              from: "2023-04-01",
              to: null,
            }),
            meta,
          );
          const result = yield* register.recordSuccession(
            {
              kind: "merge",
              predecessorIds: ["org_synthmerge1", "org_synthmerge2"],
              successorIds: ["org_synthmerge3"],
              date: "2023-04-01",
              provenance,
            },
            meta,
          );
          expect(result.changes.map((c) => c.id).sort()).toEqual(
            [result.succession.id, "org_synthmerge1", "org_synthmerge2"].sort(),
          );
          expect(new Set(result.changes.map((c) => c.recordedAt)).size).toBe(1);
          for (const id of ["org_synthmerge1", "org_synthmerge2"]) {
            const read = yield* register.getEntity("organisation", id, { validAt: "2023-03-31" });
            expect(read.versions.at(-1)?.valid.to).toBe("2023-04-01");
          }
          const succession = yield* register.getEntity("succession", result.succession.id, {
            validAt: "2023-04-01",
          });
          expect(succession.version.predecessorIds).toEqual(["org_synthmerge1", "org_synthmerge2"]);
        }),
      ),
    );

    it.effect("NotFound for a missing successor; a successor that starts late breaks a rule", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          yield* register.createEntity(
            "organisation",
            otherOrganisation("org_synthsplit1", "Synthetic Whole"),
            meta,
          );
          yield* register.createEntity(
            "organisation",
            otherOrganisation("org_synthsplit2", "Synthetic Late", {
              from: "2025-01-01",
              to: null,
            }),
            meta,
          );
          const before = (yield* recorded("org_synthsplit1")).lastSeq;
          const missing = yield* Effect.flip(
            register.recordSuccession(
              {
                kind: "rename",
                predecessorIds: ["org_synthsplit1"],
                successorIds: ["org_synthnone02"],
                date: "2024-01-01",
                provenance,
              },
              meta,
            ),
          );
          expect(missing._tag).toBe("NotFound");
          const late = yield* Effect.flip(
            register.recordSuccession(
              {
                kind: "rename",
                predecessorIds: ["org_synthsplit1"],
                successorIds: ["org_synthsplit2"],
                date: "2024-01-01",
                provenance,
              },
              meta,
            ),
          );
          expect(late._tag).toBe("ValidationFailed");
          if (late._tag === "ValidationFailed") {
            expect(late.findings.map((f) => f.rule)).toContain("succession-dates");
          }
          expect((yield* recorded("org_synthsplit1")).lastSeq).toBe(before);
        }),
      ),
    );
  });
});
