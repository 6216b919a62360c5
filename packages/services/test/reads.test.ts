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

  describe("lookupCode", () => {
    it.effect("finds every holder of a code: a place and its council share a district code", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const { matches } = yield* register.lookupCode("e08999001", { validAt: "2024-01-01" });
          expect(matches.map((match) => [match.kind, match.id])).toEqual([
            ["place", ids.place],
            ["organisation", ids.council],
          ]);
          const ods = yield* register.lookupCode("Z99901", { system: "ods" });
          expect(ods.matches.map((match) => match.id)).toEqual([ids.practice]);
          const lsoa = yield* register.lookupCode("E01999002");
          expect(lsoa.matches[0]?.kind).toBe("lsoa");
        }),
      ),
    );

    it.effect(
      "fails with NotFound for a code nobody ever held, ValidationFailed for a bad system; before a code is held, its later holder is no holder on the date",
      () =>
        run(
          Effect.gen(function* () {
            const register = yield* Register;
            expect((yield* Effect.flip(register.lookupCode("Z99999")))._tag).toBe("NotFound");
            const early = yield* register.lookupCode("Z99901", { validAt: "2019-01-01" });
            expect([early.closed, early.matches.map((m) => m.id), early.successors]).toEqual([
              true,
              [ids.practice],
              [],
            ]);
            expect(
              (yield* Effect.flip(register.lookupCode("Z99901", { system: "nope" as "ods" })))._tag,
            ).toBe("ValidationFailed");
          }),
        ),
    );
  });

  describe("listEntities", () => {
    it.effect(
      "lists in id order, pages with an opaque cursor, and filters by field or predicate",
      () =>
        run(
          Effect.gen(function* () {
            const register = yield* Register;
            const all = yield* register.listEntities("neighbourhood");
            expect(all.items.map((n) => n.id)).toEqual(
              [ids.north, ids.pcnNeighbourhood, ids.south].sort(),
            );
            expect(all.nextCursor).toBeNull();

            const first = yield* register.listEntities("neighbourhood", { limit: 2 });
            expect(first.items).toHaveLength(2);
            expect(first.nextCursor).not.toBeNull();
            const second = yield* register.listEntities("neighbourhood", {
              limit: 2,
              cursor: first.nextCursor ?? undefined,
            });
            expect([...first.items, ...second.items].map((n) => n.id)).toEqual(
              all.items.map((n) => n.id),
            );
            expect(second.nextCursor).toBeNull();

            const geographic = yield* register.listEntities("neighbourhood", {
              filter: { schemeId: ids.geoScheme },
            });
            expect(geographic.items.map((n) => n.name).sort()).toEqual([
              "Synthetic North",
              "Synthetic South",
            ]);
            const pcns = yield* register.listEntities("organisation", {
              filter: (org) => org.kind === "pcn",
            });
            expect(pcns.items.map((org) => org.id)).toEqual([ids.pcn]);
            const before = yield* register.listEntities("neighbourhood", { validAt: "2019-01-01" });
            expect(before.items).toEqual([]);
          }),
        ),
    );

    it.effect("refuses a foreign cursor and an out-of-range limit", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const cursor = Buffer.from(ids.place).toString("base64url");
          const foreign = yield* Effect.flip(register.listEntities("neighbourhood", { cursor }));
          expect(foreign._tag).toBe("ValidationFailed");
          const limit = yield* Effect.flip(register.listEntities("neighbourhood", { limit: 0 }));
          expect(limit._tag).toBe("ValidationFailed");
        }),
      ),
    );
  });

  it.effect("hierarchy: system → place → schemes → neighbourhoods, optionally one scheme", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const { hierarchy } = yield* register.hierarchy({ validAt: "2024-01-01" });
        const place = hierarchy.systems[0]?.places[0];
        expect(place?.place.id).toBe(ids.place);
        expect(place?.schemes.map((s) => s.scheme.id).sort()).toEqual(
          [ids.geoScheme, ids.regScheme].sort(),
        );
        const one = yield* register.hierarchy({ validAt: "2024-01-01", schemeId: ids.geoScheme });
        const schemes = one.hierarchy.systems[0]?.places[0]?.schemes ?? [];
        expect(schemes.map((s) => s.neighbourhoods.length)).toEqual([2]);
        const empty = yield* register.hierarchy({ validAt: "2019-01-01" });
        expect(empty.hierarchy.systems).toEqual([]);
      }),
    ),
  );

  it.effect(
    "history: the recorded versions with who, when and why; NotFound for an unknown id",
    () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const history = yield* register.history(ids.place);
          expect(history.versions).toHaveLength(1);
          expect(history.changes.map((c) => [c.operation, c.actor, c.reason, c.revision])).toEqual([
            ["import", "test:synthetic", "synthetic test fixture", 1],
          ]);
          expect((yield* Effect.flip(register.history("plc_synthnone1")))._tag).toBe("NotFound");
          expect((yield* Effect.flip(register.history("not-an-id")))._tag).toBe("NotFound");
        }),
      ),
  );

  it.effect("changes: the feed after a sequence number, in order", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const page = yield* register.changes({ after: 0, limit: 3 });
        expect(page.changes.map((c) => c.seq)).toEqual([1, 2, 3]);
        expect(page.next).toBe(3);
        const rest = yield* register.changes({ after: page.next, limit: 1000 });
        expect(rest.changes[0]?.seq).toBe(4);
        expect(rest.next).toBe(page.lastSeq);
        expect((yield* Effect.flip(register.changes({ after: -1 })))._tag).toBe("ValidationFailed");
      }),
    ),
  );

  it.effect(
    "changes: filtered by kind, by entity and by recorded time, with the actor's kind",
    () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const all = yield* register.changes({ limit: 1000 });
          const places = yield* register.changes({ limit: 1000, kinds: ["place"] });
          expect(places.changes.length).toBeGreaterThan(0);
          expect(places.changes.map((c) => c.seq)).toEqual(
            all.changes.filter((c) => c.kind === "place").map((c) => c.seq),
          );
          const one = yield* register.changes({ id: ids.place });
          const idOf = (c: (typeof all.changes)[number]) => ("id" in c ? c.id : null);
          expect(one.changes.map(idOf)).toEqual(
            all.changes.filter((c) => idOf(c) === ids.place).map(idOf),
          );
          expect(one.changes.every((c) => c.actorKind === "import")).toBe(true);
          const later = yield* register.changes({ since: new Date(Date.now() + 60_000) });
          expect(later.changes).toEqual([]);
          expect(later.next).toBe(0);
          const bad = yield* Effect.flip(register.changes({ id: "not an id" }));
          expect(bad._tag).toBe("ValidationFailed");
        }),
      ),
  );

  it.effect("resolveId: an id as it is, a code by its holder of the wanted kind", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        expect(yield* register.resolveId(["place"], ids.place)).toBe(ids.place);
        // The place and its council share the district code: the kind decides.
        expect(yield* register.resolveId(["place"], "E08999001")).toBe(ids.place);
        expect(yield* register.resolveId(["organisation"], "e08999001")).toBe(ids.council);
        expect(yield* register.resolveId(["organisation"], "Z99901")).toBe(ids.practice);
        expect(yield* register.resolveId(["system"], "E54999001")).toBe(ids.system);
        // Before it held the code, the latest that ever did.
        expect(
          yield* register.resolveId(["organisation"], "U99901", { validAt: "2001-01-01" }),
        ).toBe(ids.pcn);
        expect(yield* register.resolveId(["place"], "Z99901")).toBeNull();
        expect(yield* register.resolveId(["place"], "ZZZ999")).toBeNull();
        expect((yield* Effect.flip(register.resolveId(["place"], "")))._tag).toBe(
          "ValidationFailed",
        );
      }),
    ),
  );

  it.effect(
    "organisationLinks: a practice's PCN and sub-ICB location, a PCN's sub-ICB location",
    () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const [practice, pcn, council, missing] = yield* register.organisationLinks(
            [ids.practice, ids.pcn, ids.council, "org_synthnone1"],
            { validAt: "2024-01-01" },
          );
          expect(practice?.pcn?.id).toBe(ids.pcn);
          expect(practice?.subIcbLocation?.id).toBe(ids.subIcb);
          expect(pcn).toEqual({
            pcn: null,
            subIcbLocation: expect.objectContaining({ id: ids.subIcb }),
          });
          expect(council).toEqual({ pcn: null, subIcbLocation: null });
          expect(missing).toEqual({ pcn: null, subIcbLocation: null });
        }),
      ),
  );

  describe("lookups", () => {
    it.effect("postcode → LSOA → geographic neighbourhood → place → sub-ICB location → ICB", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const read = yield* register.postcode("zz99za", { validAt: "2024-01-01" });
          expect(read.postcode.postcode).toBe("ZZ9 9ZA");
          expect(read.lsoa.code).toBe("E01999001");
          expect(read.neighbourhoods.map((n) => [n.neighbourhood.id, n.scheme?.id])).toEqual([
            [ids.north, ids.geoScheme],
          ]);
          expect(read.place?.id).toBe(ids.place);
          expect(read.subIcbLocation?.id).toBe(ids.subIcb);
          expect(read.icb?.id).toBe(ids.icb);
          expect(read.system?.id).toBe(ids.system);
        }),
      ),
    );

    it.effect(
      "postcode errors: malformed → ValidationFailed, one it does not hold → OutsideCoverage",
      () =>
        run(
          Effect.gen(function* () {
            const register = yield* Register;
            expect((yield* Effect.flip(register.postcode("nonsense")))._tag).toBe(
              "ValidationFailed",
            );
            const outside = yield* Effect.flip(register.postcode("ZZ9 9ZZ"));
            expect(outside._tag).toBe("OutsideCoverage");
            expect(outside.message).toMatch(
              /holds no postcode ZZ9 9ZZ: it holds the postcodes of Synthetic/,
            );
            expect(outside.message).toMatch(/ONS Postcode Directory \(ONSPD\).*ons-postcodes/);
          }),
        ),
    );

    it.effect("lookupPostcodes: one answer per input, in order, with per-item errors", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const items = yield* register.lookupPostcodes(
            ["zz99zb", "nonsense", "ZZ9 9ZZ", " ZZ9 9ZA ", "ZZ99ZB"],
            { validAt: "2024-01-01" },
          );
          expect(
            items.map((item) => [item.input, item.postcode, item.error?.code ?? null]),
          ).toEqual([
            ["zz99zb", "ZZ9 9ZB", null],
            ["nonsense", null, "invalid-postcode"],
            ["ZZ9 9ZZ", "ZZ9 9ZZ", "outside-coverage"],
            [" ZZ9 9ZA ", "ZZ9 9ZA", null],
            ["ZZ99ZB", "ZZ9 9ZB", null],
          ]);
          expect(items[2]?.error?.detail).toMatch(
            /^the register holds no such postcode: it holds the postcodes of /,
          );
          expect(items.map((item) => item.read?.lsoa.code ?? null)).toEqual([
            "E01999003",
            null,
            null,
            "E01999001",
            "E01999003",
          ]);
          // The same answer as the one-postcode verb, item by item.
          const one = yield* register.postcode("ZZ9 9ZA", { validAt: "2024-01-01" });
          expect(items[3]?.read).toEqual(one);
          const south = yield* register.postcode("ZZ9 9ZB", { validAt: "2024-01-01" });
          expect(items[0]?.read).toEqual(south);
          expect(items[4]?.read?.neighbourhoods.map((n) => n.neighbourhood.id)).toEqual([
            ids.south,
          ]);
          // validAt applies to every item: before the scheme, no neighbourhoods.
          const early = yield* register.lookupPostcodes(["ZZ9 9ZB"], { validAt: "2019-01-01" });
          expect(early[0]?.read?.neighbourhoods).toEqual([]);
          expect(yield* register.lookupPostcodes([])).toEqual([]);
          const bad = yield* Effect.flip(
            register.lookupPostcodes(["ZZ9 9ZA"], { validAt: "2024-13-45" }),
          );
          expect(bad._tag).toBe("ValidationFailed");
        }),
      ),
    );

    it.effect("lsoa: the neighbourhoods of geographic schemes that hold it, and the chain", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const read = yield* register.lsoa("E01999003", { validAt: "2024-01-01" });
          expect(read.neighbourhoods.map((n) => n.neighbourhood.id)).toEqual([ids.south]);
          expect(read.icb?.id).toBe(ids.icb);
          const early = yield* register.lsoa("E01999003", { validAt: "2019-01-01" });
          expect(early.neighbourhoods).toEqual([]);
          expect(early.place).toBeNull();
          expect((yield* Effect.flip(register.lsoa("E01999999")))._tag).toBe("NotFound");
          expect((yield* Effect.flip(register.lsoa("E02999001")))._tag).toBe("ValidationFailed");
        }),
      ),
    );

    it.effect("practice → PCN → the neighbourhoods listing the PCN → place → ICB", () =>
      run(
        Effect.gen(function* () {
          const register = yield* Register;
          const read = yield* register.practice("z99901", { validAt: "2024-01-01" });
          expect(read.practice.id).toBe(ids.practice);
          expect(read.pcn?.id).toBe(ids.pcn);
          expect(read.membership?.id).toBe(ids.membership);
          expect(read.neighbourhoods.map((n) => n.neighbourhood.id)).toEqual([
            ids.pcnNeighbourhood,
          ]);
          expect(read.place?.id).toBe(ids.place);
          expect(read.icb?.id).toBe(ids.icb);
          expect((yield* Effect.flip(register.practice("Z99999")))._tag).toBe("NotFound");
          expect((yield* Effect.flip(register.practice("QZZ")))._tag).toBe("ValidationFailed");
        }),
      ),
    );
  });

  it.effect("checkRules: the fixture breaks no rule", () =>
    run(
      Effect.gen(function* () {
        const register = yield* Register;
        const rules = yield* register.checkRules();
        expect(rules.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(rules.errors).toBe(0);
      }),
    ),
  );

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
