/**
 * `previewChange`: the dry run of every writing verb, through the writes' own pipeline —
 * the same histories, findings and failures as the write, and nothing written. Synthetic
 * data only.
 */
import type { Store } from "@care-atlas/store";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import type { ChangeRequest } from "../src/verbs/previewChange.js";
import { from2020, ids, meta, otherOrganisation, provenance } from "./fixtures.js";
import { backends, registerOn, seed, type TestDatabase } from "./harness.js";

describe.each(backends)("previewChange on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
  });
  afterAll(() => db.dispose());

  const run = <A, E>(program: Effect.Effect<A, E, Register>, store: Store = db.store) =>
    program.pipe(Effect.provide(registerOn(store)));
  /** The database's last seq and one entity, read past the services. */
  const recorded = (id: string) =>
    Effect.promise(async () => ({
      lastSeq: await db.store.lastSeq(),
      entity: await db.store.entity(id),
    }));

  it.effect("create: the new history and its warnings, nothing written; the write agrees", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const id = "org_synthprev001";
        // The practice's ODS code again: a duplicate-code warning, not an error.
        const version = {
          ...otherOrganisation(id, "Synthetic Preview"),
          codes: [{ system: "ods" as const, value: "Z99901" }],
        };
        const before = yield* recorded(id);
        const preview = yield* register.previewChange({
          operation: "create",
          kind: "organisation",
          version,
        });
        expect(preview.blocked).toBe(false);
        expect(preview.findings.map((f) => [f.rule, f.severity])).toEqual([
          ["duplicate-code", "warning"],
        ]);
        expect(preview.histories).toEqual([
          { kind: "organisation", id, revision: null, versions: [version] },
        ]);
        expect(preview.dataVersion).toBe(before.lastSeq);
        expect(yield* recorded(id)).toEqual(before);

        const written = yield* register.createEntity("organisation", version, meta);
        expect(written.warnings).toEqual(preview.findings);
        expect(written.changes.map((c) => c.after)).toEqual(
          preview.histories.map((h) => h.versions),
        );
      }),
    ),
  );

  it.effect("create that breaks a rule: blocked, with the findings the write refuses with", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const version = {
          id: "nbh_synthprev001",
          name: "Synthetic Clash",
          placeId: ids.place,
          schemeId: ids.geoScheme,
          footprint: { lsoas: ["E01999001"] },
          valid: from2020,
          provenance,
        };
        const before = yield* recorded(version.id);
        const preview = yield* register.previewChange({
          operation: "create",
          kind: "neighbourhood",
          version,
        });
        expect(preview.blocked).toBe(true);
        const error = yield* Effect.flip(register.createEntity("neighbourhood", version, meta));
        expect(error._tag).toBe("ValidationFailed");
        if (error._tag === "ValidationFailed") {
          expect(preview.findings.filter((f) => f.severity === "error")).toEqual(error.findings);
        }
        expect(yield* recorded(version.id)).toEqual(before);
      }),
    ),
  );

  it.effect("update: the sequenced history at the current revision; unchanged → nothing", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const id = "org_synthprev002";
        yield* register.createEntity("organisation", otherOrganisation(id, "Synthetic A"), meta);
        const interim = otherOrganisation(id, "Synthetic B", {
          from: "2021-01-01",
          to: "2022-01-01",
        });
        const request: ChangeRequest<"organisation"> = {
          operation: "update",
          kind: "organisation",
          id,
          version: interim,
          expectedRevision: 1,
        };
        const before = yield* recorded(id);
        const preview = yield* register.previewChange(request);
        expect(preview.blocked).toBe(false);
        expect(preview.findings).toEqual([]);
        expect(preview.histories.map((h) => [h.id, h.revision, h.versions.length])).toEqual([
          [id, 1, 3],
        ]);
        expect(yield* recorded(id)).toEqual(before);

        const same = yield* register.previewChange({
          ...request,
          version: otherOrganisation(id, "Synthetic A"),
        });
        expect(same).toMatchObject({ histories: [], findings: [], blocked: false });

        const written = yield* register.updateEntity("organisation", id, interim, 1, meta);
        expect(written.versions).toEqual(preview.histories[0]?.versions);
      }),
    ),
  );

  it.effect("end and succession: the histories include the relationships they end", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const before = yield* recorded(ids.pcn);
        const end = yield* register.previewChange({
          operation: "end",
          kind: "organisation",
          id: ids.pcn,
          date: "2030-04-01",
          expectedRevision: 1,
        });
        expect(end.blocked).toBe(false);
        expect(end.histories.map((h) => [h.id, h.versions.map((v) => v.valid.to)])).toEqual([
          [ids.pcn, ["2030-04-01"]],
          [ids.membership, ["2030-04-01"]],
        ]);

        const heir = "org_synthprev003";
        yield* register.createEntity(
          "organisation",
          otherOrganisation(heir, "Synthetic Heir"),
          meta,
        );
        const afterCreate = (yield* recorded(ids.practice)).lastSeq;
        const succession = yield* register.previewChange({
          operation: "succession",
          succession: {
            id: "suc_synthprev001",
            kind: "rename",
            predecessorIds: [ids.practice],
            successorIds: [heir],
            date: "2030-04-01",
            provenance,
          },
        });
        expect(succession.blocked).toBe(false);
        expect(succession.histories.map((h) => [h.kind, h.id, h.revision])).toEqual([
          ["succession", "suc_synthprev001", null],
          ["organisation", ids.practice, 1],
          ["relationship", ids.membership, 1],
        ]);
        expect((yield* recorded(ids.pcn)).entity).toEqual(before.entity);
        expect((yield* recorded(ids.practice)).lastSeq).toBe(afterCreate);
      }),
    ),
  );

  it.effect("fails as the write would: NotFound, Conflict, ValidationFailed", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const missing = yield* Effect.flip(
          register.previewChange({
            operation: "end",
            kind: "organisation",
            id: "org_synthnone09",
            date: "2030-04-01",
            expectedRevision: 1,
          }),
        );
        expect(missing._tag).toBe("NotFound");
        const stale = yield* Effect.flip(
          register.previewChange({
            operation: "end",
            kind: "place",
            id: ids.place,
            date: "2030-04-01",
            expectedRevision: 7,
          }),
        );
        expect(stale._tag).toBe("Conflict");
        const malformed = yield* Effect.flip(
          register.previewChange({
            operation: "create",
            kind: "organisation",
            version: otherOrganisation("org_synthprev004", ""),
          }),
        );
        expect(
          malformed._tag === "ValidationFailed" && malformed.issues.map((i) => i.path),
        ).toEqual(["version.name"]);
        const unknown = yield* Effect.flip(
          // Deliberately not a ChangeRequest: callers outside TypeScript can send anything.
          register.previewChange({ operation: "delete" } as unknown as ChangeRequest),
        );
        expect(unknown._tag === "ValidationFailed" && unknown.issues.map((i) => i.path)).toEqual([
          "operation",
        ]);
      }),
    ),
  );
});
