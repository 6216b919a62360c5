/**
 * @module bundle
 * The domain package as consumers run it: `src/index.ts` bundled by esbuild into one ESM
 * file (zod external, as in `dist/index.js`) and imported natively by Node.
 *
 * Importing `src/` directly would run each module through Vitest's module runner, whose
 * export getters slow every cross-module call (Vitest warns about it); a single bundled file
 * in `node_modules/.cache` is externalised, so Node runs it as it runs the published build.
 * esbuild is resolved through tsup, which depends on it.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

interface Esbuild {
  readonly build: (options: {
    entryPoints: string[];
    outfile: string;
    bundle: boolean;
    format: "esm";
    platform: "neutral";
    target: string;
    external: string[];
    logLevel: "error";
  }) => Promise<unknown>;
}

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** Bundles the package's source and imports the bundle. */
export const importBundledDomain = async (): Promise<typeof import("../src/index.js")> => {
  const require = createRequire(`${packageDir}package.json`);
  const esbuild = createRequire(require.resolve("tsup"))("esbuild") as Esbuild;
  const outDir = `${packageDir}node_modules/.cache/care-atlas-bench`;
  mkdirSync(outDir, { recursive: true });
  // One file, rewritten on each run (each run is a fresh process with an empty module cache).
  const outfile = `${outDir}/domain.mjs`;
  await esbuild.build({
    entryPoints: [`${packageDir}src/index.ts`],
    outfile,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    external: ["zod"],
    logLevel: "error",
  });
  return import(pathToFileURL(outfile).href);
};
