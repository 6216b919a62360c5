/**
 * Benchmark: an as-of read of one entity whose history has 1 row vs 1,000 rows, on PGlite
 * and (when CARE_ATLAS_TEST_DATABASE_URL is set) on the server. Target: ratio ≤ 1.5.
 *
 * Run: pnpm --filter @care-atlas/store bench
 *   (= node --import ./scripts/tsResolve.mjs bench/asOfRead.ts)
 *
 * The register also holds 2,000 other entities (3 recorded rows each), so the table is
 * not trivially small. Each read is `store.historyAsOf(seq, { id })` — SQL, transfer and
 * zod re-parse — at the latest seq and at a seq in the middle of the long history.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Organisation } from "@care-atlas/domain";
import postgres from "postgres";
import type { Sql } from "../src/driver/Sql.js";
import { openStoreInternal } from "../src/openStore.js";
import type { ChangeInput, Store } from "../src/Store.js";
import { env } from "../test/env.js";

const versionOf = (id: string, name: string, from = "2015-04-01"): Organisation => ({
  id,
  kind: "gp-practice",
  name,
  codes: [],
  roles: [],
  valid: { from, to: null },
  provenance: { sources: ["synthetic"] },
});

const write = (entities: ChangeInput["entities"]): ChangeInput => ({
  actor: "bench",
  reason: "synthetic benchmark data",
  operation: "update",
  entities,
});

const historyLength = 1_000;
const others = 2_000;
const iterations = 2_000;

interface Figures {
  readonly median: number;
  readonly mean: number;
  readonly p99: number;
}

/**
 * Times every case in turn, round-robin, so that load from other processes on a shared
 * machine falls on all cases alike; returns each case's figures in µs.
 */
const measure = async (
  cases: Record<string, () => Promise<unknown>>,
): Promise<Record<string, Figures>> => {
  const entries = Object.entries(cases);
  const times = new Map<string, number[]>(entries.map(([label]) => [label, []]));
  for (let i = 0; i < 200; i++) for (const [, read] of entries) await read(); // warm up
  for (let i = 0; i < iterations; i++) {
    for (const [label, read] of entries) {
      const start = process.hrtime.bigint();
      await read();
      times.get(label)?.push(Number(process.hrtime.bigint() - start) / 1_000);
    }
  }
  return Object.fromEntries(
    [...times].map(([label, list]) => {
      list.sort((a, b) => a - b);
      const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
      return [
        label,
        { median: at(0.5), mean: list.reduce((a, b) => a + b, 0) / list.length, p99: at(0.99) },
      ];
    }),
  );
};

const populate = async (store: Store) => {
  const short = "org_benchshort01";
  const long = "org_benchlong001";
  // Background: other entities, each with three recorded rows (create, two updates).
  const ids = Array.from(
    { length: others },
    (_, i) => `org_benchother${String(i).padStart(5, "0")}`,
  );
  for (const [revision, name] of [
    [null, "Synthetic Other A"],
    [1, "Synthetic Other B"],
    [2, "Synthetic Other C"],
  ] as const) {
    await store.apply(
      write(
        ids.map((id) => ({
          kind: "organisation",
          id,
          expectedRevision: revision,
          versions: [versionOf(id, name)],
        })),
      ),
    );
  }
  await store.apply(
    write([
      {
        kind: "organisation",
        id: short,
        expectedRevision: null,
        versions: [versionOf(short, "Synthetic Short")],
      },
    ]),
  );
  // The long history: 1,000 writes, each superseding the one current row with a new one.
  let middle = 0;
  for (let i = 0; i < historyLength; i++) {
    const [change] = await store.apply(
      write([
        {
          kind: "organisation",
          id: long,
          expectedRevision: i === 0 ? null : i,
          versions: [versionOf(long, `Synthetic Long ${i}`)],
        },
      ]),
    );
    if (i === historyLength / 2) middle = change?.seq ?? 0;
  }
  return { short, long, middle };
};

const explain = async (sql: Sql, id: string, seq: number) => {
  const rows = await sql.query<Record<string, string>>(
    `explain (analyze, costs off, timing off, summary off) select entity_id, kind, data from entity_version
      where recorded @> $1::bigint and entity_id = $2::text order by entity_id collate "C", lower(valid)`,
    [seq, id],
  );
  return rows.map((row) => Object.values(row)[0]).join("\n      ");
};

const run = async (name: string, options: { dataDir?: string; databaseUrl?: string }) => {
  const { store, sql } = await openStoreInternal(options);
  try {
    const started = Date.now();
    const { short, long, middle } = await populate(store);
    const seq = await store.lastSeq();
    console.log(
      `\n${name}: populated ${seq} changes in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const rows = (await store.recordedVersions(long)).length;
    if (rows !== historyLength) throw new Error(`expected ${historyLength} rows, got ${rows}`);
    await sql.query("analyze");

    await measureAll(
      store,
      sql,
      { short, long, middle, seq },
      "as written (the store's own vacuum policy)",
    );
    await store.vacuum();
    await measureAll(store, sql, { short, long, middle, seq }, "right after VACUUM");
  } finally {
    await store.close();
  }
};

const measureAll = async (
  store: Store,
  sql: Sql,
  { short, long, middle, seq }: { short: string; long: string; middle: number; seq: number },
  title: string,
) => {
  {
    console.log(`  ${title}`);
    const cases = {
      "1 row, latest seq": () => store.historyAsOf(seq, { id: short }),
      "1,000 rows, latest seq": () => store.historyAsOf(seq, { id: long }),
      "1,000 rows, mid-history seq": () => store.historyAsOf(middle, { id: long }),
    };
    for (const [label, read] of Object.entries(cases)) {
      const answer = await read();
      if (!Array.isArray(answer) || answer.length !== 1) throw new Error(`${label}: ${answer}`);
    }
    const results = await measure(cases);
    const base = results["1 row, latest seq"]?.median ?? 1;
    for (const [label, f] of Object.entries(results)) {
      console.log(
        `    ${label.padEnd(28)} median ${f.median.toFixed(0).padStart(6)} µs  mean ${f.mean
          .toFixed(0)
          .padStart(
            6,
          )} µs  p99 ${f.p99.toFixed(0).padStart(6)} µs  ratio ${(f.median / base).toFixed(2)}`,
      );
    }
    console.log(`    plan (1,000 rows, mid-history):\n      ${await explain(sql, long, middle)}`);
  }
};

const root = mkdtempSync(join(tmpdir(), "care-atlas-bench-"));
try {
  await run("PGlite (data directory)", { dataDir: join(root, "pgdata") });
} finally {
  rmSync(root, { recursive: true, force: true });
}

if (env.CARE_ATLAS_TEST_DATABASE_URL) {
  const admin = postgres(env.CARE_ATLAS_TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `care_atlas_bench_${Date.now()}`;
  await admin.unsafe(`create database ${name}`);
  try {
    const url = new URL(env.CARE_ATLAS_TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    await run("PostgreSQL server", { databaseUrl: url.toString() });
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log("\n(set CARE_ATLAS_TEST_DATABASE_URL to benchmark the server too)");
}
