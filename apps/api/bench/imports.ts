/**
 * `pnpm --filter @care-atlas/api bench:imports`: how long an import takes and how much
 * memory it needs, through the services' `importFile` (what the CLI, `POST /v1/imports` and
 * the admin page run), on each backend — PGlite, and a PostgreSQL server when
 * CARE_ATLAS_TEST_DATABASE_URL is set (a database of its own per run, dropped afterwards).
 * Files: NHS England's all-England ePCN workbook (October 2024) and successor table
 * (September 2022), and a generated ONSPD-layout file of 1,000,000 rows — synthetic
 * postcodes (areas Z and ZZ, which no real postcode uses) over real GM LSOA codes and their
 * districts and centroids, written to a temporary file named `synthetic_onspd_…` and
 * never committed. Each measurement (a dry run, or an apply) runs in a process of its
 * own, so its peak RSS is its own: the register is prepared first (the GM dataset, or an
 * empty register with the files the import builds on), then the import is timed.
 * The Hono hello-world baseline and the load average are measured in the same run.
 * Writes docs/imports-performance.md.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { loadLsoaAssignments, loadPostcodes, loadSnapshot } from "@care-atlas/data";
import { emptySnapshot } from "@care-atlas/domain";
import { type ImportKind, Register, StoreService } from "@care-atlas/services";
import { openStore } from "@care-atlas/store";
import autocannon from "autocannon";
import { Layer, ManagedRuntime } from "effect";
import { findRepoRoot, testDatabaseUrl } from "../src/env.js";
import { freshDatabase } from "../test/support/databases.js";
import { serverEnvOf, serverFlagsOf } from "./support.js";

const here = new URL(".", import.meta.url).pathname;
const serverFlags = serverFlagsOf(here);
const serverEnv = serverEnvOf(here);
const root = findRepoRoot(here);
const raw = join(root, "packages", "data", "raw");

interface ImportSpec {
  readonly kind: ImportKind;
  readonly path: string;
  readonly name: string;
  readonly published: string;
}

const file = (kind: ImportKind, folder: string, name: string, published: string): ImportSpec => ({
  kind,
  path: join(raw, folder, name),
  name,
  published,
});

const prerequisites = {
  etr: file("ods-etr", "nhs_organisations", "gm_nhs_trusts_ods_etr.csv", "2025-12-01"),
  eccg: file(
    "ods-eccg",
    "nhs_organisations",
    "gm_ccgs_sub_icb_locations_ods_eccg.csv",
    "2025-12-01",
  ),
  epraccur: file(
    "ods-epraccur",
    "gp_practices",
    "gm_gp_practices_ods_epraccur_2025.csv",
    "2025-11-01",
  ),
};

/** One measurement, run in its own process. */
interface Run {
  readonly label: string;
  readonly backend: "pglite" | "postgres";
  /** `gm`: the GM dataset; `fresh`: an empty register with the files the import builds on. */
  readonly register: "gm" | "fresh";
  readonly before: ReadonlyArray<ImportSpec>;
  readonly file: ImportSpec;
  readonly dryRun: boolean;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
}

/** What a run measured. */
interface Measured {
  readonly setupMs: number;
  readonly ms: number;
  readonly rssBeforeMb: number;
  /** The highest RSS sampled (every 20 ms) while the import ran. */
  readonly peakRssMb: number;
  /** The process's maximum RSS over its whole life (opening the database included). */
  readonly maxRssMb: number;
  readonly rows: number;
  readonly counts: Record<string, number>;
  readonly changes: number;
  readonly reference: Record<string, number>;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The child: prepares the register, then times the import. */
const child = async (run: Run): Promise<void> => {
  const store = await openStore(
    run.databaseUrl === undefined
      ? { dataDir: run.dataDir ?? "" }
      : { databaseUrl: run.databaseUrl },
  );
  const runtime = ManagedRuntime.make(
    Register.layer.pipe(Layer.provide(StoreService.fromStore(store))),
  );
  try {
    const who = { actor: "bench:imports", reason: "benchmark (throwaway database)" };
    const setupStarted = performance.now();
    await runtime.runPromise(
      Register.use((register) =>
        run.register === "gm"
          ? register.importSnapshot(loadSnapshot(), who, {
              postcodes: loadPostcodes() as never,
              lsoaAssignments: loadLsoaAssignments() as never,
            })
          : register.importSnapshot(emptySnapshot(), who),
      ),
    );
    for (const before of run.before) {
      await runtime.runPromise(
        Register.use((register) =>
          register.importFile(
            {
              kind: before.kind,
              name: before.name,
              published: before.published,
              bytes: readFileSync(before.path),
            },
            who,
          ),
        ),
      );
    }
    const setupMs = performance.now() - setupStarted;
    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    let rows = 0;
    const report = await runtime.runPromise(
      Register.use((register) =>
        register.importFile(
          {
            kind: run.file.kind,
            name: run.file.name,
            published: run.file.published,
            bytes: createReadStream(run.file.path),
          },
          who,
          {
            dryRun: run.dryRun,
            onProgress: (progress) => {
              if (progress.total !== null) rows = progress.total;
            },
          },
        ),
      ),
    );
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const measured: Measured = {
      setupMs,
      ms,
      rssBeforeMb: mb(rssBefore),
      peakRssMb: mb(peak),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rows,
      counts: { ...report.counts },
      changes: report.changes,
      reference: { ...report.reference },
    };
    process.stdout.write(`${JSON.stringify(measured)}\n`);
  } finally {
    await runtime.dispose();
    await store.close();
  }
};

/** The V8 flags of `pnpm start` (apps/api package.json): the server's. */
const spawnRun = (run: Run): Promise<Measured> =>
  new Promise((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      [...serverFlags, "--expose-gc", join(here, "bench-imports.js"), "child", JSON.stringify(run)],
      { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...serverEnv } },
    );
    let out = "";
    process_.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    process_.on("error", reject);
    process_.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0)
        return reject(
          new Error(`${run.label} (${run.backend}) exited ${code}: ${out.slice(-500)}`),
        );
      resolve(JSON.parse(line) as Measured);
    });
  });

/** The 1,000,000-row synthetic ONSPD-layout file, over the GM LSOAs (their districts and centroids). */
const writeSyntheticOnspd = async (path: string, rows: number): Promise<void> => {
  const lsoas = readFileSync(join(raw, "geography", "gm_lsoa21_lookup.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .map((f) => ({ code: f[0] ?? "", district: f[5] ?? "", lat: f[7] ?? "", lon: f[8] ?? "" }));
  const letters = "ABDEFGHJLNPQRSTUWXYZ";
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text)
      ? Promise.resolve()
      : new Promise<void>((done) => out.once("drain", () => done()));
  await write("pcd,pcd2,pcds,dointr,doterm,oslaua,osward,lsoa21,lat,long\n");
  // Outward codes: Z0…Z99 and ZZ0…ZZ99, and Z0A…ZZ9J (a letter after one digit only).
  const outwards = ["ZZ", "Z"].flatMap((area) => [
    ...Array.from({ length: 100 }, (_, district) => `${area}${district}`),
    ...Array.from({ length: 10 }, (_, district) =>
      [..."ABDEFGHJ"].map((suffix) => `${area}${district}${suffix}`),
    ).flat(),
  ]);
  let n = 0;
  let batch = "";
  outer: for (const outward of outwards) {
    for (let sector = 0; sector < 10; sector++) {
      for (const a of letters) {
        for (const b of letters) {
          if (n >= rows) break outer;
          const lsoa = lsoas[n % lsoas.length];
          const terminated = n % 10 === 9 ? "202401" : "";
          const unit = `${sector}${a}${b}`;
          batch += `${outward.padEnd(4)}${unit},${outward.padEnd(5)}${unit},${outward} ${unit},198001,${terminated},${lsoa?.district},,${lsoa?.code},${lsoa?.lat},${lsoa?.lon}\n`;
          n++;
          if (n % 10_000 === 0) {
            await write(batch);
            batch = "";
          }
        }
      }
    }
  }
  await write(batch);
  await new Promise<void>((done) => out.end(() => done()));
  if (n < rows) throw new Error(`generated only ${n} synthetic postcodes`);
};

const helloBaseline = async (): Promise<number> => {
  const port = 3900 + Math.floor(Math.random() * 90);
  const hello: ChildProcess = spawn(process.execPath, [join(here, "hello.js"), String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => hello.stdout?.once("data", () => resolve()));
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/`,
    connections: 50,
    duration: 5,
  });
  hello.kill("SIGTERM");
  return Math.round(result.requests.average);
};

const seconds = (ms: number) => (ms / 1000).toFixed(1);

const main = async (): Promise<void> => {
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), "care-atlas-bench-imports-"));
  const server = testDatabaseUrl();
  try {
    const baselineBefore = await helloBaseline();
    const onspd = join(dir, "synthetic_onspd_1000000_rows.csv");
    const generated = performance.now();
    await writeSyntheticOnspd(onspd, 1_000_000);
    const generateMs = performance.now() - generated;
    const epcn = file("ods-epcn", "gp_practices", "epcn_2024-10.xlsx", "2024-10-25");
    const successors = file(
      "ods-successors",
      "nhs_organisations",
      "ods_successions_england_2022-09.csv",
      "2022-09-26",
    );
    const postcodes: ImportSpec = {
      kind: "ons-postcodes",
      path: onspd,
      name: "synthetic_onspd_1000000_rows.csv",
      published: "2025-02-01",
    };
    const scenarios: ReadonlyArray<Omit<Run, "backend" | "dryRun">> = [
      {
        label: "ePCN workbook (all England), into a register of the GM practices",
        register: "fresh",
        before: [prerequisites.eccg, prerequisites.epraccur],
        file: epcn,
      },
      {
        label: "ePCN workbook (all England), again into the GM register",
        register: "gm",
        before: [],
        file: epcn,
      },
      {
        label: "ODS successor table (all England), into a register of the GM trusts",
        register: "fresh",
        before: [prerequisites.etr],
        file: successors,
      },
      {
        label: "ODS successor table (all England), again into the GM register",
        register: "gm",
        before: [],
        file: successors,
      },
      {
        label: "synthetic ONSPD layout, 1,000,000 rows, into the GM register",
        register: "gm",
        before: [],
        file: postcodes,
      },
    ];
    const backends: ReadonlyArray<Run["backend"]> = [
      "pglite",
      ...(server === undefined ? [] : (["postgres"] as const)),
    ];
    const results: Array<{ run: Run; measured: Measured }> = [];
    let index = 0;
    for (const backend of backends) {
      for (const scenario of scenarios) {
        for (const dryRun of [true, false]) {
          index++;
          const db =
            backend === "postgres"
              ? await freshDatabase(server ?? "", `bench_imports_${index}`)
              : undefined;
          const run: Run = {
            ...scenario,
            backend,
            dryRun,
            ...(db === undefined
              ? { dataDir: join(dir, `pglite-${index}`) }
              : { databaseUrl: db.url }),
          };
          try {
            const measured = await spawnRun(run);
            results.push({ run, measured });
            console.log(
              `${backend} ${dryRun ? "dry run" : "apply"} ${scenario.label}: ${seconds(measured.ms)} s, peak RSS ${measured.peakRssMb} MB (before ${measured.rssBeforeMb} MB, process max ${measured.maxRssMb} MB), ${JSON.stringify(measured.counts)}, ${measured.changes} changes`,
            );
          } finally {
            await db?.drop();
            if (run.dataDir !== undefined) rmSync(run.dataDir, { recursive: true, force: true });
          }
        }
      }
    }
    const baselineAfter = await helloBaseline();
    const loadAfter = loadavg();
    const rows = results.map(({ run, measured }) => {
      const counts = measured.counts;
      const summary = `${counts.created} created, ${counts.changed} changed, ${counts.ended} ended, ${counts.unchanged} unchanged, ${counts.skipped} skipped`;
      return `| ${run.backend === "pglite" ? "PGlite" : "PostgreSQL 15"} | ${run.label} | ${run.dryRun ? "dry run" : "apply"} | ${measured.rows.toLocaleString("en-GB")} | ${seconds(measured.ms)} | ${measured.peakRssMb} | ${measured.rssBeforeMb} | ${measured.maxRssMb} | ${summary}; ${measured.changes} changes written |`;
    });
    const cpu = cpus()[0]?.model.trim() ?? "unknown";
    const doc = `# Import performance

Written by \`pnpm --filter @care-atlas/api bench:imports\` (\`apps/api/bench/imports.ts\`) on
${new Date().toISOString().slice(0, 10)}: each import through the services' \`importFile\` (what
\`care-atlas import\`, \`POST /v1/imports\` and the admin's import page run), each dry run and
each apply in a process of its own, after its register was prepared (the GM dataset, or an
empty register with the files the import builds on). "Time" is the import alone (reading,
planning, checking the rules and, for an apply, writing); "peak RSS" is the highest
resident set sampled every 20 ms while the import ran (the register's read model
included), "RSS before" the resident set once the register was ready, and "process max
RSS" the process's maximum over its whole life (opening the database and preparing the
register included). The processes run with the V8 flags of the server
(\`pnpm start\`).

- Machine: ${cpus().length} × ${cpu}, ${mb(totalmem()).toLocaleString("en-GB")} MB of memory, Node ${process.versions.node}; shared
  with other work while it ran.
- Load average (1, 5, 15 min): ${loadBefore.map((n) => n.toFixed(2)).join(", ")} before, ${loadAfter.map((n) => n.toFixed(2)).join(", ")} after.
- Baseline in the same run: Hono hello-world, 50 connections for 5 s, ${baselineBefore.toLocaleString("en-GB")} req/s before and
  ${baselineAfter.toLocaleString("en-GB")} req/s after.
- PostgreSQL: ${server === undefined ? "not measured (CARE_ATLAS_TEST_DATABASE_URL was not set)" : "the local server (15), a fresh database per run"}.
- The 1,000,000-row file is synthetic: generated postcodes in the areas Z and ZZ (no real
  postcode uses them; every one a well-formed postcode) over the real GM LSOA 2021 codes,
  with their districts and centroids, one in ten terminated; written to a temporary file (${seconds(generateMs)} s) and never committed.

| backend | file | mode | rows | time (s) | peak RSS (MB) | RSS before (MB) | process max RSS (MB) | what it did |
| ------- | ---- | ---- | ---: | -------: | ------------: | --------------: | -------------------: | ----------- |
${rows.join("\n")}
`;
    await writeFile(join(root, "docs", "imports-performance.md"), doc);
    console.log(`wrote ${join(root, "docs", "imports-performance.md")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (process.argv[2] === "child") {
  await child(JSON.parse(process.argv[3] ?? "{}") as Run);
} else {
  await main();
}
