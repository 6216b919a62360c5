/**
 * Ending takes the entity's relationships with it — and nothing else: `endEntity` and the
 * predecessors of `recordSuccession` end every relationship they are the subject or object
 * of, in the same transaction (one log row per entity, one actor and reason); a team led
 * by an ended organisation stays a rule finding. Synthetic data only.
 */
import type { Change, Store } from "@care-atlas/store";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { currentModelOf, Register } from "../src/Register.js";
import { from2020, ids, meta, otherOrganisation, provenance } from "./fixtures.js";
import { backends, registerOn, seed, type TestDatabase } from "./harness.js";

const link = (
  id: string,
  subjectId: string,
  objectId: string,
  valid: { from: string; to: string | null },
  kind: "member-of" | "reports-to" | "lead-of" = "member-of",
) => ({ id, kind, subjectId, objectId, valid, provenance });

/** Every change of one write shares its instant, actor, reason and operation. */
const oneWrite = (changes: ReadonlyArray<Change>, operation: string) => {
  expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
  expect(
    new Set(changes.map((c) => JSON.stringify([c.recordedAt, c.actor, c.reason, c.operation]))),
  ).toEqual(
    new Set([JSON.stringify([changes[0]?.recordedAt, meta.actor, meta.reason, operation])]),
  );
};

describe.each(backends)("ending cascades to relationships on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
  });
  afterAll(() => db.dispose());

  const run = <A, E>(program: Effect.Effect<A, E, Register>, store: Store = db.store) =>
    program.pipe(Effect.provide(registerOn(store)));
  const stored = (id: string) => Effect.promise(() => db.store.entity(id));

  it.effect("endEntity ends the open links of the entity, removes later ones, keeps the rest", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const [a, b, c] = ["org_synthcasc0a", "org_synthcasc0b", "org_synthcasc0c"];
        for (const id of [a, b, c])
          yield* register.createEntity(
            "organisation",
            otherOrganisation(id, `Synthetic ${id}`),
            meta,
          );
        const open = link("rel_synthcasopen", a, b, from2020);
        const past = link("rel_synthcaspast", c, a, { from: "2020-04-01", to: "2021-04-01" });
        const later = link(
          "rel_synthcaslate",
          b,
          a,
          { from: "2024-04-01", to: null },
          "reports-to",
        );
        const others = link("rel_synthcasothr", b, c, from2020);
        for (const rel of [open, past, later, others])
          yield* register.createEntity("relationship", rel, meta);

        const result = yield* register.endEntity("organisation", a, "2023-04-01", 1, meta);
        expect(result.changes.map((ch) => ch.id)).toEqual([a, later.id, open.id]);
        oneWrite(result.changes, "end");
        expect(result.versions.map((v) => v.valid.to)).toEqual(["2023-04-01"]);

        expect((yield* stored(open.id))?.versions.map((v) => v.valid)).toEqual([
          { from: "2020-04-01", to: "2023-04-01" },
        ]);
        // Starting after the end: removed from the current valid-time history.
        expect(yield* stored(later.id)).toMatchObject({ revision: 2, versions: [] });
        expect(currentModelOf(register)?.history(later.id)).toBeUndefined();
        // Ended before, or not involving the entity: untouched.
        expect((yield* stored(past.id))?.revision).toBe(1);
        expect((yield* stored(others.id))?.revision).toBe(1);
        expect((yield* register.checkRules()).errors).toBe(0);

        // The link's own history tells who ended it and why.
        const history = yield* register.history(open.id);
        expect(history.changes.map((ch) => [ch.operation, ch.revision, ch.reason])).toEqual([
          ["create", 1, meta.reason],
          ["end", 2, meta.reason],
        ]);
      }),
    ),
  );

  it.effect("recordSuccession ends each predecessor's links once, the successor's stay open", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const [p1, p2, heir] = ["org_synthcasp01", "org_synthcasp02", "org_synthcasp03"];
        for (const id of [p1, p2, heir])
          yield* register.createEntity(
            "organisation",
            otherOrganisation(id, `Synthetic ${id}`),
            meta,
          );
        const m1 = link("rel_synthcasm001", p1, ids.pcn, from2020);
        const m2 = link("rel_synthcasm002", p2, ids.pcn, from2020);
        const m3 = link("rel_synthcasm003", heir, ids.pcn, from2020);
        const between = link("rel_synthcasm012", p1, p2, from2020, "reports-to");
        for (const rel of [m1, m2, m3, between])
          yield* register.createEntity("relationship", rel, meta);

        const result = yield* register.recordSuccession(
          {
            kind: "merge",
            predecessorIds: [p1, p2],
            successorIds: [heir],
            date: "2025-04-01",
            provenance,
          },
          meta,
        );
        expect(result.changes.map((ch) => ch.id)).toEqual([
          result.succession.id,
          p1,
          p2,
          m1.id,
          m2.id,
          between.id,
        ]);
        oneWrite(result.changes, "succession");
        for (const id of [m1.id, m2.id, between.id]) {
          expect((yield* stored(id))?.versions.map((v) => v.valid.to)).toEqual(["2025-04-01"]);
        }
        expect((yield* stored(m3.id))?.revision).toBe(1);
        expect((yield* stored(ids.pcn))?.revision).toBe(1);
        expect((yield* register.checkRules()).errors).toBe(0);
      }),
    ),
  );

  it.effect(
    "does not cascade beyond relationships: a team led by the ended body blocks the end",
    () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const lead = "org_synthcaslead";
          yield* register.createEntity(
            "organisation",
            otherOrganisation(lead, "Synthetic Lead"),
            meta,
          );
          const membership = link("rel_synthcaslmem", lead, ids.pcn, from2020);
          yield* register.createEntity("relationship", membership, meta);
          yield* register.createEntity(
            "team",
            {
              id: "int_synthcasteam",
              name: "Synthetic Team",
              neighbourhoodId: ids.north,
              leadOrganisationId: lead,
              valid: from2020,
              provenance,
            },
            meta,
          );
          const seq = yield* Effect.promise(() => db.store.lastSeq());
          const error = yield* Effect.flip(
            register.endEntity("organisation", lead, "2025-04-01", 1, meta),
          );
          expect(error._tag).toBe("ValidationFailed");
          if (error._tag === "ValidationFailed") {
            expect(error.findings.map((f) => [f.rule, f.subjects])).toEqual([
              ["relationship-period", ["int_synthcasteam", lead]],
            ]);
          }
          // Nothing written: not the organisation, not its membership, not the team.
          expect(yield* Effect.promise(() => db.store.lastSeq())).toBe(seq);
          expect((yield* stored(membership.id))?.versions.map((v) => v.valid.to)).toEqual([null]);
          expect((yield* stored("int_synthcasteam"))?.revision).toBe(1);
        }),
      ),
  );
});
