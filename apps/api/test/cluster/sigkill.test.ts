/**
 * A process SIGKILLed during a burst of writes, on both backends (the embedded database in
 * a data directory, and a database on the PostgreSQL server when
 * CARE_ATLAS_TEST_DATABASE_URL is set): four clients write as fast as they can — creates,
 * and successions (one write of several entities: the succession, the predecessor ended,
 * its relationships ended) — until the process is killed mid-burst. Started again on the
 * same database, every write that was answered 2xx is in the change log with all of its
 * parts, the log has no gap, and the register breaks no rule: nothing half written.
 *
 * On PGlite the write key comes from the CLI, sent to the running server of the data
 * directory (the embedded database is open in that process only).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../src/env.js";
import { freshDatabase } from "../support/databases.js";
import { inspect, makeKey } from "../support/direct.js";
import {
  createRecord,
  expectStatus,
  provenance,
  real,
  send,
  syntheticName,
} from "../support/http.js";
import { type ApiProcess, runCli, startApi } from "../support/processes.js";

const server = testDatabaseUrl();

interface Acked {
  readonly operation: "create" | "succession";
  /** The entities the write must have changed, all of them. */
  readonly ids: ReadonlyArray<string>;
  readonly dataVersion: number;
}

interface FeedChange {
  readonly seq: number;
  readonly id: string;
  readonly operation: string;
  readonly recordedAt: string;
}

const feed = async (base: string): Promise<FeedChange[]> => {
  const changes: FeedChange[] = [];
  let cursor = "";
  for (;;) {
    const page = expectStatus(
      await send<{ data: FeedChange[]; nextCursor: string }>(
        base,
        `/v1/changes?limit=1000${cursor === "" ? "" : `&cursor=${cursor}`}`,
      ),
      200,
      "change feed",
    );
    changes.push(...page.body.data);
    if (page.body.data.length === 0) return changes;
    cursor = page.body.nextCursor;
  }
};

const organisation = (name: string, from = "2024-04-01") => ({
  kind: "vcfse",
  name,
  codes: [],
  roles: [],
  placeId: real.place.id,
  valid: { from, to: null },
  provenance,
});

/** Writes until killed; resolves once the process is dead, with every 2xx answer. */
const burstUntilKilled = async (api: ApiProcess, key: string, killAfter: number) => {
  const acked: Acked[] = [];
  let dead = false;
  const client = async (n: number) => {
    for (let i = 0; !dead; i++) {
      try {
        if (n % 2 === 0 || i % 3 !== 0) {
          const name = syntheticName(`burst ${n}.${i}`);
          const answer = await send<{ data: Array<{ id: string }>; dataVersion: number }>(
            api.url,
            "/v1/organisations",
            { key, body: { data: organisation(name), reason: `synthetic burst ${n}.${i}` } },
          );
          if (answer.status === 201) {
            acked.push({
              operation: "create",
              ids: [answer.body.data[0]?.id ?? ""],
              dataVersion: answer.body.dataVersion,
            });
          }
        } else {
          // Several entities in one write: a predecessor ended by its succession.
          const before = await createRecord(
            api.url,
            key,
            "/v1/organisations",
            organisation(syntheticName("burst predecessor")),
          );
          const after = await createRecord(
            api.url,
            key,
            "/v1/organisations",
            organisation(syntheticName("burst successor"), "2032-04-01"),
          );
          acked.push({ operation: "create", ids: [before.id], dataVersion: before.dataVersion });
          acked.push({ operation: "create", ids: [after.id], dataVersion: after.dataVersion });
          const answer = await send<{ data: { id: string }; dataVersion: number }>(
            api.url,
            "/v1/successions",
            {
              key,
              headers: { "If-Match": `"${before.id}:${before.revision}"` },
              body: {
                kind: "rename",
                predecessorIds: [before.id],
                successorIds: [after.id],
                date: "2032-04-01",
                provenance,
                reason: `synthetic burst succession ${n}.${i}`,
              },
            },
          );
          if (answer.status === 201) {
            acked.push({
              operation: "succession",
              ids: [answer.body.data.id, before.id],
              dataVersion: answer.body.dataVersion,
            });
          }
        }
        if (acked.length >= killAfter && !dead) {
          dead = true;
          await api.kill();
        }
      } catch {
        // The connection died with the process: that write was never acknowledged.
        if (api.child.signalCode !== null) dead = true;
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(client));
  await api.exited;
  return acked;
};

const checkAgainstLog = (acked: ReadonlyArray<Acked>, log: ReadonlyArray<FeedChange>) => {
  // The log is contiguous from 1.
  expect(log.map((c) => c.seq)).toEqual(log.map((_, i) => i + 1));
  const bySeq = new Map(log.map((c) => [c.seq, c]));
  for (const write of acked) {
    const last = bySeq.get(write.dataVersion);
    expect(last, `the change at ${write.dataVersion}`).toBeDefined();
    // Every entity of the write is in the log, in the same write (one recordedAt).
    const ofWrite = log.filter((c) => c.recordedAt === last?.recordedAt);
    for (const id of write.ids) {
      expect(
        ofWrite.some((c) => c.id === id && c.operation === write.operation),
        `${write.operation} of ${id}`,
      ).toBe(true);
    }
  }
  // Every succession in the log ended its predecessor in the same write.
  const writes = new Map<string, FeedChange[]>();
  for (const change of log)
    writes.set(change.recordedAt, [...(writes.get(change.recordedAt) ?? []), change]);
  for (const changes of writes.values()) {
    if (!changes.some((c) => c.operation === "succession")) continue;
    expect(changes.some((c) => c.id.startsWith("suc_"))).toBe(true);
    expect(changes.some((c) => c.id.startsWith("org_"))).toBe(true);
  }
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("a process SIGKILLed during a burst of writes", () => {
  it("on the embedded database: every acknowledged write is there, whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "care-atlas-sigkill-"));
    dirs.push(dir);
    const env = { DATA_DIR: join(dir, "pglite") };
    const first = await startApi({ env });
    const made = await runCli(
      ["keys", "create", "--name", "Synthetic burst", "--scopes", "write"],
      {
        env,
      },
    );
    expect(made.code, made.stderr).toBe(0);
    const key = /(ca_[0-9a-z]{8}_[0-9a-z]{40})/.exec(made.stdout)?.[1] ?? "";
    const acked = await burstUntilKilled(first, key, 30 + Math.floor(Math.random() * 20));
    expect((await first.exited).signal).toBe("SIGKILL");

    const again = await startApi({ env });
    try {
      checkAgainstLog(acked, await feed(again.url));
      console.info(`SIGKILL on pglite: ${acked.length} acknowledged writes, all present`);
    } finally {
      await again.stop();
    }
    const { errors } = await inspect({ dataDir: env.DATA_DIR });
    expect(errors).toEqual([]);
  });

  it.runIf(server !== undefined)(
    "on the PostgreSQL server: every acknowledged write is there, whole",
    async () => {
      const db = await freshDatabase(server ?? "", "sigkill");
      try {
        const env = { DATABASE_URL: db.url };
        const first = await startApi({ env });
        const { key } = await makeKey(db.url, ["write"]);
        const acked = await burstUntilKilled(first, key, 30 + Math.floor(Math.random() * 20));
        expect((await first.exited).signal).toBe("SIGKILL");
        const again = await startApi({ env });
        try {
          checkAgainstLog(acked, await feed(again.url));
        } finally {
          await again.stop();
        }
        const { errors } = await inspect({ databaseUrl: db.url });
        expect(errors).toEqual([]);
        console.info(`SIGKILL on postgres: ${acked.length} acknowledged writes, all present`);
      } finally {
        await db.drop();
      }
    },
  );
});
