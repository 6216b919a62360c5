/**
 * Benchmark of the services (figures for the closing note; nothing is asserted):
 *  1. import of the Greater Manchester snapshot (`@care-atlas/data`, with its postcodes) into
 *     an empty store — PGlite in memory, and the server when CARE_ATLAS_TEST_DATABASE_URL
 *     is set — and the second, no-op import;
 *  2. building the read model from the store (start-up);
 *  3. a hot read of one entity from the read model vs the same read from the database
 *     (the as-of path: `seqAt` + `historyAsOf` of that id), and other hot reads;
 *  4. a write (updateEntity) end to end, and the rule check it runs over the whole register.
 *
 * Run: pnpm --filter @care-atlas/services bench
 */
import { loadPostcodes, loadSnapshot } from "@care-atlas/data";
import { checkSnapshot, type Organisation } from "@care-atlas/domain";
import { openStore, type Store } from "@care-atlas/store";
import { Effect, Layer, ManagedRuntime } from "effect";
import postgres from "postgres";
import { loadModel } from "../src/internal/live.js";
import { currentModelOf, Register } from "../src/Register.js";
import { StoreService } from "../src/StoreService.js";
import { env } from "../test/env.js";

const meta = { actor: "bench", reason: "benchmark" };

interface Figures {
  readonly median: number;
  readonly p99: number;
  readonly perSecond: number;
}

/** µs per call: median and p99 over `iterations` after a warm-up. */
const measure = async (iterations: number, run: () => Promise<unknown>): Promise<Figures> => {
  for (let i = 0; i < Math.min(200, iterations); i++) await run();
  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99), perSecond: iterations / total };
};

const ms = (since: number) => Math.round(performance.now() - since);
const fmt = (f: Figures) =>
  `median ${f.median.toFixed(1)} µs, p99 ${f.p99.toFixed(1)} µs, ${Math.round(f.perSecond).toLocaleString("en-GB")}/s`;

const benchBackend = async (
  name: string,
  open: () => Promise<Store>,
  dispose: () => Promise<void>,
) => {
  console.log(`\n## ${name}`);
  let t = performance.now();
  const store = await open();
  console.log(`open + migrate: ${ms(t)} ms`);
  const snapshot = loadSnapshot();
  const postcodes = loadPostcodes();
  const runtime = ManagedRuntime.make(
    Register.layerWith({ pollIntervalMs: 0 }).pipe(Layer.provide(StoreService.fromStore(store))),
  );
  const run = <A, E>(program: Effect.Effect<A, E, Register>) => runtime.runPromise(program);
  const register = await run(
    Effect.gen(function* () {
      return yield* Register;
    }),
  );

  t = performance.now();
  const first = await run(register.importSnapshot(snapshot, meta, { postcodes }));
  console.log(
    `import GM snapshot into an empty store: ${ms(t)} ms (${first.created} entities, ${first.changes} change-log rows, ${snapshot.lsoas.length} LSOAs, ${postcodes.length} postcodes)`,
  );
  t = performance.now();
  const second = await run(register.importSnapshot(snapshot, meta, { postcodes }));
  console.log(
    `import again (no-op): ${ms(t)} ms (${second.changes} changes, ${second.unchanged} unchanged)`,
  );

  for (let i = 0; i < 3; i++) {
    t = performance.now();
    await Effect.runPromise(loadModel(store));
    if (i === 2) console.log(`build the read model from the store (start-up): ${ms(t)} ms`);
  }

  // One entity with a change after the import, so that an asOf before that change cannot be
  // answered by the current model and goes to the database.
  const org = snapshot.organisations.find((o) => o.kind === "gp-practice") as Organisation;
  const beforeWrite = new Date();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const written = await run(
    register.updateEntity("organisation", org.id, { ...org, name: `${org.name} (bench)` }, 1, meta),
  );
  console.log(`first write after import: dataVersion ${written.dataVersion}`);

  const hot = await measure(20_000, () => run(register.getEntity("organisation", org.id)));
  console.log(`getEntity, current (read model): ${fmt(hot)}`);
  const asOf = await measure(2_000, () =>
    run(register.getEntity("organisation", org.id, { asOf: beforeWrite })),
  );
  console.log(`getEntity, past asOf (database: seqAt + historyAsOf): ${fmt(asOf)}`);
  console.log(`  → the read model is ${(asOf.median / hot.median).toFixed(0)}x faster (median)`);
  const raw = await measure(2_000, () => store.entity(org.id));
  console.log(`  (store.entity(id) alone, no Effect: ${fmt(raw)})`);

  const practiceCode = org.codes.find((c) => c.system === "ods")?.value ?? "";
  const postcode = postcodes[0]?.postcode ?? "";
  console.log(
    `postcode(${postcode}): ${fmt(await measure(20_000, () => run(register.postcode(postcode))))}`,
  );
  console.log(
    `practice(${practiceCode}): ${fmt(await measure(20_000, () => run(register.practice(practiceCode))))}`,
  );
  console.log(
    `listEntities(organisation, limit 100): ${fmt(await measure(5_000, () => run(register.listEntities("organisation", { limit: 100 }))))}`,
  );
  console.log(`hierarchy(): ${fmt(await measure(2_000, () => run(register.hierarchy())))}`);

  const model = currentModelOf(register);
  if (model === undefined) throw new Error("the Register has no read model");
  const rules = await measure(50, async () => checkSnapshot(model.index));
  console.log(`rule check over the whole register (index reused): ${fmt(rules)}`);
  let revision = written.revision;
  const write = await measure(50, async () => {
    const result = await run(
      register.updateEntity(
        "organisation",
        org.id,
        { ...org, name: `${org.name} (bench ${revision})` },
        revision,
        meta,
      ),
    );
    revision = result.revision;
  });
  console.log(
    `updateEntity end to end (catch-up, rules on the whole register, apply): ${fmt(write)}`,
  );

  await runtime.dispose();
  await store.close();
  await dispose();
};

const main = async () => {
  console.log("# @care-atlas/services benchmark (GM snapshot from @care-atlas/data)");
  await benchBackend(
    "PGlite (in memory)",
    () => openStore({}),
    async () => {},
  );
  const adminUrl = env.CARE_ATLAS_TEST_DATABASE_URL;
  if (adminUrl === undefined) {
    console.log("\n(server skipped: set CARE_ATLAS_TEST_DATABASE_URL)");
    return;
  }
  const name = `care_atlas_services_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await benchBackend(
      `PostgreSQL server (${url.host})`,
      () => openStore({ databaseUrl: url.toString() }),
      async () => {},
    );
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
};

await main();
