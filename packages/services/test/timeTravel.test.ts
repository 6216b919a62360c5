/**
 * Time travel, property-based: random sequences of create / update / end (and stale
 * updates) through the services, checked against an oracle kept with the pure History
 * functions. After the run, the register read at each earlier recorded time (`asOf` = the
 * recorded_at of each write) must hold exactly the oracle's state after that write, and at
 * every valid date the version valid then.
 */
import { History, type Organisation, type Period } from "@care-atlas/domain";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import fc from "fast-check";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import { meta, otherOrganisation } from "./fixtures.js";
import { backends, registerOn, seed, type TestDatabase } from "./harness.js";

const day = (n: number) =>
  new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const probeDays = Array.from({ length: 14 }, (_, i) => day(i * 10 - 5));

const periodArb: fc.Arbitrary<Period> = fc
  .tuple(fc.integer({ min: 0, max: 120 }), fc.option(fc.integer({ min: 1, max: 60 })))
  .map(([start, length]) => ({
    from: day(start),
    to: length === null ? null : day(start + length),
  }));

type Op =
  | {
      readonly op: "create";
      readonly entity: number;
      readonly name: string;
      readonly valid: Period;
    }
  | {
      readonly op: "update";
      readonly entity: number;
      readonly name: string;
      readonly valid: Period;
      readonly stale: boolean;
    }
  | { readonly op: "end"; readonly entity: number; readonly date: number };

const names = ["Synthetic Alpha", "Synthetic Beta", "Synthetic Gamma"];
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("create" as const),
    entity: fc.nat(2),
    name: fc.constantFrom(...names),
    valid: periodArb,
  }),
  fc.record({
    op: fc.constant("update" as const),
    entity: fc.nat(2),
    name: fc.constantFrom(...names),
    valid: periodArb,
    stale: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  }),
  fc.record({
    op: fc.constant("end" as const),
    entity: fc.nat(2),
    date: fc.integer({ min: 0, max: 150 }),
  }),
);

interface Oracle {
  versions: Organisation[];
  revision: number;
}

describe.each(backends)("time travel on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
  });
  afterAll(() => db.dispose());

  let run = 0;

  it.effect("every earlier asOf reads exactly the state recorded then, at every validAt", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
            run++;
            const idOf = (entity: number) => `org_synthtt${String(run).padStart(3, "0")}${entity}`;
            const oracle = new Map<string, Oracle>();
            const checkpoints: { asOf: Date; state: Map<string, Organisation[]> }[] = [];
            const snapshotOracle = () =>
              new Map([...oracle].map(([id, o]) => [id, structuredClone(o.versions)]));

            for (const step of ops) {
              const id = idOf(step.entity);
              const current = oracle.get(id);
              const version = (name: string, valid: Period) =>
                otherOrganisation(id, name, valid) as Organisation;
              const attempt =
                step.op === "create"
                  ? register.createEntity("organisation", version(step.name, step.valid), meta)
                  : step.op === "update"
                    ? register.updateEntity(
                        "organisation",
                        id,
                        version(step.name, step.valid),
                        (current?.revision ?? 1) + (step.stale ? 1 : 0),
                        meta,
                      )
                    : register.endEntity(
                        "organisation",
                        id,
                        day(step.date),
                        current?.revision ?? 1,
                        meta,
                      );
              const outcome = await Effect.runPromise(Effect.result(attempt));

              // What the oracle says should happen.
              let expected: Organisation[] | "NotFound" | "Conflict" | "ValidationFailed";
              if (step.op === "create") {
                expected = current === undefined ? [version(step.name, step.valid)] : "Conflict";
              } else if (current === undefined) {
                expected = "NotFound";
              } else if (step.op === "update") {
                expected = step.stale
                  ? "Conflict"
                  : History.putVersion(current.versions, version(step.name, step.valid));
              } else {
                const span = History.lifetime(current.versions);
                const date = day(step.date);
                expected =
                  span === undefined || date <= span.from || (span.to !== null && span.to <= date)
                    ? "ValidationFailed"
                    : History.endHistory(current.versions, date);
              }

              if (typeof expected === "string") {
                expect(outcome._tag).toBe("Failure");
                if (outcome._tag === "Failure") expect(outcome.failure._tag).toBe(expected);
                continue;
              }
              expect(outcome._tag).toBe("Success");
              if (outcome._tag !== "Success") continue;
              expect(outcome.success.versions).toEqual(expected);
              const changed = outcome.success.changes.length > 0;
              oracle.set(id, {
                versions: expected,
                revision: (current?.revision ?? 0) + (changed ? 1 : 0),
              });
              const change = outcome.success.changes[0];
              if (change !== undefined) {
                checkpoints.push({ asOf: new Date(change.recordedAt), state: snapshotOracle() });
              }
            }

            const ids = [0, 1, 2].map(idOf);
            for (const { asOf, state } of checkpoints) {
              // The whole register at that time (the past-model path)…
              const exported = await Effect.runPromise(register.exportSnapshot({ asOf }));
              for (const id of ids) {
                const recorded = exported.snapshot.organisations.filter((o) => o.id === id);
                expect(recorded).toEqual(state.get(id) ?? []);
              }
              for (const validAt of probeDays) {
                // …one entity at that time (the single-entity store path)…
                for (const id of ids) {
                  const read = await Effect.runPromise(
                    Effect.result(register.getEntity("organisation", id, { asOf, validAt })),
                  );
                  const want = History.versionAt(state.get(id) ?? [], validAt);
                  if (want === undefined) expect(read._tag).toBe("Failure");
                  else expect(read._tag === "Success" ? read.success.version : read).toEqual(want);
                }
                // …and a list at that time and date.
                const page = await Effect.runPromise(
                  register.listEntities("organisation", {
                    asOf,
                    validAt,
                    filter: (org) => ids.includes(org.id),
                  }),
                );
                expect(page.items).toEqual(
                  ids.flatMap((id) => {
                    const want = History.versionAt(state.get(id) ?? [], validAt);
                    return want === undefined ? [] : [want];
                  }),
                );
              }
            }
          }),
          { numRuns: 12 },
        ),
      );
    }).pipe(Effect.provide(registerOn(db.store))),
  );
});
