/**
 * The write pipeline checks the rules incrementally (the read model holds a
 * `RegisterCheck`, re-checked where a change touches it): HYPOTHETICAL writes to real GP
 * practices and PCNs of the Greater Manchester dataset, dated 2030-04-01 with a synthetic
 * source, give the same findings as a register that checks the whole register on every
 * write. Two incremental registers take turns writing, so each also catches up with the
 * other's changes (the check carried over the change log). Nothing here is recorded anywhere
 * but a throwaway test database.
 */
import { loadPostcodes, loadSnapshot } from "@care-atlas/data";
import {
  checkSnapshot,
  type Finding,
  History,
  type Organisation,
  type Snapshot,
  type Source,
} from "@care-atlas/domain";
import { Effect, ManagedRuntime, Result } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Register } from "../src/Register.js";
import type { ChangeRequest } from "../src/verbs/previewChange.js";
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

const byOds = (code: string): Organisation[] => {
  const found = snapshot.organisations.filter((o) =>
    o.codes.some((c) => c.system === "ods" && c.value === code),
  );
  if (found.length === 0) throw new Error(`the dataset has no organisation with ODS ${code}`);
  return found;
};
const latest = (code: string): Organisation => {
  const last = byOds(code).at(-1);
  if (last === undefined) throw new Error(code);
  return last;
};

const keyOf = (f: Finding) => `${f.rule}|${f.severity}|${f.subjects.join(",")}|${f.message}`;
const normalised = (findings: ReadonlyArray<Finding>) => findings.map(keyOf).sort();

describe.each(backends)("incremental rule checks of GM writes on $name", (backend) => {
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
  }, 120_000);
  afterAll(() => db.dispose());

  it("finds what a whole check finds, write after write, across two writers", async () => {
    const practice = latest("P88012");
    const pcn = latest("U17156");
    const twin = latest("P88021");
    const copyId = "org_synthhypo0002";
    const closed = snapshot.organisations.find((o) => {
      const lifetime = History.lifetime(snapshot.organisations.filter((v) => v.id === o.id));
      return o.kind === "ccg" && lifetime?.to != null && lifetime.to < date;
    });
    if (closed === undefined) throw new Error("the dataset has closed CCGs");
    const [first, second] = [latest("P82010"), latest("P82031")];
    const requests: ((revision: (id: string) => Promise<number>) => Promise<ChangeRequest>)[] = [
      async (revision) => ({
        operation: "update",
        kind: "organisation",
        id: practice.id,
        version: {
          ...practice,
          name: `${practice.name} (renamed, hypothetically)`,
          valid: { from: date, to: null },
          provenance,
        },
        expectedRevision: await revision(practice.id),
      }),
      // A second holder of a practice's ODS code: a duplicate-code warning.
      async () => ({
        operation: "create",
        kind: "organisation",
        version: {
          ...twin,
          id: copyId,
          name: "Synthetic hypothetical practice",
          valid: { from: date, to: null },
          provenance,
        },
      }),
      // A PCN ended: its memberships end with it.
      async (revision) => ({
        operation: "end",
        kind: "organisation",
        id: pcn.id,
        date,
        expectedRevision: await revision(pcn.id),
      }),
      // Refused: a merger into a CCG that no longer exists.
      async () => ({
        operation: "succession",
        succession: {
          id: "suc_synthhypo0001",
          kind: "merge",
          predecessorIds: [first?.id ?? "", second?.id ?? ""],
          successorIds: [closed.id],
          date,
          provenance,
        },
      }),
      // The copy ends: its warning goes.
      async (revision) => ({
        operation: "end",
        kind: "organisation",
        id: copyId,
        date: "2031-04-01",
        expectedRevision: await revision(copyId),
      }),
      // The practice renamed back, a year on.
      async (revision) => ({
        operation: "update",
        kind: "organisation",
        id: practice.id,
        version: { ...practice, valid: { from: "2031-04-01", to: null }, provenance },
        expectedRevision: await revision(practice.id),
      }),
    ];

    // Two incremental writers and one register that checks everything on each write.
    const writers = [
      ManagedRuntime.make(registerOn(db.store)),
      ManagedRuntime.make(registerOn(db.store)),
    ];
    const whole = ManagedRuntime.make(
      registerOn(db.store, { rules: (index) => checkSnapshot(index) }),
    );
    const on = <A, E>(
      runtime: (typeof writers)[number],
      f: (register: Register["Service"]) => Effect.Effect<A, E>,
    ) =>
      runtime.runPromise(
        Effect.gen(function* () {
          return yield* f(yield* Register);
        }),
      );
    const revision = async (id: string) => (await db.store.entity(id))?.revision ?? 0;
    let refused = 0;
    let warned = 0;
    try {
      for (const [i, request] of requests.entries()) {
        const change = await request(revision);
        const preview = await on(whole, (r) => r.previewChange(change));
        const writer = writers[i % 2];
        if (writer === undefined) throw new Error();
        const outcome = await on(writer, (r) =>
          Effect.result(r.saveChange(change, hypotheticalMeta)),
        );
        if (preview.blocked) {
          refused++;
          if (Result.isSuccess(outcome)) throw new Error(`request ${i} was written`);
          const error = outcome.failure;
          expect(error._tag).toBe("ValidationFailed");
          if (error._tag === "ValidationFailed") {
            expect(normalised(error.findings)).toEqual(
              normalised(preview.findings.filter((f) => f.severity === "error")),
            );
          }
        } else {
          if (Result.isFailure(outcome))
            throw new Error(`request ${i}: ${outcome.failure.message}`);
          expect(normalised(outcome.success.warnings)).toEqual(normalised(preview.findings));
          if (outcome.success.warnings.length > 0) warned++;
        }
      }
    } finally {
      await Promise.all([...writers, whole].map((runtime) => runtime.dispose()));
    }
    expect(refused).toBe(1);
    expect(warned).toBeGreaterThan(0);
  }, 120_000);
});
