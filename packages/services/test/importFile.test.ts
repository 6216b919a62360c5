/**
 * `importFile` over the real files of `@care-atlas/data`'s raw/ (ODS etr, eccg, epraccur,
 * the all-England successor table and the October 2024 ePCN workbook), on the GM register,
 * on each backend. Expectations are read from the files themselves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPostcodes, loadSnapshot } from "@care-atlas/data";
import { History, type Organisation, type Relationship, type Succession } from "@care-atlas/domain";
import { readEpcn, readSuccessions } from "@care-atlas/imports";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { currentModelOf } from "../src/diagnostics.js";
import { Register } from "../src/Register.js";
import type { ImportFile, ImportProgress } from "../src/verbs/importFile.js";
import { meta } from "./fixtures.js";
import { backends, registerOn, type TestDatabase } from "./harness.js";

const raw = join(import.meta.dirname, "../../data/raw");
const bytes = (path: string) => readFileSync(join(raw, path));

const files = {
  etr: {
    kind: "ods-etr",
    name: "gm_nhs_trusts_ods_etr.csv",
    bytes: bytes("nhs_organisations/gm_nhs_trusts_ods_etr.csv"),
    published: "2025-12-01",
  },
  eccg: {
    kind: "ods-eccg",
    name: "gm_ccgs_sub_icb_locations_ods_eccg.csv",
    bytes: bytes("nhs_organisations/gm_ccgs_sub_icb_locations_ods_eccg.csv"),
    published: "2025-12-01",
  },
  epraccur: {
    kind: "ods-epraccur",
    name: "gm_gp_practices_ods_epraccur_2025.csv",
    bytes: bytes("gp_practices/gm_gp_practices_ods_epraccur_2025.csv"),
    published: "2025-11-01",
  },
  successors: {
    kind: "ods-successors",
    name: "ods_successions_england_2022-09.csv",
    bytes: bytes("nhs_organisations/ods_successions_england_2022-09.csv"),
    published: "2022-09-26",
  },
  epcn: {
    kind: "ods-epcn",
    name: "epcn_2024-10.xlsx",
    bytes: bytes("gp_practices/epcn_2024-10.xlsx"),
    published: "2024-10-25",
  },
} satisfies Record<string, ImportFile>;

const who = { actor: meta.actor };

const collect = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
  const list: T[] = [];
  for await (const row of rows) list.push(row);
  return list;
};

const modelOf = (register: Register["Service"]) => {
  const model = currentModelOf(register);
  if (model === undefined) throw new Error("no read model");
  return model;
};

describe.each(backends)("importFile into an empty register on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
  });
  afterAll(() => db.dispose());

  it.effect(
    "eccg, epraccur, then ePCN: created as dated records citing each file; re-import changes nothing",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const dry = yield* register.importFile(files.eccg, who, { dryRun: true });
        expect(dry.counts.created).toBe(14);
        expect(yield* Effect.promise(() => db.store.lastSeq())).toBe(0);

        const eccg = yield* register.importFile(files.eccg, who);
        expect(eccg.counts).toMatchObject({ created: 14, changed: 0, ended: 0 });
        // 14 organisations, and the file as a source (reference data, one log entry).
        expect(eccg.changes).toBe(15);
        const model = modelOf(register);
        const source = model.source(eccg.file.source);
        expect(source?.file?.sha256).toBe(eccg.file.sha256);
        expect(source?.dataDate).toBe("2025-12-01");
        const t02a = model
          .ids("organisation")
          .find((id) =>
            ((model.history(id)?.versions ?? []) as Organisation[]).some(
              (v) => v.codes[0]?.value === "02A",
            ),
          );
        const history = yield* register.history(t02a ?? "");
        expect(history.changes[0]?.reason).toBe("import of gm_ccgs_sub_icb_locations_ods_eccg.csv");
        expect(history.changes[0]?.source).toBe(eccg.file.source);
        // The name ODS gives today is not applied to the years before: it holds from the file's date.
        const versions = (model.history(t02a ?? "")?.versions ?? []) as Organisation[];
        expect(History.versionAt(versions, "2015-01-01")?.name).toBe(
          "02A (earlier name not recorded)",
        );
        expect(History.versionAt(versions, "2025-12-01")?.name).toBe(
          "NHS GREATER MANCHESTER ICB - 02A",
        );

        const practices = yield* register.importFile(files.epraccur, who);
        expect(practices.counts.created).toBeGreaterThan(400);
        expect(practices.examples.skipped[0]?.detail).toMatch(
          /prescribing setting|not in the register|closed/,
        );

        const epcn = yield* register.importFile(files.epcn, who);
        expect(epcn.counts.created).toBeGreaterThan(400);
        const practice = yield* register.practice("P83620", { validAt: "2024-09-01" });
        expect(practice.pcn?.codes[0]?.value).toBe("U49525");

        const seq = yield* Effect.promise(() => db.store.lastSeq());
        for (const file of [files.eccg, files.epraccur, files.epcn]) {
          expect((yield* register.importFile(file, who)).changes, file.name).toBe(0);
        }
        expect(yield* Effect.promise(() => db.store.lastSeq())).toBe(seq);
      }).pipe(Effect.provide(registerOn(db.store))),
  );
});

describe.each(backends)("importFile on the GM register on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
  });
  afterAll(() => db.dispose());

  const lastSeq = () => Effect.promise(() => db.store.lastSeq());

  it.effect("loads the GM dataset, then re-imports its ODS files with no change", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      yield* register.importSnapshot(loadSnapshot(), meta, { postcodes: loadPostcodes() });
      const seq = yield* lastSeq();
      for (const file of [files.etr, files.eccg, files.epraccur]) {
        const report = yield* register.importFile(file, who);
        expect(report.changes, file.name).toBe(0);
        expect(report.counts.created + report.counts.changed + report.counts.ended, file.name).toBe(
          0,
        );
        expect(report.file.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(yield* lastSeq()).toBe(seq);
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("refuses a file of another layout with a clear error, writing nothing", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const seq = yield* lastSeq();
      const error = yield* Effect.flip(
        register.importFile({ ...files.epraccur, kind: "ods-etr" }, who),
      );
      expect(error._tag).toBe("ValidationFailed");
      if (error._tag === "ValidationFailed") {
        expect(error.about).toBe("input");
        expect(error.issues[0]?.path).toBe("file");
        expect(error.issues[0]?.message).toMatch(
          /not an ODS NHS trust file.*not an NHS trust code/,
        );
      }
      const headerless = yield* Effect.flip(
        register.importFile({ ...files.etr, name: "etr.csv", bytes: '"RW6","X",20020401\n' }, who),
      );
      expect(headerless._tag === "ValidationFailed" && headerless.issues[0]?.message).toMatch(
        /has 3 columns; ODS's headerless layout has 27/,
      );
      expect(yield* lastSeq()).toBe(seq);
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("imports the successor table: every GM row is a succession (REX → RW6 → RM3)", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const progress: ImportProgress[] = [];
      const seq = yield* lastSeq();
      const dry = yield* register.importFile(files.successors, who, {
        dryRun: true,
        onProgress: (p) => progress.push(p),
      });
      expect(dry.dryRun).toBe(true);
      expect(yield* lastSeq()).toBe(seq);
      expect(progress.map((p) => p.phase)).toContain("planning");
      expect(progress.at(-1)?.phase).toBe("done");

      const report = yield* register.importFile(files.successors, who);
      expect(report.counts).toEqual(dry.counts);
      expect(report.file.source).toMatch(/^ods-successors-2022-09-26-[0-9a-f]{8}$/);

      // Every row whose successor the register holds is in a succession of that date.
      const model = modelOf(register);
      const rows = yield* Effect.promise(() => collect(readSuccessions(files.successors.bytes)));
      const orgOf = (code: string) =>
        model
          .ids("organisation")
          .find((id) =>
            ((model.history(id)?.versions ?? []) as Organisation[]).some((v) =>
              v.codes.some((c) => c.system === "ods" && c.value === code),
            ),
          );
      const successions = model
        .ids("succession")
        .flatMap((id) => model.history(id)?.versions ?? []) as Succession[];
      const gmRows = rows.filter(
        (row) => orgOf(row.newCode) !== undefined && row.newCode !== "X2C4Y",
      );
      expect(gmRows.length).toBeGreaterThan(20);
      for (const row of gmRows) {
        const from = orgOf(row.oldCode);
        const to = orgOf(row.newCode);
        expect(
          successions.some(
            (s) =>
              s.valid.from === row.date &&
              s.predecessorIds.includes(from ?? "") &&
              s.successorIds.includes(to ?? ""),
          ),
          `${row.oldCode} → ${row.newCode} ${row.date}`,
        ).toBe(true);
      }
      // REX (Bury Health Care NHS Trust's code, named by no loaded file) is recorded by code.
      const rex = model.history(orgOf("REX") ?? "")?.versions[0] as Organisation | undefined;
      expect(rex?.name).toBe("REX (name not in the loaded files)");
      expect(rex?.valid).toEqual({ from: "2002-03-31", to: "2002-04-01" });
      const code = yield* register.lookupCode("REX", { validAt: "2024-01-01" });
      expect(code.closed).toBe(true);
      const rm3 = orgOf("RM3");
      expect(code.successors.map((s) => s.id)).toContain(rm3);
      expect(code.successors.find((s) => s.id === rm3)?.path).toEqual([
        orgOf("REX"),
        orgOf("RW6"),
        rm3,
      ]);

      const again = yield* register.importFile(files.successors, who);
      expect(again.changes).toBe(0);
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "ePCN 2024 on top of 2023: the dataset holds its renames from its date and the practices that moved PCN",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        // The dataset was built through the same planners: importing the workbook changes nothing.
        const report = yield* register.importFile(files.epcn, who);
        expect(report.changes).toBe(0);
        expect(report.counts.unchanged).toBeGreaterThan(400);
        const model = modelOf(register);
        const workbook = yield* Effect.promise(() => readEpcn(files.epcn.bytes));
        const byCode = (code: string) =>
          model
            .ids("organisation")
            .find((id) =>
              ((model.history(id)?.versions ?? []) as Organisation[]).some((v) =>
                v.codes.some((c) => c.value === code),
              ),
            );
        // Every GM PCN whose 2024 name differs from its earlier one has a new version from the date.
        let renames = 0;
        for (const pcn of workbook.pcns) {
          const id = byCode(pcn.code);
          if (id === undefined) continue;
          const versions = (model.history(id)?.versions ?? []) as Organisation[];
          const before = History.versionAt(versions, "2024-10-24");
          const after = History.versionAt(versions, "2024-10-25");
          if (before !== undefined && before.name.toUpperCase() !== pcn.name.toUpperCase()) {
            // Renamed in the 2024 workbook: a new version from its date.
            expect(after?.name, pcn.code).toBe(pcn.name);
            expect(after?.valid.from, pcn.code).toBe("2024-10-25");
            renames++;
          }
        }
        expect(renames).toBeGreaterThanOrEqual(2);
        const u01630 = (model.history(byCode("U01630") ?? "")?.versions ?? []) as Organisation[];
        expect(History.versionAt(u01630, "2024-01-01")?.name).toBe("STALYBRIDGE PCN");
        expect(History.versionAt(u01630, "2024-11-01")?.name).toBe(
          "STALYBRIDGE, DUKINFIELD & MOSSLEY PCN",
        );
        // P83620 left U49226 on 2024-07-31 and joined U49525 on 2024-08-01.
        const practice = yield* register.practice("P83620", { validAt: "2024-09-01" });
        expect(practice.pcn?.codes[0]?.value).toBe("U49525");
        const earlier = yield* register.practice("P83620", { validAt: "2024-07-01" });
        expect(earlier.pcn?.codes[0]?.value).toBe("U49226");
        const memberships = model
          .membershipsOf(byCode("P83620") ?? "")
          .flatMap((id) => model.history(id)?.versions ?? []) as Relationship[];
        expect(memberships.map((m) => m.valid)).toContainEqual({
          from: "2019-10-01",
          to: "2024-08-01",
        });
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("refuses a file whose import breaks a rule, naming the records, writing nothing", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const seq = yield* lastSeq();
      // In ODS's own succ.csv layout: R0A (open) succeeded by RWJ. The row is ours, not ODS's.
      const error = yield* Effect.flip(
        register.importFile(
          {
            kind: "ods-successors",
            name: "succ.csv",
            bytes: '"R0A","RWJ","R","20200101",""\n',
            published: "2026-01-01",
          },
          who,
        ),
      );
      expect(error._tag).toBe("ValidationFailed");
      if (error._tag === "ValidationFailed") {
        expect(error.about).toBe("change");
        expect(error.findings.map((f) => f.rule)).toContain("succession-dates");
        expect(error.message).toMatch(/import of succ\.csv is refused.*nothing was written/);
      }
      expect(yield* lastSeq()).toBe(seq);
    }).pipe(Effect.provide(registerOn(db.store))),
  );
});
