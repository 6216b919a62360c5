/**
 * The Greater Manchester dataset (`@care-atlas/data`) through the services: imported into an
 * empty store, imported again (nothing written), exported (the same snapshot back) and
 * looked up. Expectations come from the dataset itself, not from memory.
 */
import { loadPostcodes, loadSnapshot } from "@care-atlas/data";
import { collections, type EntityKind, type Snapshot } from "@care-atlas/domain";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import { meta } from "./fixtures.js";
import { backends, registerOn, type TestDatabase } from "./harness.js";

const snapshot = loadSnapshot();
const postcodes = loadPostcodes();

const normalised = (value: Snapshot): Snapshot => {
  const copy = structuredClone(value);
  for (const kind of Object.keys(collections) as EntityKind[]) {
    (copy[collections[kind]] as { id: string; valid: { from: string } }[]).sort(
      (a, b) => a.id.localeCompare(b.id) || a.valid.from.localeCompare(b.valid.from),
    );
  }
  copy.lsoas.sort((a, b) => a.code.localeCompare(b.code));
  copy.sources.sort((a, b) => a.key.localeCompare(b.key));
  return copy;
};

describe.each(backends)("the GM dataset on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
  });
  afterAll(() => db.dispose());

  it.effect("imports, re-imports with no change, and exports the same snapshot", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const first = yield* register.importSnapshot(snapshot, meta, { postcodes });
      expect(first.findings.filter((f) => f.severity === "error")).toEqual([]);
      // One log entry per entity, and one for all its reference data.
      expect(first.changes).toBe(first.created + 1);
      const seq = yield* Effect.promise(() => db.store.lastSeq());

      const second = yield* register.importSnapshot(snapshot, meta, { postcodes });
      expect(second.changes).toBe(0);
      expect(second.unchanged).toBe(first.created);
      expect(yield* Effect.promise(() => db.store.lastSeq())).toBe(seq);

      const exported = yield* register.exportSnapshot();
      expect(exported.snapshot).toEqual(normalised(snapshot));
      expect(exported.postcodes).toHaveLength(postcodes.length);
      expect((yield* register.checkRules()).errors).toBe(0);
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("a postcode resolves through LSOA and place to the ICB the dataset names", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const sample = postcodes[0];
      if (sample === undefined) throw new Error("the dataset has postcodes");
      const read = yield* register.postcode(sample.postcode, { validAt: "2024-04-01" });
      expect(read.lsoa.code).toBe(sample.lsoaCode);
      const lsoa = snapshot.lsoas.find((l) => l.code === sample.lsoaCode);
      expect(read.place?.codes.map((c) => c.value)).toContain(lsoa?.districtCode);
      const system = snapshot.systems.find((s) => s.id === read.place?.systemId);
      expect(read.icb?.id).toBe(read.subIcbLocation?.parentId ?? system?.icbId);
      expect(read.icb).not.toBeNull();
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("a practice resolves to the PCN its membership names on the date", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const date = "2023-06-01";
      const membership = snapshot.relationships.find(
        (r) =>
          r.kind === "member-of" &&
          r.valid.from <= date &&
          (r.valid.to === null || date < r.valid.to) &&
          snapshot.organisations.some((o) => o.id === r.objectId && o.kind === "pcn"),
      );
      if (membership === undefined) throw new Error("the dataset has PCN memberships");
      const practice = snapshot.organisations.find((o) => o.id === membership.subjectId);
      const code = practice?.codes.find((c) => c.system === "ods")?.value ?? "";
      const read = yield* register.practice(code, { validAt: date });
      expect(read.pcn?.id).toBe(membership.objectId);
      expect(read.place).not.toBeNull();
    }).pipe(Effect.provide(registerOn(db.store))),
  );
  it.effect("postcodesNear: a postcode's own point finds it first, at 0 m, nearest first", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const sample = postcodes.find((p) => p.point !== undefined);
      if (sample?.point === undefined) throw new Error("the sample has no postcode with a point");
      const near = yield* register.postcodesNear(sample.point, { radiusMetres: 300, limit: 20 });
      expect(near.items[0]?.postcode.postcode).toBe(sample.postcode);
      expect(near.items[0]?.distanceMetres).toBe(0);
      const distances = near.items.map((item) => item.distanceMetres);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(distances.every((d) => d <= 300)).toBe(true);
      const far = yield* register.postcodesNear({ lat: 51.5, lon: -0.1 }, { radiusMetres: 5000 });
      expect(far.items).toEqual([]);
      const bad = yield* Effect.flip(register.postcodesNear(sample.point, { radiusMetres: 0 }));
      expect(bad._tag).toBe("ValidationFailed");
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("the postcode reader answers every postcode as the postcode verb does", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const reader = yield* register.postcodeReader();
      expect(reader.dataVersion).toBe(yield* register.dataVersion);
      // Every postcode of the dataset on two dates (before and after the CCGs closed),
      // and texts the register does not hold or that are not postcodes.
      const texts = [...postcodes.map((p) => p.postcode), "m32 0jg", "ZZ9 9ZZ", "nonsense"];
      for (const validAt of ["2022-06-30", "2024-04-01"]) {
        for (const text of texts) {
          const reading = reader.read(text, validAt);
          const verb = yield* Effect.result(register.postcode(text, { validAt }));
          if (verb._tag === "Success") {
            expect(reading.error).toBeNull();
            expect(reading.read).toEqual(verb.success);
          } else {
            expect(reading.read).toBeNull();
            expect(reading.error).toEqual(verb.failure);
          }
        }
      }
      const again = reader.read(texts[0] ?? "", "2024-04-01");
      const other = reader.read(
        postcodes.find((p) => p.lsoaCode === postcodes[0]?.lsoaCode && p !== postcodes[0])
          ?.postcode ?? "",
        "2024-04-01",
      );
      // Postcodes of one LSOA share its records.
      expect(other.read?.lsoa).toBe(again.read?.lsoa);
      expect(other.read?.place).toBe(again.read?.place);
      const bad = reader.read(texts[0] ?? "", "2024-13");
      expect(bad.error?._tag).toBe("ValidationFailed");
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "checkRules filters by rule, severity, subject and the date its subjects are valid",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const all = yield* register.checkRules();
        const first = all.findings[0];
        if (first === undefined) throw new Error("the dataset has no findings to filter");
        const byRule = yield* register.checkRules({ rule: "population-band" });
        expect(byRule.findings.length).toBeGreaterThan(0);
        expect(byRule.findings.every((f) => f.rule === "population-band")).toBe(true);
        const warnings = yield* register.checkRules({ severity: "warning" });
        expect(warnings.errors).toBe(0);
        expect(warnings.warnings).toBe(all.warnings);
        const subject = first.subjects[0] ?? "";
        const about = yield* register.checkRules({ subject });
        expect(about.findings.every((f) => f.subjects.includes(subject))).toBe(true);
        expect(about.findings).toContainEqual(first);
        const before = yield* register.checkRules({ validAt: "1990-01-01" });
        expect(before.findings.length).toBeLessThan(all.findings.length);
        const bad = yield* Effect.flip(register.checkRules({ validAt: "2021-02-30" }));
        expect(bad._tag).toBe("ValidationFailed");
      }).pipe(Effect.provide(registerOn(db.store))),
  );
});
