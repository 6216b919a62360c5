/**
 * Writes serialised across Registers (processes): two Registers, each with its own read
 * model and lock (on the server: each with its own connections), race pairs of writes that
 * are fine alone and break a cross-entity rule together. Each pair must end with one write
 * in and the other refused by the rules — never both — because a write commits only onto
 * the register it was checked against, and is checked again when another got in first.
 */
import { describe, expect, it } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import { ids, meta, provenance } from "./fixtures.js";
import { backends, countingStore, registerOn, seed, type TestDatabase } from "./harness.js";

const rounds = 12;

const tagOf = (exit: Exit.Exit<unknown, { readonly _tag: string }>): string =>
  Exit.isSuccess(exit)
    ? "ok"
    : Exit.findErrorOption(exit).pipe((o) => (o._tag === "Some" ? o.value._tag : "defect"));

describe.each(backends)("serialised writes across Registers on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
  });
  afterAll(() => db.dispose());

  const neighbourhood = (id: string, year: number) => ({
    id,
    name: `Synthetic Contested ${id.slice(-4)}`,
    placeId: ids.place,
    schemeId: ids.regScheme,
    footprint: { lsoas: ["E01999001"], pcnIds: [], practiceIds: [] },
    valid: { from: `${year}-01-01`, to: `${year}-12-31` },
    provenance,
  });

  it.effect(
    "two neighbourhoods claiming one LSOA in one scheme, raced from two Registers: one in, one refused",
    () =>
      Effect.gen(function* () {
        const a = countingStore(db.store);
        const b = countingStore(yield* Effect.promise(() => db.open()));
        const outcomes: string[][] = [];
        for (let round = 0; round < rounds; round++) {
          const year = 2100 + round;
          const create = (id: string) =>
            Effect.exit(
              Effect.gen(function* () {
                return yield* (yield* Register).createEntity(
                  "neighbourhood",
                  neighbourhood(id, year),
                  { ...meta, reason: `race ${round}` },
                );
              }),
            );
          const pair = yield* Effect.all(
            [
              create(`nbh_synthra${round.toString().padStart(2, "0")}a`).pipe(
                Effect.provide(registerOn(a.store)),
              ),
              create(`nbh_synthra${round.toString().padStart(2, "0")}b`).pipe(
                Effect.provide(registerOn(b.store)),
              ),
            ],
            { concurrency: 2 },
          );
          outcomes.push(pair.map(tagOf).sort());
        }
        expect(outcomes).toEqual(Array.from({ length: rounds }, () => ["ValidationFailed", "ok"]));
        // The register holds no rule error the seed did not have.
        const rules = yield* Effect.gen(function* () {
          return yield* (yield* Register).checkRules();
        }).pipe(Effect.provide(registerOn(db.store)));
        expect(rules.findings.filter((f) => f.severity === "error")).toEqual([]);
        // And the race was real: some writes were refused by the store (the register had
        // moved) and checked again.
        const applies = (a.calls.get("apply") ?? 0) + (b.calls.get("apply") ?? 0);
        expect(applies).toBeGreaterThanOrEqual(rounds);
      }),
  );

  it.effect("a decision over a body's lowered limit, split across two Registers", () =>
    Effect.gen(function* () {
      const second = yield* Effect.promise(() => db.open());
      const bodyId = "gov_synthlim01";
      const body = (limit: number) => ({
        id: bodyId,
        kind: "joint-commissioning-board" as const,
        name: "Synthetic Limited Board",
        level: "place" as const,
        placeId: ids.place,
        delegatedLimitPence: limit,
        valid: { from: "2020-04-01", to: null },
        provenance,
      });
      const created = yield* Effect.gen(function* () {
        return yield* (yield* Register).createEntity("governanceBody", body(1_000_000), meta);
      }).pipe(Effect.provide(registerOn(db.store)));
      let revision = created.revision;
      const tags: string[][] = [];
      for (let round = 0; round < rounds; round++) {
        // Lower the limit (fine alone) while a decision just under the old limit is made
        // (fine alone): together the decision is over the limit.
        const high = 1_000_000 + round * 10;
        const low = 100;
        const reset = yield* Effect.gen(function* () {
          return yield* (yield* Register).updateEntity(
            "governanceBody",
            bodyId,
            body(high),
            revision,
            meta,
          );
        }).pipe(Effect.provide(registerOn(db.store)));
        revision = reset.revision;
        const pair = yield* Effect.all(
          [
            Effect.exit(
              Effect.gen(function* () {
                return yield* (yield* Register).updateEntity(
                  "governanceBody",
                  bodyId,
                  body(low),
                  revision,
                  meta,
                );
              }),
            ).pipe(Effect.provide(registerOn(db.store))),
            Effect.exit(
              Effect.gen(function* () {
                return yield* (yield* Register).createEntity(
                  "decision",
                  {
                    id: `dec_synthlim${round.toString().padStart(2, "0")}`,
                    bodyId,
                    title: `Synthetic contract ${round}`,
                    date: "2024-05-01",
                    valuePence: 900_000,
                    serviceArea: "synthetic",
                    valid: { from: "2024-05-01", to: null },
                    provenance,
                  },
                  meta,
                );
              }),
            ).pipe(Effect.provide(registerOn(second))),
          ],
          { concurrency: 2 },
        );
        tags.push(pair.map(tagOf));
        const [lowered, decided] = pair;
        if (lowered !== undefined && Exit.isSuccess(lowered)) revision = lowered.value.revision;
        // Whichever got in first, the other is refused by the rules.
        expect(pair.map(tagOf).sort()).toEqual(["ValidationFailed", "ok"]);
        // Undo the round's winner so the next round starts alike.
        if (decided !== undefined && Exit.isSuccess(decided)) {
          const decisionId = decided.value.id;
          yield* Effect.gen(function* () {
            const register = yield* Register;
            const current = yield* register.getVersions("decision", decisionId);
            return yield* register.saveChange(
              {
                operation: "update",
                kind: "decision",
                id: decisionId,
                version: { ...current.versions[0], valuePence: 50 } as never,
                expectedRevision: current.revision ?? 0,
              },
              meta,
            );
          }).pipe(Effect.provide(registerOn(db.store)));
        }
      }
      const rules = yield* Effect.gen(function* () {
        return yield* (yield* Register).checkRules();
      }).pipe(Effect.provide(registerOn(db.store)));
      expect(rules.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(tags).toHaveLength(rounds);
    }),
  );
});
