import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildDataset, generatedFiles } from "../src/build/dataset.js";
import { checkRawFiles, rawFromTexts, rawPaths, readRawDir } from "../src/build/raw.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const texts = readRawDir(join(packageDir, "raw"));

const listFiles = (root: string, dir = root): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? listFiles(root, path)
      : [relative(root, path).split(sep).join("/")];
  });

describe("raw/", () => {
  it("holds exactly the files the build uses", () => {
    expect(() => checkRawFiles(texts)).not.toThrow();
    expect([...texts.keys()].sort()).toEqual(Object.values(rawPaths).sort());
  });

  it("is refused when a file is missing or unused", () => {
    const extra = new Map(texts).set("geography/unused.csv", "a\n");
    expect(() => checkRawFiles(extra)).toThrow(/unused: geography\/unused\.csv/);
    const missing = new Map(texts);
    missing.delete(rawPaths.trusts);
    expect(() => checkRawFiles(missing)).toThrow(
      /missing: nhs_organisations\/gm_nhs_trusts_ods_etr\.csv/,
    );
  });
});

const first = await buildDataset(rawFromTexts(texts));

describe("buildDataset", () => {
  it("rebuilds generated/ byte-for-byte: the committed files are up to date", () => {
    const generatedDir = join(packageDir, "generated");
    const onDisk = listFiles(generatedDir).sort();
    expect(onDisk).toEqual([...generatedFiles].sort());
    for (const path of generatedFiles) {
      const committed = readFileSync(join(generatedDir, path), "utf8");
      // A plain equality check: a stale file fails here (rebuild with `pnpm --filter @care-atlas/data build`).
      expect(committed === first.files.get(path), `generated/${path} is stale`).toBe(true);
    }
  });

  it("gives the same bytes and ids when built twice", async () => {
    const second = await buildDataset(rawFromTexts(texts));
    for (const path of generatedFiles) expect(second.files.get(path)).toBe(first.files.get(path));
  });

  it("fails when a raw file contradicts another", async () => {
    const broken = new Map(texts);
    broken.set(
      rawPaths.censusLsoa,
      String(texts.get(rawPaths.censusLsoa) ?? "")
        .split("\n")
        .slice(0, -2)
        .join("\n"),
    );
    await expect(buildDataset(rawFromTexts(broken))).rejects.toThrow(/LSOA files disagree/);
  });

  it("fails when a fact is no longer in its seed", async () => {
    const broken = new Map(texts);
    broken.set(
      rawPaths.seed003,
      String(texts.get(rawPaths.seed003) ?? "").replace("23 May", "24 May"),
    );
    await expect(buildDataset(rawFromTexts(broken))).rejects.toThrow(/seed003 does not say/);
  });
});
