/**
 * The verbs the apps build their pages and answers from: whole lists, organisation search,
 * an entity's versions, relationships and successions, code lookups that follow a closed
 * code to its successors, the directory of names, history with field diffs, and saving the
 * change a preview checked. Over the synthetic fixture plus a synthetic merger recorded
 * through the write verbs (two old trusts → one new trust on 2022-04-01).
 */
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import { ids, meta, provenance } from "./fixtures.js";
import { backends, registerOn, runOn, seed, type TestDatabase } from "./harness.js";

const trust = (id: string, name: string, code: string, from: string) => ({
  id,
  kind: "nhs-trust" as const,
  name,
  codes: [{ system: "ods" as const, value: code }],
  roles: [{ role: "provider" as const, period: { from, to: null } }],
  placeId: ids.place,
  valid: { from, to: null },
  provenance,
});

const merged = {
  east: "org_synthtreast",
  west: "org_synthtrwest",
  united: "org_synthtrunit",
  link: "rel_synthtrlink",
  succession: "suc_synthtrmrg1",
} as const;

describe.each(backends)("navigation verbs on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
    await runOn(
      db.store,
      Effect.gen(function* () {
        const register = yield* Register;
        yield* register.createEntity(
          "organisation",
          trust(merged.east, "Synthetic East Trust", "R9X", "2015-04-01"),
          meta,
        );
        yield* register.createEntity(
          "organisation",
          trust(merged.west, "Synthetic West Trust", "R9Y", "2015-04-01"),
          meta,
        );
        yield* register.createEntity(
          "organisation",
          trust(merged.united, "Synthetic United Trust", "R9Z", "2022-04-01"),
          meta,
        );
        yield* register.createEntity(
          "relationship",
          {
            id: merged.link,
            kind: "member-of",
            subjectId: merged.east,
            objectId: ids.pcn,
            valid: { from: "2020-04-01", to: null },
            provenance,
          },
          meta,
        );
        yield* register.recordSuccession(
          {
            id: merged.succession,
            kind: "merge",
            predecessorIds: [merged.east, merged.west],
            successorIds: [merged.united],
            date: "2022-04-01",
            provenance,
          },
          meta,
        );
      }),
    );
  });
  afterAll(() => db.dispose());

  const run = <A, E>(program: Effect.Effect<A, E, Register>) =>
    program.pipe(Effect.provide(registerOn(db.store)));

  it.effect("getVersions reads a closed entity's versions, and NotFound for an unknown one", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const read = yield* register.getVersions("organisation", merged.east);
        expect(read.versions.map((v) => v.valid)).toEqual([
          { from: "2015-04-01", to: "2022-04-01" },
        ]);
        expect(read.revision).toBe(2);
        // getEntity has nothing to say about it today.
        expect((yield* Effect.flip(register.getEntity("organisation", merged.east)))._tag).toBe(
          "NotFound",
        );
        for (const [kind, id] of [
          ["organisation", "org_synthnone1"],
          ["place", merged.east],
          ["organisation", "not an id"],
        ] as const) {
          expect((yield* Effect.flip(register.getVersions(kind, id)))._tag).toBe("NotFound");
        }
      }),
    ),
  );

  it.effect("listAll lists a whole kind on a date, or every entity that ever was", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const trusts = (o: { kind: string }) => o.kind === "nhs-trust";
        const now = yield* register.listAll("organisation", { filter: trusts });
        expect(now.items.map((o) => o.id)).toEqual([merged.united]);
        const before = yield* register.listAll("organisation", {
          validAt: "2021-01-01",
          filter: trusts,
        });
        expect(before.items.map((o) => o.id)).toEqual([merged.east, merged.west]);
        const ever = yield* register.listAll("organisation", { ever: true, filter: trusts });
        expect(ever.items.map((o) => o.id)).toEqual([merged.east, merged.united, merged.west]);
        expect(ever.items.find((o) => o.id === merged.east)?.valid.to).toBe("2022-04-01");
        const bad = yield* Effect.flip(register.listAll("organisation", { validAt: "yesterday" }));
        expect(bad._tag === "ValidationFailed" && bad.about).toBe("input");
      }),
    ),
  );

  it.effect("searchOrganisations matches kind, role, code, name, text, place and status", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const found = (
          query: Parameters<typeof register.searchOrganisations>[0],
          validAt?: string,
        ) =>
          Effect.map(
            register.searchOrganisations(query, validAt === undefined ? {} : { validAt }),
            (page) => page.items.map((o) => o.id),
          );
        expect(yield* found({ kind: "gp-practice" })).toEqual([ids.practice]);
        expect(yield* found({ role: "provider" }, "2021-01-01")).toEqual([
          merged.east,
          merged.west,
        ]);
        expect(yield* found({ code: "r9x" }, "2021-01-01")).toEqual([merged.east]);
        expect(yield* found({ name: "WEST" }, "2021-01-01")).toEqual([merged.west]);
        // text: words of the name or a code.
        expect(yield* found({ text: "united" })).toEqual([merged.united]);
        expect(yield* found({ text: "r9z" })).toEqual([merged.united]);
        expect(yield* found({ placeId: ids.place, kind: "nhs-trust" })).toEqual([merged.united]);
        expect(yield* found({ status: "closing", kind: "nhs-trust" }, "2021-01-01")).toEqual([
          merged.east,
          merged.west,
        ]);
        expect(yield* found({ status: "open", kind: "nhs-trust" })).toEqual([merged.united]);
        const page = yield* register.searchOrganisations({}, { limit: 2 });
        expect(page.items).toHaveLength(2);
        expect(page.nextCursor).not.toBeNull();
        const bad = yield* Effect.flip(
          register.searchOrganisations({ kind: "hospital" as "icb", placeId: "nope" }),
        );
        expect(bad._tag === "ValidationFailed" && bad.issues.map((i) => i.path)).toEqual([
          "query.kind",
          "query.placeId",
        ]);
      }),
    ),
  );

  it.effect("relationshipsOf lists an entity's links on a date, by end and kind", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const pcn = yield* register.relationshipsOf(ids.pcn, { validAt: "2021-01-01" });
        expect(pcn.items.map((r) => r.id)).toEqual([ids.membership, merged.link]);
        // The merger ended the east trust's membership.
        const now = yield* register.relationshipsOf(ids.pcn);
        expect(now.items.map((r) => r.id)).toEqual([ids.membership]);
        const asSubject = yield* register.relationshipsOf(ids.pcn, { as: "subject" });
        expect(asSubject.items).toEqual([]);
        const leads = yield* register.relationshipsOf(ids.practice, { kinds: ["lead-of"] });
        expect(leads.items).toEqual([]);
      }),
    ),
  );

  it.effect("successionsOf tells what an entity came from, went into, and who carries it on", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const east = yield* register.successionsOf(merged.east);
        expect(east.successors.map((s) => s.id)).toEqual([merged.succession]);
        expect(east.predecessors).toEqual([]);
        expect(east.carriedOnBy.map((p) => [p.id, p.path])).toEqual([
          [merged.united, [merged.east, merged.united]],
        ]);
        // On a date when it was open, nobody needs to carry it on.
        expect(
          (yield* register.successionsOf(merged.east, { validAt: "2021-01-01" })).carriedOnBy,
        ).toEqual([]);
        const united = yield* register.successionsOf(merged.united);
        expect(united.predecessors.map((s) => s.id)).toEqual([merged.succession]);
        expect(united.successors).toEqual([]);
        expect((yield* Effect.flip(register.successionsOf("org_synthnone1")))._tag).toBe(
          "NotFound",
        );
      }),
    ),
  );

  it.effect("lookupCode answers the holder, or a closed code's successors", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const held = yield* register.lookupCode("r9x", { validAt: "2021-01-01" });
        expect([held.code, held.closed, held.matches.map((m) => m.id), held.successors]).toEqual([
          "R9X",
          false,
          [merged.east],
          [],
        ]);
        const closed = yield* register.lookupCode("R9X");
        expect(closed.closed).toBe(true);
        expect(closed.matches.map((m) => m.id)).toEqual([merged.east]);
        expect(closed.successors.map((s) => [s.id, s.kind, s.path])).toEqual([
          [merged.united, "organisation", [merged.east, merged.united]],
        ]);
        expect((yield* Effect.flip(register.lookupCode("ZZZ9")))._tag).toBe("NotFound");
        const bad = yield* Effect.flip(register.lookupCode(""));
        expect(bad._tag === "ValidationFailed" && bad.about).toBe("input");
      }),
    ),
  );

  it.effect("directory names any id on a date or by its latest version", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const directory = yield* register.directory();
        expect(directory.name(merged.east)).toBe("Synthetic East Trust");
        expect(directory.name(merged.succession)).toBe("merge on 2022-04-01");
        expect(directory.name("org_synthnone1")).toBe("org_synthnone1");
        expect(directory.validOn(merged.east, "2021-01-01")).toBe(true);
        expect(directory.validOn(merged.east, "2023-01-01")).toBe(false);
        expect(directory.version(merged.east, "2023-01-01")?.valid.to).toBe("2022-04-01");
        expect(directory.count("place")).toBe(1);
        expect(directory.entries("neighbourhood").map((e) => e.name)).toEqual([
          "Synthetic North",
          "Synthetic PCN Neighbourhood",
          "Synthetic South",
        ]);
        expect(directory.lsoa("E01999001")?.name).toBe("Synthetic 001A");
        expect(directory.source("synthetic")?.licence).toBe("CC0-1.0");
        expect(directory.dataVersion).toBe(yield* register.dataVersion);
      }),
    ),
  );

  it.effect("history carries each change's before, after and field differences", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const history = yield* register.history(merged.east);
        expect(history.changes.map((c) => [c.operation, c.revision])).toEqual([
          ["create", 1],
          ["succession", 2],
        ]);
        const [created, ended] = history.changes;
        expect(created?.before).toEqual([]);
        expect(created?.diffs.map((d) => d.kind)).toEqual(["added"]);
        expect(ended?.after.map((v) => v.valid.to)).toEqual(["2022-04-01"]);
        expect(ended?.diffs).toEqual([
          {
            kind: "changed",
            valid: { from: "2015-04-01", to: "2022-04-01" },
            fields: [{ path: "valid.to", before: "none", after: "2022-04-01" }],
          },
        ]);
      }),
    ),
  );

  it.effect("saveChange writes exactly what previewChange checked, and answers its record", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const request = {
          operation: "update" as const,
          kind: "organisation" as const,
          id: merged.united,
          version: {
            ...trust(merged.united, "Synthetic United Trust", "R9Z", "2022-04-01"),
            name: "Synthetic United NHS Trust",
          },
          expectedRevision: 1,
        };
        const preview = yield* register.previewChange(request);
        expect(preview.blocked).toBe(false);
        const saved = yield* register.saveChange(request, meta);
        expect(saved.id).toBe(merged.united);
        expect(saved.changes.map((c) => c.after)).toEqual(preview.histories.map((h) => h.versions));
        // Saved again: stale now.
        const stale = yield* Effect.flip(register.saveChange(request, meta));
        expect(stale._tag).toBe("Conflict");
        const created = yield* register.saveChange(
          {
            operation: "create",
            kind: "organisation",
            version: { ...trust("org_synthtrnew1", "Synthetic New Trust", "R9W", "2024-04-01") },
          },
          meta,
        );
        expect(created.id).toBe("org_synthtrnew1");
        const unknown = yield* Effect.flip(
          register.saveChange({ operation: "delete" } as never, meta),
        );
        expect(unknown._tag === "ValidationFailed" && unknown.about).toBe("input");
      }),
    ),
  );
});
