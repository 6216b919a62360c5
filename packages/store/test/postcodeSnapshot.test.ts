/**
 * The postcodes' binary snapshot, on each backend: saved after the postcodes are read from
 * their rows, read back instead of the rows while the reference data stays as it was, made
 * again after a write of reference data, and passed over when it is damaged.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PostcodeRecord } from "@care-atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../src/driver/Sql.js";
import { openStoreInternal } from "../src/openStore.js";
import { PostcodeTable } from "../src/PostcodeTable.js";
import type { Store } from "../src/Store.js";
import { backends, type TestDatabase } from "./harness.js";

const postcode = (code: string, terminated: string | null = null): PostcodeRecord => ({
  postcode: code,
  lsoaCode: "E01999001",
  introduced: "1980-01",
  terminated: terminated as PostcodeRecord["terminated"],
  point: { lat: 53.4, lon: -2.3 },
});

const write = (postcodes: PostcodeRecord[]) => ({
  actor: "test",
  reason: "synthetic import",
  operation: "import",
  reference: { postcodes },
  entities: [],
});

describe.each(backends)("postcode snapshot on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let sql: Sql;

  // On a server, rows of postcode_snapshot; on PGlite, a file in its data directory.
  const dirOf = () => ("dataDir" in db.options ? db.options.dataDir : undefined);
  const saved = async () => {
    const dataDir = dirOf();
    if (dataDir !== undefined) {
      return readdirSync(dataDir)
        .filter((name) => /^care_atlas_postcodes\.\d+\.bin$/.test(name))
        .map((name) => [
          Number(name.split(".")[1]),
          PostcodeTable.fromBytes(readFileSync(join(dataDir, name))).size,
        ]);
    }
    return (
      await sql.query<{ ref_seq: unknown; postcodes: unknown }>(
        "select ref_seq, postcodes from postcode_snapshot order by ref_seq, part",
      )
    ).map((row) => [Number(row.ref_seq), Number(row.postcodes)]);
  };
  /** Damages the saved snapshot: its count (a server) or its bytes. */
  const damage = async (how: "count" | "bytes") => {
    const dataDir = dirOf();
    if (dataDir !== undefined) {
      for (const name of readdirSync(dataDir).filter((n) =>
        n.startsWith("care_atlas_postcodes."),
      )) {
        const path = join(dataDir, name);
        const bytes = readFileSync(path);
        writeFileSync(
          path,
          how === "count" ? bytes.subarray(0, bytes.byteLength - 8) : bytes.subarray(0, 2),
        );
      }
      return;
    }
    await sql.query(
      how === "count"
        ? "update postcode_snapshot set postcodes = 99"
        : "update postcode_snapshot set bytes = '\\x0102'::bytea",
    );
  };

  beforeAll(async () => {
    db = await backend.create();
    ({ store, sql } = await openStoreInternal({ ...db.options, postcodeSnapshotMin: 2 }));
  });

  afterAll(async () => {
    await store?.close();
    await db?.dispose();
  });

  it("is saved once the postcodes are read from their rows, and read back in their place", async () => {
    await store.apply(write([postcode("ZZ9 9ZA"), postcode("ZZ9 9ZB")]));
    const refSeq = await store.lastReferenceSeq();
    expect(await saved()).toEqual([]);
    const first = await store.referenceAt();
    expect(await saved()).toEqual([[refSeq, 2]]);
    // The rows are no longer what answers: the snapshot is.
    const second = await store.referenceAt();
    expect([...second.postcodes]).toEqual([...first.postcodes]);
    expect(second.postcodes.get("ZZ9 9ZB")).toEqual(postcode("ZZ9 9ZB"));
  });

  it("is made again after a write of postcodes, replacing the older one", async () => {
    await store.apply(write([postcode("ZZ9 9ZB", "2024-01"), postcode("ZZ9 9ZC")]));
    const refSeq = await store.lastReferenceSeq();
    const now = await store.referenceAt();
    expect([...now.postcodes].map((p) => [p.postcode, p.terminated])).toEqual([
      ["ZZ9 9ZA", null],
      ["ZZ9 9ZB", "2024-01"],
      ["ZZ9 9ZC", null],
    ]);
    expect(await saved()).toEqual([[refSeq, 3]]);
    // An earlier state is read from the rows, and saves nothing.
    const then = await store.referenceAt(refSeq - 1);
    expect([...then.postcodes].map((p) => p.terminated)).toEqual([null, null]);
    expect(await saved()).toEqual([[refSeq, 3]]);
  });

  it("after this process's write, comes from memory as another process reads the rows", async () => {
    await store.apply(write([postcode("ZZ9 9ZA", "2025-01"), postcode("ZZ9 9ZD")]));
    const mine = [...(await store.referenceAt()).postcodes];
    await store.close();
    ({ store, sql } = await openStoreInternal({ ...db.options, postcodeSnapshotMin: 1_000 }));
    const fresh = await store.referenceAt();
    expect([...fresh.postcodes]).toEqual(mine);
    expect(mine.map((p) => [p.postcode, p.terminated])).toEqual([
      ["ZZ9 9ZA", "2025-01"],
      ["ZZ9 9ZB", "2024-01"],
      ["ZZ9 9ZC", null],
      ["ZZ9 9ZD", null],
    ]);
  });

  it("is passed over when damaged: the rows answer", async () => {
    await store.close();
    ({ store, sql } = await openStoreInternal({ ...db.options, postcodeSnapshotMin: 1_000 }));
    await damage("count");
    const now = await store.referenceAt();
    expect(now.postcodes.size).toBe(4);
    await store.close();
    ({ store, sql } = await openStoreInternal({ ...db.options, postcodeSnapshotMin: 1_000 }));
    await damage("bytes");
    expect((await store.referenceAt()).postcodes.get("ZZ9 9ZC")).toEqual(postcode("ZZ9 9ZC"));
  });

  it("is saved again when it does not read back (an image of another version, say)", async () => {
    await store.close();
    ({ store, sql } = await openStoreInternal({ ...db.options, postcodeSnapshotMin: 2 }));
    await damage("bytes");
    const refSeq = await store.lastReferenceSeq();
    expect((await store.referenceAt()).postcodes.size).toBe(4);
    // Replaced, not kept: the next start reads the snapshot, not the rows.
    expect(await saved()).toEqual([[refSeq, 4]]);
  });
});
