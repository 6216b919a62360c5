/**
 * `pnpm bench:national` (and the second half of `pnpm bench`): the API serving the national
 * register (all of England's LSOAs, ICBs, sub-ICB locations, PCNs and practices, and 2.7
 * million synthetic postcodes), against a bare Hono hello-world measured in the same run,
 * with autocannon on loopback (bounded: a fixed duration per target).
 *
 * For each backend — an embedded PGlite data directory (NATIONAL_DATA_DIR, default the
 * national package's out/pglite) and, when NATIONAL_DATABASE_URL names one, a PostgreSQL
 * server database — it builds the register there first if it is not built yet (as
 * `pnpm national:build` does), reads the import time from the build's report, then: restarts the API
 * on the register (process start to the first 200 of a postcode lookup), random postcode
 * lookups across England (hits and misses 9:1, 50 connections) with the server's RSS under
 * that load, a bulk lookup of 10,000 random postcodes (one connection), and the write
 * latency of a sequenced update of one practice (one connection, one after another).
 * Prints the figures and writes them to docs/national-performance.md at the repo root.
 *
 * Options (environment): BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50),
 * BENCH_WRITES (default 40), NATIONAL_OUT_DIR (the build's output folder).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createReadStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createAuthStore } from "@care-atlas/auth";
import { openStore, type StoreOptions } from "@care-atlas/store";
import autocannon from "autocannon";
import { authClientOf } from "../src/authDatabase.js";
import { findRepoRoot } from "../src/env.js";
import {
  freePort,
  rssOf,
  serverEnvOf,
  serverFlagsOf,
  startCommandOf,
  stop,
  waitFor200,
} from "./support.js";

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const writeCount = Number(process.env.BENCH_WRITES ?? 40);
const here = new URL(".", import.meta.url).pathname;
const serverFlags = serverFlagsOf(here);
const serverEnv = serverEnvOf(here);
const startCommand = startCommandOf(here);
const root = findRepoRoot(here);
const outDir = process.env.NATIONAL_OUT_DIR ?? join(root, "packages/national/out");
const postcodeFile = join(outDir, "synthetic-onspd-england-2025-02.csv");

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

interface Result {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly peakRss: number;
}

const run = async (
  name: string,
  options: { url: string; paths?: () => string; connections?: number },
  watchPid?: number,
): Promise<Result> => {
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf(watchPid));
  }, 200);
  const next = options.paths;
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? connections,
    duration,
    ...(next === undefined
      ? {}
      : {
          requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: next() }) }],
        }),
  });
  clearInterval(sampler);
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    // A miss answers 404 (outside the coverage): those are the expected non-2xx.
    non2xx: result.non2xx,
    peakRss,
  };
};

/** The flags of `pnpm start` (apps/api package.json). */
const startAtlas = (port: number, store: StoreOptions): ChildProcess =>
  spawn(process.execPath, [...serverFlags, join(here, "main.js")], {
    env: {
      ...process.env,
      ...serverEnv,
      PORT: String(port),
      HOST: "127.0.0.1",
      ...(store.databaseUrl === undefined
        ? { DATA_DIR: store.dataDir ?? "" }
        : { DATABASE_URL: store.databaseUrl }),
      SEED: "false",
      LOG_LEVEL: "warn",
      RATE_LIMIT_ADDRESS_PER_MINUTE: "0",
      RATE_LIMIT_KEY_PER_MINUTE: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });

/** The directory's postcodes (the hits), read from the synthetic ONSPD the build wrote. */
const readPostcodes = async (): Promise<string[]> => {
  const postcodes: string[] = [];
  const lines = createInterface({ input: createReadStream(postcodeFile) });
  let column = -1;
  for await (const line of lines) {
    const fields = line.split(",");
    if (column < 0) {
      column = fields.indexOf("pcds");
      continue;
    }
    const postcode = fields[column];
    if (postcode !== undefined) postcodes.push(postcode);
  }
  return postcodes;
};

/** A seeded generator in [0, 1) (mulberry32), so every run asks the same postcodes. */
const seeded = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const letters = "ABDEFGHJLNPQRSTUWXYZ";

/** Valid postcodes of the directory's districts that it does not hold: the misses. */
const missesOf = (held: ReadonlyArray<string>, count: number, random: () => number) => {
  const set = new Set(held);
  const misses: string[] = [];
  while (misses.length < count) {
    const outward = (held[Math.floor(random() * held.length)] ?? "").split(" ")[0];
    const inward = `${Math.floor(random() * 10)}${letters[Math.floor(random() * 20)]}${letters[Math.floor(random() * 20)]}`;
    const postcode = `${outward} ${inward}`;
    if (!set.has(postcode)) misses.push(postcode);
  }
  return misses;
};

interface BackendRun {
  readonly backend: "postgres" | "pglite";
  readonly importSeconds: number | null;
  readonly buildSeconds: number | null;
  readonly restarts: number[];
  readonly readyRss: number;
  readonly lookups: Result;
  readonly bulk: {
    p50: number;
    p99: number;
    plainP50: number;
    plainP99: number;
    count: number;
    status: number;
  };
  readonly writes: { p50: number; p99: number; count: number; failed: number };
  readonly peakRss: number;
}

const buildReport = (backend: string) => {
  const path = join(outDir, `build-report-${backend}.json`);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8")) as {
    steps: Array<{ step: string; seconds: number }>;
    totalSeconds: number;
  };
};

/** POSTs JSON with node:http (no Accept-Encoding), reads the answer; its status. */
const postPlain = (url: string, body: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const bytes = Buffer.from(body);
    const req = httpRequest(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": bytes.byteLength },
      },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(bytes);
  });

/** A write key, made straight in the database (as the CLI would) before the server starts. */
const makeKey = async (store: StoreOptions): Promise<string> => {
  const opened = await openStore({ ...store, ...(store.databaseUrl ? { poolSize: 1 } : {}) });
  try {
    const { key } = await createAuthStore(authClientOf(opened)).createKey(
      { name: "Synthetic national bench key", scopes: ["read", "write"] },
      { actor: "bench:national" },
    );
    return key;
  } finally {
    await opened.close();
  }
};

const benchBackend = async (
  backend: "postgres" | "pglite",
  store: StoreOptions,
  hits: ReadonlyArray<string>,
  misses: ReadonlyArray<string>,
  random: () => number,
): Promise<BackendRun> => {
  const report = buildReport(backend);
  const key = await makeKey(store);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const probe = `${base}/v1/lookup/postcode/${encodeURIComponent(hits[0] ?? "")}`;
  const restarts: number[] = [];
  let atlas: ChildProcess | undefined;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    atlas = startAtlas(port, store);
    await waitFor200(probe, 300_000, 20);
    restarts.push(performance.now() - started);
    if (i < 2) await stop(atlas);
  }
  if (atlas === undefined) throw new Error("the API did not start");
  const readyRss = rssOf(atlas.pid);
  try {
    // Hits and misses 9:1, drawn at random across England.
    let n = 0;
    const paths = () => {
      n++;
      const postcode =
        n % 10 === 0
          ? misses[Math.floor(random() * misses.length)]
          : hits[Math.floor(random() * hits.length)];
      return `/v1/lookup/postcode/${encodeURIComponent(postcode ?? "")}`;
    };
    await run("warm-up", { url: base, paths, connections: 10 });
    const lookups = await run(
      "GET /v1/lookup/postcode/{random postcode}, hits and misses 9:1",
      { url: base, paths },
      atlas.pid,
    );
    let peakRss = lookups.peakRss;
    // Bulk: 10,000 random postcodes, one request at a time: as fetch asks (it accepts br,
    // which a client across a network would want) and with no coding (the API's own work).
    const bulkTimes: number[] = [];
    const plainTimes: number[] = [];
    let bulkStatus = 0;
    for (let i = 0; i < 24; i++) {
      const body = JSON.stringify({
        postcodes: Array.from({ length: 10_000 }, (_, k) =>
          k % 10 === 9
            ? misses[Math.floor(random() * misses.length)]
            : hits[Math.floor(random() * hits.length)],
        ),
      });
      const started = performance.now();
      if (i % 2 === 0) {
        const response = await fetch(`${base}/v1/lookup/postcodes`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        await response.arrayBuffer();
        bulkStatus = response.status;
      } else {
        bulkStatus = await postPlain(`${base}/v1/lookup/postcodes`, body);
      }
      if (i >= 4) (i % 2 === 0 ? bulkTimes : plainTimes).push(performance.now() - started);
      peakRss = Math.max(peakRss, rssOf(atlas.pid));
    }
    // Writes: a sequenced update of one practice, each from the revision the last one left.
    const list = (await (
      await fetch(`${base}/v1/organisations?kind=gp-practice&limit=1`)
    ).json()) as {
      data: Array<{ id: string }>;
    };
    const practiceId = list.data[0]?.id;
    if (practiceId === undefined) throw new Error("no practice in the register");
    const writeTimes: number[] = [];
    let failed = 0;
    for (let i = 0; i < writeCount; i++) {
      const current = await fetch(`${base}/v1/organisations/${practiceId}`);
      const held = (await current.json()) as { data: Record<string, unknown>; revision: number };
      const { id: _id, ...version } = held.data;
      const started = performance.now();
      const response = await fetch(`${base}/v1/organisations/${practiceId}`, {
        method: "PUT",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${key}`,
          "if-match": `"${held.revision}"`,
        },
        body: JSON.stringify({
          data: {
            ...version,
            name: `${String(version.name).replace(/ \(bench \d+\)$/, "")} (bench ${i})`,
            valid: { from: "2025-01-01", to: null },
          },
          reason: "synthetic national bench write",
        }),
      });
      const text = await response.text();
      if (response.status === 200) writeTimes.push(performance.now() - started);
      else {
        failed++;
        if (failed === 1) process.stderr.write(`write ${response.status}: ${text.slice(0, 400)}\n`);
      }
    }
    peakRss = Math.max(peakRss, rssOf(atlas.pid));
    return {
      backend,
      importSeconds: report?.steps.find((s) => s.step === "postcodes")?.seconds ?? null,
      buildSeconds: report?.totalSeconds ?? null,
      restarts,
      readyRss,
      lookups,
      bulk: {
        p50: percentile(bulkTimes, 50),
        p99: percentile(bulkTimes, 99),
        plainP50: percentile(plainTimes, 50),
        plainP99: percentile(plainTimes, 99),
        count: bulkTimes.length,
        status: bulkStatus,
      },
      writes: {
        p50: percentile(writeTimes, 50),
        p99: percentile(writeTimes, 99),
        count: writeTimes.length,
        failed,
      },
      peakRss,
    };
  } finally {
    await stop(atlas);
  }
};

const runBaseline = async (name: string): Promise<Result> => {
  const port = await freePort();
  const hello = spawn(process.execPath, [join(here, "hello.js"), String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor200(`http://127.0.0.1:${port}/`, 10_000, 20);
    await run("warm-up", { url: `http://127.0.0.1:${port}/`, connections: 10 });
    return await run(name, { url: `http://127.0.0.1:${port}/` });
  } finally {
    await stop(hello);
  }
};

const ms = (n: number) => `${Math.round(n)} ms`;

/** What the figures rest on, and what limits them (the same for every run). */
const notes = `
## How it is built and measured

- \`pnpm national:build\` (packages/national, its README) writes the derived extracts and
  the synthetic directory (~350 MB) into \`packages/national/out/\`, then loads an empty
  database through \`importSnapshot\` and \`importFile\` in the order the rules need; each
  step's time is in \`out/build-report-<backend>.json\`. The import figure above is the
  \`importFile\` of the postcode directory: reading the file, planning its rows, writing them
  (COPY into a temporary table, then one statement closing changed rows and one inserting
  new ones) and making the read model's postcode table and its snapshot.
- \`pnpm bench:national\` then measures each backend built, as described at the top.
- Postcodes are held as sorted columns (\`PostcodeTable\` in packages/store: 8-byte keys
  found by bisection within their outward code, typed arrays for the months introduced and
  terminated, the point in millionths of a degree and the LSOA, ward, district and source
  as indexes as narrow as their code tables: 27 bytes a postcode, 73 MB for 2.7 million; it
  was 44 bytes, 119 MB, with 32-bit indexes and double coordinates), a record made for each
  lookup. A start reads them from their binary snapshot, saved once per state of the
  reference data (on a server the table \`postcode_snapshot\`, migration 0007; on PGlite a
  file in its data directory, as PGlite's bytea costs seconds for a hundred megabytes), not
  row by row; after its own import a process merges the written rows into the table it
  holds instead of reading them back.
- Memory under load: V8 collects the old generation late, so the peak is what is live
  (~210 MB of heap once every LSOA has been asked for: its chain and its answers' template)
  plus the garbage of what ran since the last full collection. Writes made most of it: each
  write's model copied the map of every entity's history and built its indexes again on the
  next read (~7 MB a write); it now shares the histories it does not change
  (\`LayeredMap\` in the domain package) and the indexes the change leaves as they were.

## What limits these figures

- The two cores are shared with autocannon and with other work on the machine: the load
  average above says how busy it was; compare the ratios, measured in one run.
- Random lookups across England miss the API's read cache (bytes per URL) almost every
  time. They are answered on the postcode hot path (\`src/fastPostcode.ts\`), in Node's
  request listener before Hono: the services' postcode reader (the \`postcode\` verb as a
  plain function of the current model) gives the answer, whose members the LSOAs share
  (sub-ICB location, ICB, commissioner: the same objects) are serialised once and kept, so
  a request serialises only the postcode's own record, ward and status, and the ETag's
  digest (the postcode's ward is shared too: postcodes of one ward get one answer on a
  date). Its bytes and headers are the full chain's (a test compares them for every GM
  postcode). What is left per request is mostly Node's HTTP work on a ~2.3 KB answer (a
  profile under this load: two fifths of the server's CPU making answers, the rest Node's
  HTTP and the kernel's loopback), and
  for an LSOA not asked for before, working out its chain (~50 µs, once per LSOA, date
  and data version).
- Bulk lookups: the services resolve 10,000 postcodes drawn across England (~8,600
  distinct LSOAs) once each LSOA's chain is known for the data version and date; the first
  bulk after a restart works out most chains (hundreds of ms). The rest is validating each
  postcode, the JSON of the answer (5.9 MB: every distinct LSOA and organisation once, in
  \`included\`), compressing it when asked (br at quality 1 for streamed answers: ~20 ms;
  it was quality 4, ~100 ms) and sending it.
- Writes re-check the rules only where a change reaches (\`RegisterCheck\` in the domain
  package, held by the read model): the p50 no longer grows with the register; the p99 is
  the first writes after the restart, which build the check over the whole register once.

## Before the last changes (for comparison)

Earlier runs of the same build and bench, on the same machine (load 4–9): postcodes written
as JSON batches of 5,000 through \`jsonb_to_recordset\` and read back row by row after the
import: import 108–125 s on the server. The snapshot kept in PGlite's bytea: restart to the
first 200 on PGlite 27–37 s (reading 120 MB of bytea took 7.5 s, and a start without it read
2.7 million rows through PGlite in 35 s). Each LSOA's chain worked out per request: bulk
10,000 random postcodes 375–1,023 ms.
`;
const verdict = (ok: boolean) => (ok ? "met" : "**NOT met**");

/** Whether a server database already holds a national register (its postcodes loaded). */
const holdsRegister = async (databaseUrl: string): Promise<boolean> => {
  const { default: postgres } = await import("postgres");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      { held: string | null }[]
    >`select to_regclass('public.postcode_record')::text as held`;
    if (row?.held === null || row?.held === undefined) return false;
    // More than a million postcodes held: a national register, not a region's.
    const [many] = await sql<
      { held: boolean }[]
    >`select exists (select 1 from postcode_record where to_seq is null offset 1000000) as held`;
    return many?.held === true;
  } finally {
    await sql.end({ timeout: 5 });
  }
};

/**
 * Builds the national register (`pnpm national:build`'s job) into the database `env` names,
 * when the bench finds none: about 2 minutes on PGlite, 1–2 on a server (its report says).
 */
const buildRegister = (env: Record<string, string>): Promise<void> =>
  new Promise((resolve, reject) => {
    process.stdout.write(`no national register there yet: building it (${JSON.stringify(env)})\n`);
    const build = spawn("pnpm", ["--filter", "@care-atlas/national", "register"], {
      cwd: root,
      env: { ...process.env, ...env, NATIONAL_OUT_DIR: outDir },
      stdio: "inherit",
    });
    build.on("error", reject);
    build.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`the national build failed (exit ${code})`)),
    );
  });

const main = async () => {
  const started = performance.now();
  const loadBefore = loadavg();
  const backends: Array<["postgres" | "pglite", StoreOptions]> = [];
  const serverUrl = process.env.NATIONAL_DATABASE_URL;
  if (serverUrl !== undefined && serverUrl !== "") {
    if (!(await holdsRegister(serverUrl))) await buildRegister({ DATABASE_URL: serverUrl });
    backends.push(["postgres", { databaseUrl: serverUrl }]);
  }
  const dataDir = process.env.NATIONAL_DATA_DIR ?? join(outDir, "pglite");
  if (!existsSync(dataDir)) await buildRegister({ NATIONAL_DATA_DIR: dataDir });
  backends.push(["pglite", { dataDir }]);
  const hits = await readPostcodes();
  const random = seeded(20_241_025);
  const misses = missesOf(hits, 50_000, random);
  const baselineBefore = await runBaseline("Hono hello-world (before)");
  const runs: BackendRun[] = [];
  for (const [backend, store] of backends) {
    runs.push(await benchBackend(backend, store, hits, misses, random));
  }
  const baselineAfter = await runBaseline("Hono hello-world (after)");
  const baselineRps = (baselineBefore.rps + baselineAfter.rps) / 2;
  const loadAfter = loadavg();
  const loads = (l: number[]) => l.map((n) => n.toFixed(2)).join(", ");
  const targets = {
    postgres: { import: 120, restart: 10_000, rss: 600 },
    pglite: { import: 300, restart: 15_000, rss: 1024 },
  } as const;
  const pgRun = runs.find((r) => r.backend === "postgres");
  const rows = runs.map((r) => {
    const t = targets[r.backend];
    const restart = percentile(r.restarts, 50);
    const ratio = r.lookups.rps / baselineRps;
    const within =
      r.backend === "pglite" && pgRun !== undefined
        ? ` (${Math.round((r.lookups.rps / pgRun.lookups.rps) * 100)} % of the server's)`
        : "";
    return `## ${r.backend === "postgres" ? "PostgreSQL server" : "Embedded PGlite"}

| measure | figure | target | verdict |
| --- | ---: | ---: | --- |
| import of the 2.7 M postcodes (\`importFile\`, from the build's report) | ${r.importSeconds ?? "not built"} s | ≤ ${t.import} s | ${r.importSeconds === null ? "n/a" : verdict(r.importSeconds <= t.import)} |
| the whole build (generate, derive, every import) | ${r.buildSeconds ?? "?"} s | | |
| restart to the first 200 (median of ${r.restarts.map(ms).join(", ")}) | ${ms(restart)} | ≤ ${t.restart / 1000} s | ${verdict(restart <= t.restart)} |
| RSS when ready after the restart | ${Math.round(r.readyRss)} MB | | |
| server RSS peak under load (lookups, bulk, writes) | ${Math.round(r.peakRss)} MB | ≤ ${t.rss} MB | ${verdict(r.peakRss <= t.rss)} |
| random postcode lookups, hits and misses 9:1, ${connections} connections | ${Math.round(r.lookups.rps).toLocaleString("en-GB")} req/s = ${Math.round(ratio * 100)} % of the baseline${within} | ≥ 45 % | ${verdict(ratio >= 0.45)} |
| the same, p50 / p99 | ${r.lookups.p50} / ${r.lookups.p99} ms | p99 ≤ 15 ms | ${verdict(r.lookups.p99 <= 15)} |
| the same, errors / non-2xx (the misses answer 404) | ${r.lookups.errors} / ${r.lookups.non2xx} | | |
| bulk lookup of 10,000 random postcodes, one connection, as fetch asks (br; p50 / p99 of ${r.bulk.count}; status ${r.bulk.status}) | ${ms(r.bulk.p50)} / ${ms(r.bulk.p99)} | ≤ 150 ms | ${verdict(r.bulk.p50 <= 150)} |
| the same with no content coding (p50 / p99 of ${r.bulk.count}) | ${ms(r.bulk.plainP50)} / ${ms(r.bulk.plainP99)} | ≤ 150 ms | ${verdict(r.bulk.plainP50 <= 150)} |
| write: sequenced update of one practice, one connection (p50 / p99 of ${r.writes.count}, ${r.writes.failed} failed) | ${ms(r.writes.p50)} / ${ms(r.writes.p99)} | p50 ≤ 50 ms | ${verdict(r.writes.count > 0 && r.writes.p50 <= 50)} |
`;
  });
  const benchSeconds = Math.round((performance.now() - started) / 1000);
  const report = `# National performance

The register at England's size, measured by \`pnpm bench:national\` (apps/api/bench/national.ts)
on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} CPU cores (${cpus()[0]?.model ?? "unknown"}),
${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}. The register is the one
\`pnpm national:build\` builds (packages/national): the 33,755 LSOAs of England, the 42 ICBs,
106 sub-ICB locations, 6,802 practices, PCNs and their memberships, ODS's successions, the
2024 commissioner and ward lookups, and ${hits.length.toLocaleString("en-GB")} synthetic postcodes
(about 30 % terminated) in ONSPD layout. The API runs as \`pnpm start\` runs it,
restarted on the built database:
\`${startCommand}\`;
autocannon on loopback, ${duration} s per target after a warm-up, ${connections} connections; the Hono
hello-world in its own process before and after, in the same run. Load average (1, 5, 15
min) at the start: ${loads(loadBefore)}; at the end: ${loads(loadAfter)}. The bench took ${benchSeconds} s.

| baseline | req/s | p50 ms | p99 ms |
| --- | ---: | ---: | ---: |
| ${baselineBefore.name} | ${Math.round(baselineBefore.rps).toLocaleString("en-GB")} | ${baselineBefore.p50} | ${baselineBefore.p99} |
| ${baselineAfter.name} | ${Math.round(baselineAfter.rps).toLocaleString("en-GB")} | ${baselineAfter.p50} | ${baselineAfter.p99} |
| mean (what the ratios are of) | ${Math.round(baselineRps).toLocaleString("en-GB")} | | |

${rows.join("\n")}${notes}`;
  process.stdout.write(`\n${report}\n`);
  const path = join(root, "docs/national-performance.md");
  writeFileSync(path, report);
  process.stdout.write(`wrote ${path}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
