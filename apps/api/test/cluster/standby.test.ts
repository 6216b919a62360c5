/**
 * Replicas on a real hot standby: two API processes whose read models are built and
 * refreshed from a streaming standby of the PostgreSQL server (`DATABASE_READ_URL`), with
 * writes going to the primary. A change made through either is served by the other within
 * a second (convergence measured: p50, p99, max); a read with `Min-Data-Version` (the
 * version a write answered) always gets that version or later, never an older answer.
 * Needs CARE_ATLAS_TEST_DATABASE_URL and CARE_ATLAS_TEST_STANDBY_URL (a standby of that
 * server, as `.ci/run` starts with tooling/scripts/ensure-standby.sh).
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl, testStandbyUrl } from "../../src/env.js";
import { type FreshDatabase, freshDatabase, waitForReplica } from "../support/databases.js";
import { makeKey } from "../support/direct.js";
import {
  createRecord,
  expectStatus,
  provenance,
  real,
  send,
  syntheticName,
} from "../support/http.js";
import { type ApiProcess, startApi } from "../support/processes.js";
import { describeTimes, percentile, until } from "../support/timing.js";

const primaryServer = testDatabaseUrl();
const standbyServer = testStandbyUrl();

describe.runIf(primaryServer !== undefined && standbyServer !== undefined)(
  "two API processes reading from a hot standby",
  () => {
    let db: FreshDatabase;
    let apis: ApiProcess[] = [];
    let key = "";
    const organisation = (name: string) => ({
      kind: "vcfse",
      name,
      codes: [],
      roles: [],
      placeId: real.place.id,
      valid: { from: "2024-04-01", to: null },
      provenance,
    });

    beforeAll(async () => {
      db = await freshDatabase(primaryServer ?? "", "standby");
      const env = { DATABASE_URL: db.url, DATABASE_READ_URL: db.on(standbyServer ?? "") };
      const first = await startApi({ env });
      await waitForReplica(env.DATABASE_READ_URL, "change_log");
      apis = [first, await startApi({ env })];
      key = (await makeKey(db.url, ["write"])).key;
    }, 180_000);

    afterAll(async () => {
      await Promise.all(apis.map((api) => api.stop()));
      await db?.drop();
    });

    it("builds and refreshes the read models from the standby", async () => {
      for (const api of apis) {
        const ready = expectStatus(
          await send<{ status: string; checks: Record<string, string> }>(api.url, "/readyz"),
          200,
          "readyz",
        );
        expect(ready.body.status).toBe("ready");
        expect(ready.body.checks.replica).toBe("ok");
      }
      const standby = postgres(db.on(standbyServer ?? ""), { max: 1, onnotice: () => {} });
      try {
        const [row] = await standby.unsafe<{ recovery: boolean; sessions: string }[]>(
          `select pg_is_in_recovery() as recovery, count(*)::text as sessions from pg_stat_activity
            where datname = current_database() and application_name = 'care-atlas-replica'`,
        );
        expect(row?.recovery).toBe(true);
        expect(Number(row?.sessions)).toBeGreaterThanOrEqual(1);
      } finally {
        await standby.end();
      }
    });

    it("serves a change made through either process from the other within a second", async () => {
      const [a, b] = apis;
      if (a === undefined || b === undefined) throw new Error("two processes");
      const created = await createRecord(
        a.url,
        key,
        "/v1/organisations",
        organisation(syntheticName("convergent")),
      );
      let revision = created.revision;
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
        const name = syntheticName(`convergent ${i}`);
        const written = expectStatus(
          await send<{ revision: number }>(writer.url, `/v1/organisations/${created.id}`, {
            method: "PUT",
            key,
            headers: { "If-Match": `"${revision}"` },
            body: { data: organisation(name), reason: `synthetic convergence ${i}` },
          }),
          200,
          "update",
        );
        revision = written.body.revision;
        // From the writer's answer until the other process serves it.
        times.push(
          await until(
            async () => {
              const read = await send<{ data: { name: string } }>(
                reader.url,
                `/v1/organisations/${created.id}`,
              );
              return read.status === 200 && read.body.data.name === name;
            },
            5000,
            `process ${reader.pid} serving update ${i}`,
            2,
          ),
        );
      }
      console.info(`convergence through the standby: ${describeTimes(times)}`);
      expect(percentile(times, 99)).toBeLessThan(1000);
      expect(Math.max(...times)).toBeLessThan(1000);
    });

    it("honours read-your-writes: the version a write answered, or later, never older", async () => {
      const [a, b] = apis;
      if (a === undefined || b === undefined) throw new Error("two processes");
      const created = await createRecord(
        a.url,
        key,
        "/v1/organisations",
        organisation(syntheticName("read-your-writes")),
      );
      let revision = created.revision;
      let stale = 0;
      for (let i = 0; i < 30; i++) {
        const name = syntheticName(`ryw ${i}`);
        const written = expectStatus(
          await send<{ revision: number; dataVersion: number }>(
            a.url,
            `/v1/organisations/${created.id}`,
            {
              method: "PUT",
              key,
              headers: { "If-Match": `"${revision}"` },
              body: { data: organisation(name), reason: `synthetic read-your-writes ${i}` },
            },
          ),
          200,
          "update",
        );
        revision = written.body.revision;
        // At once, on the other process, saying which version we saw.
        const read = expectStatus(
          await send<{ data: { name: string } }>(b.url, `/v1/organisations/${created.id}`, {
            headers: { "Min-Data-Version": String(written.body.dataVersion) },
          }),
          200,
          "read your write",
        );
        if (read.body.data.name !== name) stale += 1;
      }
      expect(stale).toBe(0);
      const ahead = await send<{ code: string; errors: Array<{ path: string }> }>(
        b.url,
        "/v1/places",
        { headers: { "Min-Data-Version": "999999999" } },
      );
      expect(ahead.status).toBe(400);
      expect(ahead.body.errors[0]?.path).toBe("header.min-data-version");
      const malformed = await send(b.url, "/v1/places", {
        headers: { "Min-Data-Version": "soon" },
      });
      expect(malformed.status).toBe(400);
    });
  },
);
