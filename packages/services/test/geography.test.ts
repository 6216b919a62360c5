/**
 * Dated geography through `importFile`, on each backend: ONS's LSOA lookups (CCG 2016 and
 * 2020, sub-ICB location 2022 and 2024, ward 2022 and 2024) and the Trafford extract of the
 * ONS Postcode Directory, imported into the GM register (its entities and LSOAs, without the
 * dataset's geography), checked against the files themselves: every lookup answers the
 * commissioner and ward of its date, one vintage at a time; each import is one entry of the
 * change feed; re-import changes nothing; `asOf` reads see the geography as recorded then;
 * a wrong-layout file changes nothing. Then the dataset as shipped, which the same imports
 * leave unchanged.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadLsoaAssignments, loadPostcodes, loadSnapshot } from "@care-atlas/data";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import type { ImportFile } from "../src/verbs/importFile.js";
import { meta } from "./fixtures.js";
import { backends, registerOn, type TestDatabase } from "./harness.js";

const raw = join(import.meta.dirname, "../../data/raw");
const bytes = (path: string) => readFileSync(join(raw, path));

/** One CSV line's fields (quoted fields may hold commas; none of these files has line breaks in one). */
const fieldsOf = (line: string): string[] =>
  [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => {
    const field = m[1] ?? "";
    return field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
  });

/** A CSV of the raw folder as records, read here independently of the readers under test. */
const csv = (path: string): Record<string, string>[] => {
  const [header, ...lines] = readFileSync(join(raw, path), "utf8").trim().split(/\r?\n/);
  const names = fieldsOf(header ?? "");
  return lines.map((line) => {
    const fields = fieldsOf(line);
    return Object.fromEntries(names.map((n, i) => [n, fields[i] ?? ""]));
  });
};

const lookup = (name: string, path: string, published: string): ImportFile => ({
  kind: "ons-lsoa-lookup",
  name,
  bytes: bytes(path),
  published,
});

const files = {
  ccg16: lookup(
    "gm_lsoa11_to_ccg16_lad16_lookup.csv",
    "geography/gm_lsoa11_to_ccg16_lad16_lookup.csv",
    "2016-04-01",
  ),
  ccg20: lookup(
    "gm_lsoa11_to_ccg20_lad20_lookup.csv",
    "geography/gm_lsoa11_to_ccg20_lad20_lookup.csv",
    "2020-04-01",
  ),
  sicbl22: lookup(
    "lsoa11_sicbl22_icb22_ltla22_england_2022-07.csv",
    "geography/lsoa11_sicbl22_icb22_ltla22_england_2022-07.csv",
    "2022-07-01",
  ),
  sicbl24: lookup(
    "lsoa21_sicbl24_icb24_england_2024-04.csv",
    "geography/lsoa21_sicbl24_icb24_england_2024-04.csv",
    "2024-04-01",
  ),
  ward22: lookup(
    "gm_lsoa21_to_ward22_bestfit_lookup.csv",
    "geography/gm_lsoa21_to_ward22_bestfit_lookup.csv",
    "2022-05-01",
  ),
  ward24: lookup(
    "lsoa21_ward24_ltla24_england_wales_2024.csv",
    "geography/lsoa21_ward24_ltla24_england_wales_2024.csv",
    "2024-05-01",
  ),
  postcodes: {
    kind: "ons-postcodes",
    name: "trafford_postcodes_2025-02.csv",
    bytes: bytes("postcodes/trafford_postcodes_2025-02.csv"),
    published: "2025-02-13",
  },
} satisfies Record<string, ImportFile>;

const who = { actor: meta.actor };
const dataset = loadSnapshot();
const gmLsoas = new Set(dataset.lsoas.map((l) => l.code));
const glossop = csv("geography/gm_lsoa11_to_ccg20_lad20_lookup.csv")
  .filter((r) => r.LAD20NM === "High Peak")
  .map((r) => r.LSOA11CD ?? "");
const traffordRows = csv("postcodes/trafford_postcodes_2025-02.csv");

describe.each(backends)("dated geography through importFile on $name", (backend) => {
  let db: TestDatabase;
  const lastSeq = () => Effect.promise(() => db.store.lastSeq());

  beforeAll(async () => {
    db = await backend.create();
    await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          const register = yield* Register;
          yield* register.importSnapshot(dataset, meta);
        }),
        registerOn(db.store),
      ),
    );
  });
  afterAll(() => db.dispose());

  it.effect(
    "before any geography: postcodes are outside the coverage, LSOAs have no commissioner",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const outside = yield* Effect.flip(register.postcode("M32 0JG"));
        expect(outside._tag).toBe("OutsideCoverage");
        expect(outside.message).toMatch(/it holds no postcodes\. .*ONS Postcode Directory/);
        const lsoa = yield* register.lsoa("E01006187", { validAt: "2018-01-01" });
        expect([lsoa.commissioner, lsoa.ward, lsoa.ccg]).toEqual([null, null, null]);
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("a dry run counts and shows examples, and writes nothing", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const seq = yield* lastSeq();
      const dry = yield* register.importFile(files.ccg16, who, { dryRun: true, examples: 3 });
      expect(dry.counts).toMatchObject({ created: 1694, changed: 0, skipped: 0 });
      expect(dry.examples.created).toHaveLength(3);
      expect(dry.examples.created[0]?.detail).toMatch(
        /^in \d\d[A-Z] \(NHS .* CCG\) from 2016-04-01/,
      );
      expect(dry.reference).toEqual({ assignments: 1694 });
      expect(dry.layout).toEqual({
        kind: "ons-lsoa-lookup",
        assigns: "commissioner",
        vintage: 2016,
        lsoaVintage: 2011,
      });
      expect([dry.changes, yield* lastSeq()]).toEqual([0, seq]);
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("each lookup is one entry of the change feed; re-import changes nothing", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      for (const file of [
        files.ccg16,
        files.ccg20,
        files.sicbl22,
        files.sicbl24,
        files.ward22,
        files.ward24,
      ]) {
        const before = yield* lastSeq();
        const report = yield* register.importFile(file, who);
        expect(report.changes, file.name).toBe(1);
        expect(report.dataVersion).toBe(before + 1);
        const feed = yield* register.changes({ after: before });
        expect(feed.changes).toEqual([
          expect.objectContaining({
            kind: "reference",
            operation: "import",
            reason: `import of ${file.name}`,
            source: report.file.source,
            reference: expect.objectContaining({ sources: { created: 1, changed: 0 } }),
          }),
        ]);
        const again = yield* register.importFile(file, who);
        expect([again.changes, again.counts.created, again.counts.changed]).toEqual([0, 0, 0]);
        expect(yield* lastSeq()).toBe(before + 1);
      }
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("every GM LSOA's sub-ICB location in 2024 is the 2024 lookup's, with its ICB", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const rows = csv("geography/lsoa21_sicbl24_icb24_england_2024-04.csv").filter((r) =>
        gmLsoas.has(r.lsoa21_code ?? ""),
      );
      expect(rows).toHaveLength(1702);
      for (const row of rows) {
        const read = yield* register.lsoa(row.lsoa21_code ?? "", { validAt: "2024-06-01" });
        expect(read.commissioner?.code, row.lsoa21_code).toBe(row.sicbl24_code_nhs);
        expect(read.commissioner?.kind).toBe("sub-icb-location");
        expect(read.subIcbLocation?.codes.map((c) => c.value)).toContain(row.sicbl24_code_nhs);
        expect(read.icb?.codes.map((c) => c.value)).toContain(row.icb24_code_nhs);
      }
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "the 21 Glossop LSOAs: Tameside and Glossop CCG until 2022-07-01, Derby and Derbyshire from then",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        expect(glossop).toHaveLength(21);
        for (const code of glossop) {
          const before = yield* register.lsoa(code, { validAt: "2022-06-30" });
          expect(before.lsoa).toBeNull();
          expect(before.ccg?.name).toBe("NHS Tameside and Glossop CCG");
          expect(before.commissioner).toMatchObject({ kind: "ccg", code: "01Y", basis: "lsoa" });
          const after = yield* register.lsoa(code, { validAt: "2022-07-01" });
          expect(after.commissioner).toMatchObject({
            kind: "sub-icb-location",
            code: "15M",
            name: "NHS Derby and Derbyshire ICB - 15M",
            organisation: null,
            icb: {
              code: "QJ2",
              name: "NHS Derby and Derbyshire Integrated Care Board",
              organisation: null,
            },
            lookup: { vintage: { year: 2022, from: "2022-07-01" } },
          });
          expect(after.commissioner?.note).toMatch(
            /no record of 15M: it is named as the 2022 lookup names it/,
          );
          expect([after.subIcbLocation, after.icb, after.place]).toEqual([null, null, null]);
        }
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "Manchester: the right one of Central, North and South Manchester CCG per LSOA before 2017-04-01, 14L after",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const rows = csv("geography/gm_lsoa11_to_ccg16_lad16_lookup.csv").filter(
          (r) => ["00W", "01M", "01N"].includes(r.CCG16CDH ?? "") && gmLsoas.has(r.LSOA11CD ?? ""),
        );
        expect(rows.length).toBeGreaterThan(250);
        for (const row of rows) {
          const then = yield* register.lsoa(row.LSOA11CD ?? "", { validAt: "2016-06-01" });
          expect(
            then.ccg?.codes.map((c) => c.value),
            row.LSOA11CD,
          ).toContain(row.CCG16CDH);
          expect(then.ccg?.name).toBe(row.CCG16NM);
          const later = yield* register.lsoa(row.LSOA11CD ?? "", { validAt: "2018-01-01" });
          expect(later.ccg?.codes.map((c) => c.value)).toContain("14L");
          expect(later.commissioner?.successionPath).toHaveLength(2);
        }
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "postcodes: one entry in the feed for 11,264 postcodes; each resolves to its LSOA and the ward of its date's vintage",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const before = yield* lastSeq();
        const report = yield* register.importFile(files.postcodes, who);
        expect(report.counts).toMatchObject({ created: 11_264, skipped: 0 });
        expect(report.reference).toEqual({ postcodes: 11_264 });
        expect(report.layout).toEqual({ kind: "ons-postcodes", directory: "extract" });
        const feed = yield* register.changes({ after: before });
        expect(feed.changes).toHaveLength(1);
        expect(feed.changes[0]).toMatchObject({
          kind: "reference",
          reference: {
            postcodes: { created: 11_264, changed: 0 },
            sources: { created: 1, changed: 0 },
          },
        });
        const postcodes = traffordRows.map((r) => r.postcode ?? "");
        const recent = yield* register.lookupPostcodes(postcodes, { validAt: "2025-03-01" });
        const old = yield* register.lookupPostcodes(postcodes, { validAt: "2023-01-01" });
        const best22 = new Map(
          csv("geography/gm_lsoa21_to_ward22_bestfit_lookup.csv").map((r) => [
            r.lsoa21cd,
            r.wd22cd,
          ]),
        );
        traffordRows.forEach((row, i) => {
          const now = recent[i]?.read;
          expect(now?.lsoa.code, row.postcode).toBe(row.lsoa_code);
          expect(now?.ward).toMatchObject({ code: row.ward_code, basis: "postcode" });
          expect(now?.postcode.wardCode).toBe(row.ward_code);
          const then = old[i]?.read;
          // 2023 is in the 2022 ward vintage: the directory's 2024 ward is not the postcode's then.
          expect(then?.ward).toMatchObject({ code: best22.get(row.lsoa_code), basis: "lsoa" });
          expect(then?.postcode.wardCode).toBeUndefined();
        });
        const again = yield* register.importFile(files.postcodes, who);
        expect([again.changes, again.counts.unchanged]).toEqual([0, 11_264]);
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("M32 0JG: NHS Trafford CCG on 2018-01-01, one ward vintage for each date", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const y2018 = yield* register.postcode("M32 0JG", { validAt: "2018-01-01" });
      expect(y2018.ccg?.name).toBe("NHS Trafford CCG");
      expect(y2018.ccg?.codes.map((c) => c.value)).toContain("02A");
      expect([y2018.subIcbLocation, y2018.icb, y2018.ward]).toEqual([null, null, null]);
      expect(y2018.postcode.wardCode).toBeUndefined();
      const y2023 = yield* register.postcode("M32 0JG", { validAt: "2023-01-01" });
      expect(y2023.ward).toMatchObject({
        code: "E05000829",
        basis: "lsoa",
        vintage: { year: 2022 },
      });
      expect(y2023.postcode.wardCode).toBeUndefined();
      expect(y2023.lsoa.ward).toBeUndefined();
      expect(y2023.subIcbLocation?.codes.map((c) => c.value)).toContain("02A");
      const y2025 = yield* register.postcode("M32 0JG", { validAt: "2025-06-01" });
      expect(y2025.ward).toMatchObject({
        code: "E05015247",
        name: "Gorse Hill & Cornbrook",
        basis: "postcode",
        vintage: { year: 2024 },
      });
      expect(y2025.postcode.wardCode).toBe("E05015247");
      expect(y2025.status).toBe("live");
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "BL1 1RU while only Trafford's postcodes are loaded: the distinct error, naming them and ONSPD",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const error = yield* Effect.flip(register.postcode("BL1 1RU"));
        expect(error._tag).toBe("OutsideCoverage");
        if (error._tag !== "OutsideCoverage") return;
        expect(error.coverage).toEqual([
          { districtCode: "E08000009", name: "Trafford", postcodes: 11_264 },
        ]);
        expect(error.message).toBe(
          "the register holds no postcode BL1 1RU: it holds the postcodes of Trafford (E08000009): 11,264 only. To look up postcodes anywhere in the UK, load the ONS Postcode Directory (ONSPD) or the National Statistics Postcode Lookup (NSPL), from the ONS Open Geography Portal, with an import of kind ons-postcodes.",
        );
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "a practice's commissioner of the date: its district's one CCG, or none in Manchester before 2017",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const bolton = yield* register.practice("P82001", { validAt: "2018-01-01" });
        expect(bolton.ccg?.name).toBe("NHS Bolton CCG");
        expect(bolton.commissioner?.basis).toBe("district");
        const now = yield* register.practice("P82001", { validAt: "2024-06-01" });
        expect(now.subIcbLocation?.codes.map((c) => c.value)).toContain("00T");
        expect(now.ccg).toBeNull();
        const manchester = dataset.organisations.find(
          (o) =>
            o.kind === "gp-practice" &&
            o.placeId === dataset.places.find((p) => p.name === "Manchester")?.id &&
            o.valid.from < "2016-01-01" &&
            o.valid.to === null,
        );
        const code = manchester?.codes[0]?.value ?? "";
        const early = yield* register.practice(code, { validAt: "2016-06-01" });
        expect([early.ccg, early.commissioner]).toEqual([null, null]);
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("asOf: the geography as recorded before and after its imports", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const changes = [];
      for (let after = 0; ; ) {
        const page = yield* register.changes({ after, limit: 1000 });
        if (page.changes.length === 0) break;
        changes.push(...page.changes);
        after = page.next;
      }
      const imports = changes.filter(
        (c) => c.kind === "reference" && c.reason.startsWith("import of"),
      );
      const firstLookup = imports[0];
      const postcodeImport = imports.at(-1);
      if (firstLookup === undefined || postcodeImport === undefined) {
        throw new Error("the imports are not in the change feed");
      }
      const justBefore = (at: string) => new Date(Date.parse(at) - 1);
      const early = yield* register.lsoa("E01006187", {
        validAt: "2018-01-01",
        asOf: justBefore(firstLookup.recordedAt),
      });
      expect(early.ccg).toBeNull();
      const later = yield* register.lsoa("E01006187", {
        validAt: "2018-01-01",
        asOf: new Date(firstLookup.recordedAt),
      });
      expect(later.ccg?.name).toBe("NHS Trafford CCG");
      const unknown = yield* Effect.flip(
        register.postcode("M32 0JG", { asOf: justBefore(postcodeImport.recordedAt) }),
      );
      expect(unknown._tag).toBe("OutsideCoverage");
      const known = yield* register.postcode("M32 0JG", {
        asOf: new Date(postcodeImport.recordedAt),
      });
      expect(known.lsoa.code).toBe("E01006187");
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "a file of another layout, or a lookup dated outside its vintage: a clear error, nothing written",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const seq = yield* lastSeq();
        const asLookup = yield* Effect.flip(
          register.importFile({ ...files.postcodes, kind: "ons-lsoa-lookup" }, who),
        );
        expect(asLookup).toMatchObject({ _tag: "ValidationFailed", about: "input" });
        expect(asLookup.message).toMatch(
          /file: not an ONS LSOA lookup .* lacks LSOA21CD \(or LSOA11CD\) and SICBLnnCDH \/ CCGnnCDH, or WDnnCD$/,
        );
        const asPostcodes = yield* Effect.flip(
          register.importFile({ ...files.ccg16, kind: "ons-postcodes" }, who),
        );
        expect(asPostcodes.message).toMatch(
          /file: not a postcode directory .* lacks the columns pcds, lsoa21$/,
        );
        const misdated = yield* Effect.flip(
          register.importFile({ ...files.sicbl24, published: "2016-04-01" }, who),
        );
        expect(misdated.message).toMatch(/file\.published: the file is ONS's 2024 lookup/);
        expect(yield* lastSeq()).toBe(seq);
      }).pipe(Effect.provide(registerOn(db.store))),
  );
});

describe.each(backends)("the dataset's geography on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
  });
  afterAll(() => db.dispose());

  it.effect("is what the imports make: importing every reference file again changes nothing", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const first = yield* register.importSnapshot(dataset, meta, {
        postcodes: loadPostcodes(),
        lsoaAssignments: loadLsoaAssignments(),
      });
      expect(first.findings.filter((f) => f.severity === "error")).toEqual([]);
      const seq = yield* Effect.promise(() => db.store.lastSeq());
      for (const file of Object.values(files)) {
        const report = yield* register.importFile(file, who, { dryRun: true });
        expect([file.name, report.counts.created, report.counts.changed]).toEqual([
          file.name,
          0,
          0,
        ]);
      }
      expect(yield* Effect.promise(() => db.store.lastSeq())).toBe(seq);
      const read = yield* register.postcode("M32 0JG", { validAt: "2018-01-01" });
      expect(read.ccg?.name).toBe("NHS Trafford CCG");
    }).pipe(Effect.provide(registerOn(db.store))),
  );
});
