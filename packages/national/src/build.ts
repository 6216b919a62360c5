/**
 * @module build
 * Builds the national register: writes the derived extracts and the synthetic postcode
 * directory to the output folder, then loads an empty store through the import verbs, in
 * the order the rules need — the LSOAs, ICBs and sources (`importSnapshot`), the sub-ICB
 * locations (the eccg-layout extract), the practices (the epraccur-layout extract), the
 * PCNs and their memberships (ePCN), the successions (ODS), the LSOA lookups (commissioner
 * 2024, ward 2024), and the postcodes (the synthetic ONSPD) — timing each step.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { Source } from "@care-atlas/domain";
import { readEpcn } from "@care-atlas/imports";
import { type ImportFile, type ImportProgress, Register, StoreService } from "@care-atlas/services";
import type { Store } from "@care-atlas/store";
import { Effect, Layer } from "effect";
import { nationalSnapshot, practiceExtract, readNationalLsoas, subIcbExtract } from "./derived.js";
import { fileDates, nationalFiles } from "./files.js";
import { onspdChunks, syntheticPostcodes } from "./syntheticOnspd.js";

/** What the build reports, step by step. */
export interface BuildStep {
  readonly step: string;
  readonly seconds: number;
  readonly detail: string;
}

/** The file names of what the build writes. */
export const generatedNames = {
  subIcbs: "derived-eccg-sub-icb-locations-2024-04.csv",
  practices: "derived-epraccur-practices-epcn-2024-10.csv",
  postcodes: "synthetic-onspd-england-2025-02.csv",
} as const;

/** The data date of the synthetic directory (the month after its last termination). */
export const syntheticDirectoryDate = "2025-02-01";

/** The source the synthetic postcodes cite. */
export const syntheticSource = (sha256: string, rows: number, seed: number): Source => ({
  key: "synthetic-onspd-england",
  publisher: "Care Atlas (synthetic data for benchmarks)",
  dataset: `Synthetic postcode directory in ONSPD layout: ${generatedNames.postcodes}`,
  licence: "synthetic",
  dataDate: syntheticDirectoryDate,
  note: `Synthetic: ${rows.toLocaleString("en-GB")} generated postcodes (areas ZA–ZY, which no UK postcode uses) over the real LSOAs of England, each with the LSOA's ward, district, sub-ICB location and ICB from the ONS lookups, and generated months of introduction and termination and points (seed ${seed}). Not ONS data; never part of the published dataset.`,
  file: { name: generatedNames.postcodes, sha256 },
});

const seconds = (from: number) => Math.round((performance.now() - from) / 100) / 10;

/** Writes the derived extracts and the synthetic directory; returns their paths and steps. */
export const generate = async (
  outDir: string,
  count: number,
  seed: number,
  log: (step: BuildStep) => void,
) => {
  mkdirSync(outDir, { recursive: true });
  let started = performance.now();
  const lsoas = readNationalLsoas();
  const workbook = await readEpcn(readFileSync(nationalFiles.epcn));
  const paths = {
    subIcbs: join(outDir, generatedNames.subIcbs),
    practices: join(outDir, generatedNames.practices),
    postcodes: join(outDir, generatedNames.postcodes),
  };
  writeFileSync(paths.subIcbs, subIcbExtract(lsoas));
  writeFileSync(paths.practices, practiceExtract(workbook));
  log({
    step: "derive",
    seconds: seconds(started),
    detail: `${lsoas.length} LSOAs; sub-ICB locations and practices as ODS-layout extracts`,
  });
  started = performance.now();
  const hash = createHash("sha256");
  const out = createWriteStream(paths.postcodes);
  let rows = 0;
  const counted = (function* () {
    for (const postcode of syntheticPostcodes(lsoas, count, seed)) {
      rows++;
      yield postcode;
    }
  })();
  for (const chunk of onspdChunks(counted)) {
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  const sha256 = hash.digest("hex");
  log({
    step: "generate postcodes",
    seconds: seconds(started),
    detail: `${rows} synthetic postcodes in ONSPD layout`,
  });
  return { lsoas, paths, rows, sha256 };
};

const who = { actor: "national-build" };

/** Logs how long each phase of an import took (reading, planning, checking, writing). */
const phases = (name: string, log: (step: BuildStep) => void) => {
  let phase: string | undefined;
  let since = performance.now();
  return (progress: ImportProgress) => {
    if (progress.phase === phase) return;
    if (phase !== undefined) {
      log({ step: `${name}: ${phase}`, seconds: seconds(since), detail: `${progress.done} rows` });
    }
    phase = progress.phase;
    since = performance.now();
  };
};

/** Loads an empty store with the national register, step by step. */
export const load = async (
  store: Store,
  generated: Awaited<ReturnType<typeof generate>>,
  seed: number,
  log: (step: BuildStep) => void,
): Promise<void> => {
  if ((await store.lastSeq()) !== 0) {
    throw new Error("the database is not empty: the national register is built into an empty one");
  }
  const layer = Register.layerWith({ pollIntervalMs: 0 }).pipe(
    Layer.provide(StoreService.fromStore(store)),
  );
  const source = syntheticSource(generated.sha256, generated.rows, seed);
  const program = Effect.gen(function* () {
    const register = yield* Register;
    const step = <A, E>(name: string, effect: Effect.Effect<A, E>, detail: (a: A) => string) =>
      Effect.gen(function* () {
        const started = performance.now();
        const result = yield* effect;
        log({ step: name, seconds: seconds(started), detail: detail(result) });
        return result;
      });
    yield* step(
      "LSOAs, ICBs, sources",
      register.importSnapshot(nationalSnapshot(generated.lsoas, [source]), {
        ...who,
        reason: "national register: LSOAs and ICBs from the ONS lookups",
      }),
      (r) => `${r.created} entities created`,
    );
    const importFile = (
      name: string,
      file: Omit<ImportFile, "bytes">,
      path: string,
      options: { stream?: boolean } = {},
    ) =>
      step(
        name,
        register.importFile(
          { ...file, bytes: options.stream ? createReadStream(path) : readFileSync(path) },
          who,
          { onProgress: phases(name, log) },
        ),
        (r) =>
          `${Object.entries(r.counts)
            .filter(([, n]) => n > 0)
            .map(([action, n]) => `${n} ${action}`)
            .join(", ")}; ${r.changes} changes`,
      );
    yield* importFile(
      "sub-ICB locations",
      {
        kind: "ods-eccg",
        name: generatedNames.subIcbs,
        published: fileDates.commissionerLookup,
        sourceKey: "national-sub-icb-locations-2024",
      },
      generated.paths.subIcbs,
    );
    yield* importFile(
      "practices",
      {
        kind: "ods-epraccur",
        name: generatedNames.practices,
        published: fileDates.epcn,
        sourceKey: "national-practices-epcn-2024",
      },
      generated.paths.practices,
    );
    yield* importFile(
      "PCNs and memberships",
      { kind: "ods-epcn", name: "epcn_2024-10.xlsx", published: fileDates.epcn },
      nationalFiles.epcn,
    );
    yield* importFile(
      "successions",
      {
        kind: "ods-successors",
        name: "ods_successions_england_2022-09.csv",
        published: fileDates.successions,
      },
      nationalFiles.successions,
    );
    yield* importFile(
      "commissioner lookup 2024",
      {
        kind: "ons-lsoa-lookup",
        name: "lsoa21_sicbl24_icb24_england_2024-04.csv",
        published: fileDates.commissionerLookup,
      },
      nationalFiles.commissionerLookup,
    );
    yield* importFile(
      "ward lookup 2024",
      {
        kind: "ons-lsoa-lookup",
        name: "lsoa21_ward24_ltla24_england_wales_2024.csv",
        published: fileDates.wardLookup,
      },
      nationalFiles.wardLookup,
    );
    yield* importFile(
      "postcodes",
      {
        kind: "ons-postcodes",
        name: generatedNames.postcodes,
        published: syntheticDirectoryDate,
        licence: "synthetic",
        sourceKey: source.key,
      },
      generated.paths.postcodes,
      { stream: true },
    );
  });
  await Effect.runPromise(Effect.provide(program, layer));
};
