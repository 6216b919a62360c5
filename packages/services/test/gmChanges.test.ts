/**
 * Writes on the Greater Manchester dataset (`@care-atlas/data`): HYPOTHETICAL changes to
 * real GP practices and PCNs, dated 2030-04-01 so that they cannot be read as facts about
 * the past, with a synthetic source. They check that ending a practice or a PCN ends its
 * PCN memberships in the same write (the domain's `relationship-period` rule refuses it
 * otherwise), and that a refused write changes nothing. Nothing here is recorded anywhere
 * but a throwaway test database.
 */
import { loadPostcodes, loadSnapshot } from "@care-atlas/data";
import {
  History,
  type Organisation,
  type Relationship,
  type Snapshot,
  type Source,
} from "@care-atlas/domain";
import type { Change } from "@care-atlas/store";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import { meta } from "./fixtures.js";
import { backends, registerOn, runOn, type TestDatabase } from "./harness.js";

const snapshot = loadSnapshot();
const hypothetical: Source = {
  key: "synthetic-hypothetical",
  publisher: "Care Atlas test suite",
  dataset: "Hypothetical changes for tests (not facts)",
  licence: "CC0-1.0",
  dataDate: null,
};
const withSource: Snapshot = { ...snapshot, sources: [...snapshot.sources, hypothetical] };
const provenance = {
  sources: [hypothetical.key],
  derivation: "hypothetical change made up for a test; not a fact",
};
const hypotheticalMeta = { actor: "test:hypothetical", reason: "hypothetical change (test)" };
const date = "2030-04-01";

/** The organisation holding an ODS code in the dataset. */
const byOds = (code: string): Organisation => {
  const found = snapshot.organisations.find((o) =>
    o.codes.some((c) => c.system === "ods" && c.value === code),
  );
  if (found === undefined) throw new Error(`the dataset has no organisation with ODS ${code}`);
  return found;
};

/** The dataset's PCN memberships of an organisation (as subject or object) open on `date`. */
const openMemberships = (id: string): Relationship[] =>
  snapshot.relationships.filter(
    (r) =>
      r.kind === "member-of" &&
      (r.subjectId === id || r.objectId === id) &&
      r.valid.from < date &&
      r.valid.to === null,
  );

const oneWriteOfEach = (changes: ReadonlyArray<Change>, expectedIds: ReadonlyArray<string>) => {
  expect(changes.map((c) => c.id).sort()).toEqual([...expectedIds].sort());
  expect(new Set(changes.map((c) => c.recordedAt)).size).toBe(1);
  for (const change of changes) {
    expect([change.actor, change.reason]).toEqual([
      hypotheticalMeta.actor,
      hypotheticalMeta.reason,
    ]);
  }
};

describe.each(backends)("hypothetical changes to the GM dataset on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await runOn(
      db.store,
      Effect.gen(function* () {
        const register = yield* Register;
        return yield* register.importSnapshot(withSource, meta, { postcodes: loadPostcodes() });
      }),
    );
  });
  afterAll(() => db.dispose());

  const stored = (id: string) => Effect.promise(() => db.store.entity(id));
  const lastSeq = Effect.promise(() => db.store.lastSeq());

  it.effect(
    "a hypothetical 2030 merger of two Stockport practices (P88012, P88021) into a third (P88017) ends them and their PCN memberships",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const [first, second, heir] = ["P88012", "P88021", "P88017"].map(byOds);
        if (first === undefined || second === undefined || heir === undefined) throw new Error();
        const memberships = [...openMemberships(first.id), ...openMemberships(second.id)];
        expect(memberships).toHaveLength(2); // one PCN each, as the dataset has them
        const heirMemberships = openMemberships(heir.id);
        const before = yield* lastSeq;

        const result = yield* register.recordSuccession(
          {
            kind: "merge",
            predecessorIds: [first.id, second.id],
            successorIds: [heir.id],
            date,
            note: "Hypothetical merger for a test; not a fact.",
            provenance,
          },
          hypotheticalMeta,
        );
        oneWriteOfEach(result.changes, [
          result.succession.id,
          first.id,
          second.id,
          ...memberships.map((m) => m.id),
        ]);
        expect(yield* lastSeq).toBe(before + result.changes.length);
        for (const id of [first.id, second.id, ...memberships.map((m) => m.id)]) {
          expect((yield* stored(id))?.versions.at(-1)?.valid.to).toBe(date);
        }
        for (const membership of heirMemberships) {
          expect((yield* stored(membership.id))?.versions.at(-1)?.valid.to).toBeNull();
        }
        // The day before, the practice is still in its PCN; on the day, it is gone.
        const pcnId = memberships[0]?.objectId;
        const eve = yield* register.practice("P88012", { validAt: "2030-03-31" });
        expect(eve.pcn?.id).toBe(pcnId);
        const gone = yield* Effect.flip(register.practice("P88012", { validAt: date }));
        expect(gone._tag).toBe("NotFound");
        expect((yield* register.checkRules()).errors).toBe(0);
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "ending a PCN hypothetically in 2030 (U17156) ends every practice's membership of it, not the neighbourhood built on it",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const pcn = byOds("U17156");
        const memberships = openMemberships(pcn.id);
        expect(memberships.length).toBeGreaterThan(1);
        const neighbourhoods = snapshot.neighbourhoods.filter((n) =>
          n.footprint.pcnIds.includes(pcn.id),
        );
        const revision = (yield* stored(pcn.id))?.revision ?? 0;

        const result = yield* register.endEntity(
          "organisation",
          pcn.id,
          date,
          revision,
          hypotheticalMeta,
        );
        oneWriteOfEach(result.changes, [pcn.id, ...memberships.map((m) => m.id)]);
        expect(result.changes.every((c) => c.operation === "end")).toBe(true);
        for (const membership of memberships) {
          const after = yield* stored(membership.id);
          expect(after?.versions.map((v) => v.valid)).toEqual([
            { from: membership.valid.from, to: date },
          ]);
        }
        // Other dependants are left for the rules and an admin: the neighbourhood is untouched.
        for (const neighbourhood of neighbourhoods) {
          expect((yield* stored(neighbourhood.id))?.revision).toBe(1);
        }
        expect((yield* register.checkRules()).errors).toBe(0);
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "a hypothetical merger that breaks a rule (into a CCG that no longer exists) is refused and changes nothing",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const [first, second] = ["P82010", "P82031"].map(byOds);
        if (first === undefined || second === undefined) throw new Error();
        // A CCG whose every version has ended (its id did not live on as a sub-ICB location).
        const closed = snapshot.organisations.find((o) => {
          const lifetime = History.lifetime(snapshot.organisations.filter((v) => v.id === o.id));
          return o.kind === "ccg" && lifetime?.to != null && lifetime.to < date;
        });
        if (closed === undefined) throw new Error("the dataset has closed CCGs");
        const touched = [
          first.id,
          second.id,
          ...[first, second].flatMap((p) => openMemberships(p.id).map((m) => m.id)),
        ];
        expect(touched).toHaveLength(4);
        const seq = yield* lastSeq;
        const before = yield* Effect.forEach(touched, stored);

        const request = {
          id: "suc_synthhypo0001",
          kind: "merge" as const,
          predecessorIds: [first.id, second.id],
          successorIds: [closed.id],
          date,
          provenance,
        };
        const error = yield* Effect.flip(register.recordSuccession(request, hypotheticalMeta));
        expect(error._tag).toBe("ValidationFailed");
        if (error._tag === "ValidationFailed") {
          expect(error.findings.map((f) => f.rule)).toEqual(["succession-dates"]);
        }
        expect(yield* lastSeq).toBe(seq);
        expect(yield* Effect.forEach(touched, stored)).toEqual(before);

        // The preview says the same, and shows the memberships the write would have ended.
        const preview = yield* register.previewChange({
          operation: "succession",
          succession: request,
        });
        expect(preview.blocked).toBe(true);
        if (error._tag === "ValidationFailed") expect(preview.findings).toEqual(error.findings);
        expect(
          preview.histories
            .map((h) => h.id)
            .slice(1)
            .sort(),
        ).toEqual([...touched].sort());
        expect(yield* lastSeq).toBe(seq);
      }).pipe(Effect.provide(registerOn(db.store))),
  );
});
