/**
 * Opening: in memory by default, one process per PGlite data directory, a clear failure
 * for a server that is not there.
 */
import { describe, expect, it } from "vitest";
import { openStore } from "../src/openStore.js";
import { StoreLocked } from "../src/StoreError.js";
import { change, org, orgId } from "./fixtures.js";
import { backends } from "./harness.js";

describe("openStore", () => {
  it("commits on PGlite once the WAL is written (synchronous_commit on; fsync cannot flush)", async () => {
    const store = await openStore();
    try {
      const [commit] = await store.sql.query<{ synchronous_commit: string }>(
        "show synchronous_commit",
      );
      const [sync] = await store.sql.query<{ fsync: string }>("show fsync");
      expect([commit?.synchronous_commit, sync?.fsync]).toEqual(["on", "off"]);
    } finally {
      await store.close();
    }
  });

  it("opens an empty, migrated in-memory PGlite store without options", async () => {
    const store = await openStore();
    try {
      expect(store.backend).toBe("pglite");
      expect(await store.lastSeq()).toBe(0);
      const id = orgId();
      await store.apply(change(id, null, [org(id, "2020-01-01")]));
      expect(await store.lastSeq()).toBe(1);
      // A second in-memory store is another, empty database.
      const other = await openStore();
      try {
        expect(await other.lastSeq()).toBe(0);
        expect(await other.entity(id)).toBeUndefined();
      } finally {
        await other.close();
      }
    } finally {
      await store.close();
    }
  });

  it("refuses a second open of one PGlite data directory until the first is closed", async () => {
    const pglite = backends.find((b) => b.name === "pglite");
    const db = await pglite?.create();
    if (!db) throw new Error("no pglite backend");
    try {
      const first = await db.open();
      await expect(db.open()).rejects.toBeInstanceOf(StoreLocked);
      const id = orgId();
      await first.apply(change(id, null, [org(id, "2020-01-01")]));
      await first.close();
      const second = await db.open();
      expect(await second.lastSeq()).toBe(1);
      await second.close();
    } finally {
      await db.dispose();
    }
  });

  it("fails with the driver's error when no server listens at the URL", async () => {
    await expect(
      openStore({ databaseUrl: "postgres://postgres@127.0.0.1:1/care_atlas_nowhere" }),
    ).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
