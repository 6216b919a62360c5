/**
 * The soak (`pnpm --filter @care-atlas/api soak`, also run by `pnpm bench`): two real API
 * processes (`dist/main.js`) on one PostgreSQL database for SOAK_SECONDS (default 60) after a
 * warm-up, under a bounded loopback load of mixed reads (single reads, lists, postcode lookups, bulk
 * lookups), writes through both processes, and event-stream clients of both. Reports the
 * statuses (there must be no 5xx), latencies, how long a write through one process took to
 * reach the other's event stream, events missed, and each process's RSS sampled every
 * second (flat: its least-squares trend over the measured run within 10 % of its mean), with
 * the load
 * average; writes the figures to docs/soak.md. Exits 1 when a check fails.
 *
 * Needs a PostgreSQL server: SOAK_DATABASE_URL or CARE_ATLAS_TEST_DATABASE_URL (an admin
 * connection; a fresh database is made there and dropped afterwards). Without one it says
 * so and exits 0.
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { loadPostcodes } from "@care-atlas/data";
import { findRepoRoot } from "../src/env.js";
import { freshDatabase } from "../test/support/databases.js";
import { makeKey } from "../test/support/direct.js";
import {
  createRecord,
  dataset,
  provenance,
  real,
  send,
  syntheticName,
} from "../test/support/http.js";
import { type ApiProcess, startApi } from "../test/support/processes.js";
import { percentile } from "../test/support/timing.js";

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
// Before the measured SOAK_SECONDS: a sweep of the distinct reads (which fills each read
// cache to its bound: 5,000 answers, 32 MB) and SOAK_WARMUP_SECONDS (default 40) of the load.
const warmupSeconds = Number(process.env.SOAK_WARMUP_SECONDS ?? 40);
const readers = Number(process.env.SOAK_READERS ?? 8);
const serverUrl = process.env.SOAK_DATABASE_URL ?? process.env.CARE_ATLAS_TEST_DATABASE_URL;
const root = findRepoRoot(new URL(".", import.meta.url).pathname);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tally {
  count: number;
  statuses: Map<number, number>;
  latencies: number[];
}
const tally = (): Tally => ({ count: 0, statuses: new Map(), latencies: [] });
const record = (t: Tally, status: number, ms: number) => {
  t.count += 1;
  t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
  // A sample is enough for percentiles (bounded memory).
  if (t.latencies.length < 200_000) t.latencies.push(ms);
};

const organisation = (name: string) => ({
  kind: "vcfse",
  name,
  codes: [],
  roles: [],
  placeId: real.place.id,
  valid: { from: "2024-04-01", to: null },
  provenance,
});

/**
 * An event-stream client of /v1/changes/stream from after data version `afterVersion`
 * (resuming with `Last-Event-ID` when it reconnects): counts events, notes when each arrived.
 */
const streamClient = (
  api: ApiProcess,
  afterVersion: number,
  stop: AbortSignal,
  onChange: (id: string, revision: number) => void,
) => {
  const state = { events: 0, reconnects: 0, lastCursor: "" };
  const run = async () => {
    while (!stop.aborted) {
      try {
        const response = await fetch(`${api.url}/v1/changes/stream?afterVersion=${afterVersion}`, {
          signal: stop,
          headers: {
            Accept: "text/event-stream",
            ...(state.lastCursor === "" ? {} : { "Last-Event-ID": state.lastCursor }),
          },
        });
        if (response.body === null) throw new Error("no body");
        const decoder = new TextDecoder();
        let buffered = "";
        for await (const chunk of response.body) {
          buffered += decoder.decode(chunk as Uint8Array, { stream: true });
          let end = buffered.indexOf("\n\n");
          while (end !== -1) {
            const event = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            end = buffered.indexOf("\n\n");
            const data = /^data: (.*)$/m.exec(event)?.[1];
            const id = /^id: (.*)$/m.exec(event)?.[1];
            if (data === undefined) continue;
            if (id !== undefined) state.lastCursor = id;
            const change = JSON.parse(data) as { id: string; revision: number };
            state.events += 1;
            onChange(change.id, change.revision);
          }
        }
      } catch {
        if (stop.aborted) return;
      }
      state.reconnects += 1;
      await sleep(100);
    }
  };
  return { state, done: run() };
};

const main = async (): Promise<number> => {
  if (serverUrl === undefined) {
    console.log(
      "soak: skipped (set SOAK_DATABASE_URL or CARE_ATLAS_TEST_DATABASE_URL to a PostgreSQL server)",
    );
    return 0;
  }
  const db = await freshDatabase(serverUrl, "soak");
  const apis: ApiProcess[] = [];
  const loadStart = loadavg();
  try {
    const env = {
      DATABASE_URL: db.url,
      RATE_LIMIT_ADDRESS_PER_MINUTE: "0",
      RATE_LIMIT_KEY_PER_MINUTE: "0",
    };
    apis.push(await startApi({ env }));
    apis.push(await startApi({ env }));
    const { key } = await makeKey(db.url, ["write"]);
    const postcodes = loadPostcodes().map((p) => p.postcode);
    const neighbourhoods = dataset.neighbourhoods
      .filter((n) => n.valid.to === null)
      .map((n) => n.id);
    const places = dataset.places.filter((p) => p.valid.to === null).map((p) => p.id);

    const swept = tally();
    const reads = tally();
    const writes = tally();
    const stop = new AbortController();
    // The event streams stop last, once they have had every change (or 5 s have passed).
    const streamsStop = new AbortController();
    const acked = new Map<string, number>(); // `${id}@${revision}` → when the write was answered
    const delays: number[] = [];
    // The streams start at the end of the log (after the dataset's import).
    const dataVersion = (
      await send<{ dataVersion: number }>(apis[0]?.url ?? "", "/v1/changes?limit=1")
    ).body.dataVersion;
    const clients = apis.flatMap((api, index) =>
      [0, 1].map(() =>
        streamClient(api, dataVersion, streamsStop.signal, (id, revision) => {
          // A write through the other process, arriving here.
          const at = acked.get(`${id}@${revision}@${1 - index}`);
          if (at !== undefined) delays.push(performance.now() - at);
        }),
      ),
    );

    const reader = async (n: number) => {
      for (let i = 0; !stop.signal.aborted; i++) {
        const api = apis[(n + i) % apis.length];
        if (api === undefined) return;
        const pick = <T>(list: ReadonlyArray<T>) => list[(n * 7919 + i) % list.length];
        const started = performance.now();
        let status: number;
        if (i % 50 === 49) {
          const from = (n * 7919 + i) % postcodes.length;
          status = (
            await send(api.url, "/v1/lookup/postcodes", {
              body: {
                postcodes: Array.from(
                  { length: 100 },
                  (_, k) => postcodes[(from + k) % postcodes.length] ?? "M1 1AA",
                ),
              },
            })
          ).status;
        } else {
          const path = [
            `/v1/places/${pick(places)}`,
            `/v1/neighbourhoods/${pick(neighbourhoods)}`,
            `/v1/lookup/postcode/${encodeURIComponent(pick(postcodes) ?? "M1 1AA")}`,
            `/v1/organisations?limit=50&placeId=${pick(places)}`,
          ][i % 4];
          status = (await send(api.url, path ?? "/v1/places")).status;
        }
        record(reads, status, performance.now() - started);
        await sleep(1);
      }
    };

    const writer = async (index: number) => {
      const api = apis[index];
      if (api === undefined) return;
      const made = await createRecord(
        api.url,
        key,
        "/v1/organisations",
        organisation(syntheticName(`soak ${index}`)),
      );
      let revision = made.revision;
      for (let i = 0; !stop.signal.aborted; i++) {
        const started = performance.now();
        const answer = await send<{ revision: number }>(api.url, `/v1/organisations/${made.id}`, {
          method: "PUT",
          key,
          headers: { "If-Match": `"${revision}"` },
          body: {
            data: organisation(syntheticName(`soak ${index}.${i}`)),
            reason: "synthetic soak write",
          },
        });
        record(writes, answer.status, performance.now() - started);
        if (answer.status === 200) {
          revision = answer.body.revision;
          acked.set(`${made.id}@${revision}@${index}`, performance.now());
        }
        await sleep(100);
      }
    };

    // The sweep: every distinct read once through each process.
    const sweep = [
      ...places.map((id) => `/v1/places/${id}`),
      ...neighbourhoods.map((id) => `/v1/neighbourhoods/${id}`),
      ...places.map((id) => `/v1/organisations?limit=50&placeId=${id}`),
      ...postcodes.map((postcode) => `/v1/lookup/postcode/${encodeURIComponent(postcode)}`),
    ];
    for (const api of apis) {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < sweep.length) {
            const path = sweep[next++] ?? "/v1/places";
            const started = performance.now();
            record(swept, (await send(api.url, path)).status, performance.now() - started);
          }
        }),
      );
    }

    const rss: Array<{ t: number; values: number[] }> = [];
    const sampler = (async () => {
      const started = performance.now();
      while (!stop.signal.aborted) {
        rss.push({ t: (performance.now() - started) / 1000, values: apis.map((api) => api.rss()) });
        await sleep(1000);
      }
    })();

    const started = performance.now();
    const work = Promise.all([
      ...Array.from({ length: readers }, (_, n) => reader(n)),
      ...apis.map((_, index) => writer(index)),
    ]);
    await sleep((warmupSeconds + seconds) * 1000);
    stop.abort();
    await work;
    const expected = (writes.statuses.get(200) ?? 0) + apis.length; // and each writer's create
    const drainUntil = performance.now() + 5000;
    while (
      clients.some((client) => client.state.events < expected) &&
      performance.now() < drainUntil
    ) {
      await sleep(20);
    }
    streamsStop.abort();
    await sampler;
    await Promise.all(clients.map((client) => client.done));
    const elapsed = (performance.now() - started) / 1000; // the warm-up and the measured run
    const loadEnd = loadavg();

    const fivexx = [swept, reads, writes]
      .flatMap((t) => [...t.statuses].filter(([status]) => status >= 500).map(([, n]) => n))
      .reduce((a, b) => a + b, 0);
    const after = rss.filter((sample) => sample.t >= warmupSeconds);
    // Flat: the least-squares trend of RSS over the measured run moves it by at most 10 % of
    // its mean. (Single samples swing with each major garbage collection, whose period is
    // longer than any short window: the trend is what a leak would show.)
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const processes = apis.map((_, i) => {
      const points = after.map((sample) => ({ t: sample.t, v: sample.values[i] ?? 0 }));
      const meanT = mean(points.map((p) => p.t));
      const meanV = mean(points.map((p) => p.v));
      const slope =
        points.reduce((sum, p) => sum + (p.t - meanT) * (p.v - meanV), 0) /
        Math.max(
          1e-9,
          points.reduce((sum, p) => sum + (p.t - meanT) ** 2, 0),
        );
      const span = (points.at(-1)?.t ?? 0) - (points[0]?.t ?? 0);
      return {
        meanMb: meanV / 2 ** 20,
        trendMb: (slope * span) / 2 ** 20,
        trend: meanV === 0 ? 0 : (slope * span) / meanV,
        minMb: Math.min(...points.map((p) => p.v)) / 2 ** 20,
        maxMb: Math.max(...points.map((p) => p.v)) / 2 ** 20,
      };
    });
    const writesTotal = writes.statuses.get(200) ?? 0;
    const events = clients.map((client) => client.state.events);
    const everyEvent = events.every((n) => n === expected);
    const mb = (n: number) => n.toFixed(0);
    const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);
    const statusText = (t: Tally) =>
      [...t.statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}: ${n}`)
        .join(", ");
    const flat = processes.every((p) => Math.abs(p.trend) <= 0.1);
    const lines = [
      "# Soak",
      "",
      `Measured by \`pnpm --filter @care-atlas/api soak\` (apps/api/bench/soak.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} CPU cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; two API processes (\`dist/main.js\`, as \`pnpm start\` runs it) on one PostgreSQL database loaded with the GM dataset, a sweep of every distinct read through each process (${sweep.length} reads each), then ${elapsed.toFixed(0)} s of loopback load (a ${warmupSeconds} s warm-up, then the measured ${seconds} s): ${readers} reader loops (single reads, lists, postcode lookups and, one request in 50, a bulk lookup of 100 postcodes; 1 ms between requests), one writer per process (an update every 100 ms), and two event-stream clients per process. Load average (1, 5, 15 min) at the start: ${loadStart.map((l) => l.toFixed(2)).join(", ")}; at the end: ${loadEnd.map((l) => l.toFixed(2)).join(", ")}.`,
      "",
      "| | requests | per second | p50 ms | p99 ms | statuses |",
      "|---|---:|---:|---:|---:|---|",
      `| reads | ${reads.count} | ${(reads.count / elapsed).toFixed(0)} | ${ms(reads.latencies, 50)} | ${ms(reads.latencies, 99)} | ${statusText(reads)} |`,
      `| the sweep | ${swept.count} | | ${ms(swept.latencies, 50)} | ${ms(swept.latencies, 99)} | ${statusText(swept)} |`,
      `| writes | ${writes.count} | ${(writes.count / elapsed).toFixed(1)} | ${ms(writes.latencies, 50)} | ${ms(writes.latencies, 99)} | ${statusText(writes)} |`,
      "",
      `5xx answers: ${fivexx}. A write through one process reached the other process's event stream in p50 ${ms(delays, 50)} ms, p99 ${ms(delays, 99)} ms (${delays.length} writes). Events per stream client: ${events.join(", ")} of the ${expected} changes written (${writesTotal} updates answered 200, and the two creates), reconnects: ${clients.map((c) => c.state.reconnects).join(", ")}.`,
      "",
      `RSS of each process, sampled every second over the measured ${seconds} s (after the warm-up). Flat: its least-squares trend over those ${seconds} s moves it by at most 10 % of its mean (single samples swing with each major garbage collection; min and max show how far):`,
      "",
      "| process | mean MB | trend over the run | min MB | max MB |",
      "|---|---:|---:|---:|---:|",
      ...processes.map(
        (p, i) =>
          `| ${i + 1} | ${mb(p.meanMb)} | ${p.trendMb >= 0 ? "+" : ""}${p.trendMb.toFixed(1)} MB (${(p.trend * 100).toFixed(1)} %) | ${mb(p.minMb)} | ${mb(p.maxMb)} |`,
      ),
      "",
      `RSS over the load (warm-up included), every 10 s, MB: ${apis
        .map(
          (_, i) =>
            `process ${i + 1}: ${rss
              .filter((_, k) => k % 10 === 0)
              .map((sample) => mb((sample.values[i] ?? 0) / 2 ** 20))
              .join(", ")}`,
        )
        .join("; ")}.`,
      "",
      `Checks: no 5xx — ${fivexx === 0 ? "met" : "NOT met"}; every stream client got every change — ${everyEvent ? "met" : "NOT met"}; RSS flat within 10 % after warm-up — ${flat ? "met" : "NOT met"}.`,
      "",
    ];
    const text = lines.join("\n");
    console.log(text);
    writeFileSync(join(root, "docs", "soak.md"), text);
    return fivexx === 0 && flat && everyEvent ? 0 : 1;
  } finally {
    await Promise.all(apis.map((api) => api.stop()));
    await db.drop();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
