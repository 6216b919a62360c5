/**
 * Crash safety: a child process writes a burst of changes, printing each acknowledged seq;
 * the test SIGKILLs it mid-burst, reopens the store (the PGlite data directory after
 * crash recovery; the same server database) and checks that every acknowledged write is
 * there, the log is contiguous, and every entity's versions are consistent.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  checkSnapshot,
  type Entity,
  emptySnapshot,
  overlaps,
  type Snapshot,
} from "@care-atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChanges, type Store } from "../src/Store.js";
import { backends, type TestDatabase } from "./harness.js";

const packageRoot = fileURLToPath(new URL("../", import.meta.url));

/** Runs the burst writer until it has acknowledged `target` writes, then SIGKILLs it. */
const burstAndKill = (
  options: object,
  target: number,
): Promise<{ acked: number[]; signal: NodeJS.Signals | null; stderr: string }> =>
  new Promise((resolve, reject) => {
    // process.execPath is the Node 24 that runs this test (`pnpm exec` puts it on PATH).
    const child = spawn(
      process.execPath,
      [
        "--import",
        "./scripts/tsResolve.mjs",
        "test/fixtures/burstWriter.ts",
        JSON.stringify(options),
      ],
      { cwd: packageRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    const acked: number[] = [];
    let writes = 0;
    let buffered = "";
    let stderr = "";
    const guard = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the burst writer acknowledged only ${writes} writes in 90 s: ${stderr}`));
    }, 90_000);
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("ack ")) continue;
        acked.push(...line.slice(4).split(" ").map(Number));
        writes += 1;
        if (writes === target) child.kill("SIGKILL");
      }
    });
    child.on("exit", (_code, signal) => {
      clearTimeout(guard);
      resolve({ acked, signal, stderr });
    });
    child.on("error", reject);
  });

/** Every row of an entity on both clocks: no two overlap in valid and recorded time. */
const checkNoOverlaps = async (store: Store, id: string) => {
  const rows = await store.recordedVersions(id);
  for (const [i, a] of rows.entries()) {
    for (const b of rows.slice(i + 1)) {
      const recordedOverlap =
        (a.recordedTo === null || b.recordedFrom < a.recordedTo) &&
        (b.recordedTo === null || a.recordedFrom < b.recordedTo);
      expect(recordedOverlap && overlaps(a.data.valid, b.data.valid)).toBe(false);
    }
  }
};

const snapshotOf = (versions: Entity[]): Snapshot => ({
  ...emptySnapshot(),
  organisations: versions as Snapshot["organisations"],
  sources: [
    {
      key: "synthetic",
      publisher: "Synthetic Publisher",
      dataset: "Synthetic crash-test writes",
      licence: "OGL-UK-3.0",
      dataDate: null,
    },
  ],
});

describe.each(backends)("crash safety on $name", (backend) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await backend.create();
  });

  afterAll(async () => {
    await db?.dispose();
  });

  it("keeps every acknowledged write after the writer is SIGKILLed mid-burst", async () => {
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(24);
    let acked: number[] = [];
    // Two bursts, each killed: the second one starts on the recovered store.
    for (const target of [
      25 + Math.floor(Math.random() * 25),
      10 + Math.floor(Math.random() * 20),
    ]) {
      const run = await burstAndKill(db.options, target);
      expect(run.signal, run.stderr).toBe("SIGKILL");
      expect(run.acked.length).toBeGreaterThanOrEqual(target);
      acked = [...acked, ...run.acked];
    }

    const store = await db.open();
    try {
      const last = await store.lastSeq();
      const log = entityChanges(await store.changes(0, 100_000));
      // The log is contiguous from 1, and holds every acknowledged seq (plus, perhaps, a
      // write that committed just before the kill and was never acknowledged).
      expect(log.map((c) => c.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      expect(last).toBeGreaterThanOrEqual(Math.max(...acked));
      const logged = new Set(log.map((c) => c.seq));
      expect(acked.filter((seq) => !logged.has(seq))).toEqual([]);

      const { seq, histories } = await store.current();
      expect(seq).toBe(last);
      for (const history of histories) {
        const entries = log.filter((c) => c.id === history.id);
        // Revisions 1 … n, one log row each, and the current state is the last row's after.
        expect(entries.map((c) => c.revision)).toEqual(entries.map((_, i) => i + 1));
        expect(history.revision).toBe(entries.length);
        expect(history.versions).toEqual(entries.at(-1)?.after);
        await checkNoOverlaps(store, history.id);
        // Replaying the log reproduces every recorded state.
        for (const entry of entries) {
          expect(await store.historyAsOf(entry.seq, { id: history.id })).toEqual(entry.after);
        }
      }

      // The domain's own rule check over the recovered register: no errors.
      const findings = checkSnapshot(snapshotOf(histories.flatMap((h) => h.versions)));
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);

      // And the store still takes writes after the crash.
      const [next] = await store.apply({
        actor: "crash-test",
        reason: "after recovery",
        operation: "update",
        entities: [
          {
            kind: "organisation",
            id: "org_crash00001",
            expectedRevision: (await store.entity("org_crash00001"))?.revision ?? null,
            versions: [],
          },
        ],
      });
      expect(next?.seq).toBe(last + 1);
    } finally {
      await store.close();
    }
  });
});
