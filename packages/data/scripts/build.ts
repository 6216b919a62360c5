/**
 * Regenerates `generated/` from `raw/`: reads the raw files (never the network, never the
 * shared collection), builds the dataset and writes each generated file. Fails if any domain
 * rule reports an error. Run: `pnpm --filter @care-atlas/data generate` (or `build`).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDataset } from "../src/build/dataset.js";
import { checkRawFiles, rawFromTexts, readRawDir } from "../src/build/raw.js";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const texts = readRawDir(join(root, "raw"));
checkRawFiles(texts);
const dataset = await buildDataset(rawFromTexts(texts));

const errors = dataset.findings.filter((finding) => finding.severity === "error");
if (errors.length > 0) {
  for (const error of errors) console.error(`${error.rule}: ${error.message}`);
  throw new Error(`the dataset breaks ${errors.length} domain rules`);
}

const out = join(root, "generated");
rmSync(out, { recursive: true, force: true });
for (const [path, text] of dataset.files) {
  const target = join(out, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
const warnings = dataset.findings.length - errors.length;
console.log(
  `generated/: ${dataset.files.size} files; ${dataset.snapshot.organisations.length} organisation versions, ${dataset.snapshot.lsoas.length} LSOAs; ${warnings} rule warnings (see DATA-QUALITY.md)`,
);
