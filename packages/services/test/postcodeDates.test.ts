/**
 * Postcodes with their months of introduction and termination, on each backend: a
 * synthetic directory in ONSPD's layout (`pcds`, `dointr`, `doterm`, `oslaua`, `osward`,
 * `lsoa21`, `lat`, `long` — the postcodes, LSOAs and codes are all synthetic) imported into
 * the synthetic register. A terminated postcode answers with its termination and where it
 * was; one not yet introduced is not found; a later directory that terminates a postcode is
 * a dated change, and `asOf` reads see the one before.
 */
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { afterAll, beforeAll } from "vitest";
import { Register } from "../src/Register.js";
import type { ImportFile } from "../src/verbs/importFile.js";
import { meta } from "./fixtures.js";
import { backends, registerOn, seed, type TestDatabase } from "./harness.js";

const header = "pcd,pcd2,pcds,dointr,doterm,oslaua,osward,lsoa21,lat,long";
const row = (postcode: string, introduced: string, terminated: string, lsoa: string) =>
  `"${postcode.replace(" ", "")}","${postcode}","${postcode}","${introduced}","${terminated}","E08999001","E05999001","${lsoa}",53.400001,-2.300001`;

const directory = (name: string, published: string, rows: string[]): ImportFile => ({
  kind: "ons-postcodes",
  name,
  bytes: [header, ...rows].join("\r\n"),
  published,
  licence: "synthetic",
});

const first = directory("synthetic-onspd-2024-02.csv", "2024-02-01", [
  row("ZZ9 9ZC", "198001", "", "E01999001"),
  row("ZZ9 9ZD", "199001", "201006", "E01999003"),
  row("ZZ9 9ZE", "202401", "", "E01999001"),
  row("ZZ9 9ZF", "198001", "", "E01999888"),
]);
const second = directory("synthetic-onspd-2025-02.csv", "2025-02-01", [
  row("ZZ9 9ZC", "198001", "202411", "E01999001"),
  row("ZZ9 9ZD", "199001", "201006", "E01999003"),
  row("ZZ9 9ZE", "202401", "", "E01999001"),
]);

describe.each(backends)("postcode dates on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
  });
  afterAll(() => db.dispose());

  it.effect("imports the directory: postcodes of the register's LSOAs, with their months", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const report = yield* register.importFile(first, { actor: meta.actor });
      expect(report.layout).toEqual({ kind: "ons-postcodes", directory: "onspd" });
      expect(report.counts).toMatchObject({ created: 3, skipped: 1 });
      expect(report.examples.skipped[0]).toMatchObject({
        key: "ZZ9 9ZF",
        detail: "its LSOA E01999888 is not in the register",
      });
      expect(report.examples.created.map((item) => item.detail)).toContain(
        "LSOA E01999003, ward E05999001; introduced 1990-01, terminated 2010-06",
      );
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect("a terminated postcode answers with its termination and where it was", () =>
    Effect.gen(function* () {
      const register = yield* Register;
      const live = yield* register.postcode("ZZ9 9ZD", { validAt: "2010-05-31" });
      expect(live.status).toBe("live");
      const gone = yield* register.postcode("ZZ9 9ZD", { validAt: "2024-06-01" });
      expect(gone.status).toBe("terminated");
      expect(gone.postcode).toMatchObject({
        postcode: "ZZ9 9ZD",
        lsoaCode: "E01999003",
        introduced: "1990-01",
        terminated: "2010-06",
        point: { lat: 53.400001, lon: -2.300001 },
      });
      expect(gone.lsoa.code).toBe("E01999003");
      expect(gone.place?.name).toBeDefined();
      const [item] = yield* register.lookupPostcodes(["ZZ9 9ZD"], { validAt: "2024-06-01" });
      expect(item?.read?.status).toBe("terminated");
    }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "a postcode before its introduction is not found, and says when it was introduced",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const error = yield* Effect.flip(register.postcode("ZZ9 9ZE", { validAt: "2010-01-01" }));
        expect(error).toMatchObject({
          _tag: "NotFound",
          what: "postcode",
          message: "postcode ZZ9 9ZE was introduced in 2024-01: on 2010-01-01 it did not exist yet",
        });
        const [item] = yield* register.lookupPostcodes(["ZZ9 9ZE"], { validAt: "2010-01-01" });
        expect(item?.error?.code).toBe("not-found");
        expect((yield* register.postcode("ZZ9 9ZE", { validAt: "2024-01-01" })).status).toBe(
          "live",
        );
      }).pipe(Effect.provide(registerOn(db.store))),
  );

  it.effect(
    "a later directory terminating a postcode is a dated change; asOf sees the one before",
    () =>
      Effect.gen(function* () {
        const register = yield* Register;
        const before = yield* register.changes({ after: 0, limit: 1000 });
        // Given as a stream of chunks split anywhere: read once, hashed as it goes.
        const text = String(second.bytes);
        const chunks = [text.slice(0, 7), text.slice(7, 100), text.slice(100)];
        const dry = yield* register.importFile(second, { actor: meta.actor }, { dryRun: true });
        const report = yield* register.importFile(
          {
            ...second,
            bytes: (async function* () {
              yield* chunks;
            })(),
          },
          { actor: meta.actor },
        );
        expect(report.file.sha256).toBe(dry.file.sha256);
        expect(report.counts).toMatchObject({ created: 0, changed: 1, unchanged: 2 });
        expect(report.examples.changed[0]?.detail).toBe(
          "LSOA E01999001, ward E05999001; introduced 1980-01, terminated 2024-11 (was LSOA E01999001, ward E05999001; 1980-01–live)",
        );
        const after = yield* register.postcode("ZZ9 9ZC", { validAt: "2025-01-01" });
        expect([after.status, after.postcode.terminated]).toEqual(["terminated", "2024-11"]);
        const last = before.changes.at(-1);
        if (last === undefined) throw new Error("no changes");
        const then = yield* register.postcode("ZZ9 9ZC", {
          validAt: "2025-01-01",
          asOf: new Date(last.recordedAt),
        });
        expect([then.status, then.postcode.terminated]).toEqual(["live", null]);
      }).pipe(Effect.provide(registerOn(db.store))),
  );
});
