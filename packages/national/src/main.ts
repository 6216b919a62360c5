/**
 * @module main
 * `pnpm --filter @care-atlas/national register`: builds the national register from
 * scratch — the generated files into `out/`, then an empty database loaded through the
 * import verbs: PGlite in `out/pglite` (made afresh), or the empty server database
 * DATABASE_URL names. Prints each step with its time and writes `out/build-report.json`.
 */
import { rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { openStore } from "@care-atlas/store";
import { type BuildStep, generate, load } from "./build.js";
import { loadEnv } from "./env.js";
import { defaultOutDir } from "./files.js";

const main = async () => {
  const env = loadEnv();
  const outDir = env.outDir ?? defaultOutDir;
  const dataDir = env.dataDir ?? join(outDir, "pglite");
  const steps: BuildStep[] = [];
  const log = (step: BuildStep) => {
    steps.push(step);
    process.stdout.write(`${step.step}: ${step.seconds} s (${step.detail})\n`);
  };
  const started = performance.now();
  const generated = await generate(outDir, env.postcodes, env.seed, log);
  if (env.databaseUrl === undefined) rmSync(dataDir, { recursive: true, force: true });
  const store = await openStore(
    env.databaseUrl === undefined ? { dataDir } : { databaseUrl: env.databaseUrl },
  );
  try {
    await load(store, generated, env.seed, log);
  } finally {
    await store.close();
  }
  const total = Math.round((performance.now() - started) / 100) / 10;
  const report = {
    backend: env.databaseUrl === undefined ? "pglite" : "postgres",
    ...(env.databaseUrl === undefined ? { dataDir } : {}),
    postcodes: generated.rows,
    seed: env.seed,
    steps,
    totalSeconds: total,
    loadavg: loadavg().map((n) => Math.round(n * 100) / 100),
  };
  writeFileSync(
    join(outDir, `build-report-${report.backend}.json`),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  process.stdout.write(`built in ${total} s\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
