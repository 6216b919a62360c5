/**
 * Faults, on a throwaway PostgreSQL cluster of the test's own (a primary and a streaming
 * standby on free ports, made with initdb and pg_basebackup, removed afterwards), with two
 * API processes reading from the standby and writing to the primary:
 *
 * - the standby stops: both keep serving, and keep converging (from the primary); /readyz
 *   says degraded; the standby returns: it is used again;
 * - the primary restarts under a load of reads and writes: no wrong answer, no failed read
 *   (reads come from the read models), 503 with Retry-After for writes during the outage
 *   only, /readyz degraded meanwhile, and writes recover within 5 s of the database
 *   returning, without restarting the API processes (recovery measured).
 *
 * Needs PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup: `pg_config --bindir`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase, waitForReplica } from "../support/databases.js";
import { makeKey } from "../support/direct.js";
import {
  createRecord,
  dataset,
  expectStatus,
  provenance,
  real,
  send,
  syntheticName,
} from "../support/http.js";
import { createCluster, type PgCluster, postgresInstalled } from "../support/pgCluster.js";
import { type ApiProcess, startApi } from "../support/processes.js";
import { describeTimes, sleep, until } from "../support/timing.js";

describe.runIf(postgresInstalled())("faults on a throwaway PostgreSQL cluster", () => {
  let cluster: PgCluster;
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
    cluster = await createCluster({ standby: true });
    db = await freshDatabase(cluster.primary.url(), "faults");
    const standby = cluster.standby;
    if (standby === undefined) throw new Error("a standby");
    const env = { DATABASE_URL: db.url, DATABASE_READ_URL: db.on(standby.url()) };
    const first = await startApi({ env });
    await waitForReplica(env.DATABASE_READ_URL, "change_log");
    apis = [first, await startApi({ env })];
    key = (await makeKey(db.url, ["write"])).key;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    cluster?.remove();
  });

  const readyz = (api: ApiProcess) =>
    send<{ status: string; checks: Record<string, string>; dataVersion: number }>(
      api.url,
      "/readyz",
    );

  it("keeps serving and converging while the standby is down, and uses it again once back", async () => {
    const [a, b] = apis;
    const standby = cluster.standby;
    if (a === undefined || b === undefined || standby === undefined) throw new Error("setup");
    const created = await createRecord(
      a.url,
      key,
      "/v1/organisations",
      organisation(syntheticName("standby")),
    );
    standby.stop("fast");
    let revision = created.revision;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const name = syntheticName(`without standby ${i}`);
      const written = expectStatus(
        await send<{ revision: number }>(a.url, `/v1/organisations/${created.id}`, {
          method: "PUT",
          key,
          headers: { "If-Match": `"${revision}"` },
          body: { data: organisation(name), reason: "synthetic: standby down" },
        }),
        200,
        "write with the standby down",
      );
      revision = written.body.revision;
      times.push(
        await until(
          async () => {
            const read = await send<{ data: { name: string } }>(
              b.url,
              `/v1/organisations/${created.id}`,
            );
            return read.status === 200 && read.body.data.name === name;
          },
          2000,
          "convergence without the standby",
          2,
        ),
      );
    }
    console.info(
      `convergence with the standby stopped (from the primary): ${describeTimes(times)}`,
    );
    expect(Math.max(...times)).toBeLessThan(1000);
    const degraded = expectStatus(await readyz(b), 200, "readyz");
    expect(degraded.body.status).toBe("degraded");
    expect(degraded.body.checks.replica).not.toBe("ok");
    expect(degraded.body.checks.database).toBe("ok");
    // Reads go on.
    expect((await send(b.url, `/v1/places/${real.place.id}`)).status).toBe(200);

    standby.start();
    await waitForReplica(db.on(standby.url()), "change_log");
    const back = await until(
      async () => (await readyz(b)).body.checks.replica === "ok",
      10_000,
      "the replica used again",
      100,
    );
    console.info(`standby back: used again after ${back.toFixed(0)} ms`);
    expect((await readyz(b)).body.status).toBe("ready");
  });

  it("survives a restart of the primary under reads and writes: reads answered, writes 503 then recovered", async () => {
    const place = dataset.places.find((p) => p.id === real.place.id);
    if (place === undefined) throw new Error("the place");
    const writers = await Promise.all(
      apis.map(async (api) => ({
        api,
        record: await createRecord(
          api.url,
          key,
          "/v1/organisations",
          organisation(syntheticName("restart")),
        ),
      })),
    );
    let stopping = false;
    const counts = { reads: 0, wrongAnswers: 0, failedReads: 0, writes: 0, writeErrors: 0 };
    const unavailable: Array<{ at: number; retryAfter: string | null }> = [];
    const otherStatuses: number[] = [];
    const writeTimes: Array<{ process: number; at: number; ok: boolean }> = [];
    const readyStates = new Set<string>();
    const lastAnswers: Array<{ process: number; status: number; body: unknown }> = [];

    const reader = async (api: ApiProcess) => {
      while (!stopping) {
        const read = await send<{ data: { name: string } }>(api.url, `/v1/places/${place.id}`);
        counts.reads += 1;
        if (read.status !== 200) counts.failedReads += 1;
        else if (read.body.data.name !== place.name) counts.wrongAnswers += 1;
      }
    };
    const writer = async (index: number) => {
      const { api, record } = writers[index] ?? {};
      if (api === undefined || record === undefined) return;
      let revision = record.revision;
      let n = 0;
      while (!stopping) {
        n += 1;
        const answer = await send<{ revision: number }>(api.url, `/v1/organisations/${record.id}`, {
          method: "PUT",
          key,
          headers: { "If-Match": `"${revision}"` },
          body: {
            data: organisation(`Synthetic restart write ${index}.${n}`),
            reason: "synthetic: under restart",
          },
        });
        counts.writes += 1;
        lastAnswers.push({ process: index, status: answer.status, body: answer.body });
        if (lastAnswers.length > 50) lastAnswers.shift();
        const at = performance.now();
        writeTimes.push({ process: index, at, ok: answer.status === 200 });
        if (answer.status === 200) revision = answer.body.revision;
        else if (answer.status === 503) {
          unavailable.push({ at, retryAfter: answer.headers.get("retry-after") });
          await sleep(100);
        } else if (answer.status === 412) {
          // A write whose answer was lost in the outage may have committed: read its revision.
          const now = await send<{ revision: number }>(api.url, `/v1/organisations/${record.id}`);
          revision = now.body.revision;
        } else {
          counts.writeErrors += 1;
          otherStatuses.push(answer.status);
        }
        await sleep(20);
      }
    };
    const watchReady = async () => {
      while (!stopping) {
        for (const api of apis) readyStates.add((await readyz(api)).body.status);
        await sleep(200);
      }
    };

    const load = Promise.all([
      ...apis.flatMap((api) => [reader(api), reader(api)]),
      ...apis.map((_, i) => writer(i)),
      watchReady(),
    ]);
    await sleep(1000);
    const down = performance.now();
    cluster.primary.stop("fast");
    await sleep(2000);
    cluster.primary.start();
    const back = performance.now();
    // Every process takes a write again.
    const recovered = await Promise.all(
      apis.map((_, index) =>
        until(
          () => writeTimes.some((w) => w.process === index && w.ok && w.at > back),
          10_000,
          `process ${index} writing again`,
          10,
        ).catch((error: unknown) => {
          stopping = true;
          throw new Error(
            `${String(error)}; last answers ${JSON.stringify(lastAnswers.slice(-6))}; process output: ${apis[index]?.output().slice(-3000)}`,
          );
        }),
      ),
    );
    const readyAgain = await Promise.all(
      apis.map((api) =>
        until(async () => (await readyz(api)).body.status === "ready", 10_000, "ready again", 20),
      ),
    );
    stopping = true;
    await load;
    // And they converge again: a write through one is served by the other within a second.
    const [a, b] = writers;
    if (a === undefined || b === undefined) throw new Error("two writers");
    const current = await send<{ revision: number }>(a.api.url, `/v1/organisations/${a.record.id}`);
    const name = syntheticName("after the restart");
    expectStatus(
      await send(a.api.url, `/v1/organisations/${a.record.id}`, {
        method: "PUT",
        key,
        headers: { "If-Match": `"${current.body.revision}"` },
        body: { data: organisation(name), reason: "synthetic: after the restart" },
      }),
      200,
      "write after the restart",
    );
    const converged = await until(
      async () =>
        (await send<{ data: { name: string } }>(b.api.url, `/v1/organisations/${a.record.id}`)).body
          .data.name === name,
      1000,
      "convergence after the restart",
      2,
    );

    console.info(
      `primary restart: ${counts.reads} reads (${counts.failedReads} failed, ${counts.wrongAnswers} wrong), ${counts.writes} writes (${unavailable.length} answered 503); after the database returned: writes again in ${recovered.map((ms) => `${ms.toFixed(0)} ms`).join(" and ")}, /readyz ready in ${readyAgain.map((ms) => `${ms.toFixed(0)} ms`).join(" and ")}, then converging in ${converged.toFixed(0)} ms`,
    );
    expect(counts.wrongAnswers).toBe(0);
    expect(counts.failedReads).toBe(0);
    expect(otherStatuses).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    // 503s only while the database was away (or before each process noticed it was back).
    for (const failure of unavailable) {
      expect(failure.at).toBeGreaterThanOrEqual(down);
      expect(failure.at).toBeLessThanOrEqual(back + Math.max(...recovered) + 50);
      expect(Number(failure.retryAfter)).toBeGreaterThan(0);
    }
    for (const ms of [...recovered, ...readyAgain]) expect(ms).toBeLessThan(5000);
    expect(readyStates.has("degraded")).toBe(true);
    for (const api of apis) {
      const ready = await readyz(api);
      expect([ready.status, ready.body.status, JSON.stringify(ready.body)]).toEqual([
        200,
        "ready",
        JSON.stringify(ready.body),
      ]);
    }
  });
});
