// The size of the domain package as a consumer's bundler sees it: dist/index.js bundled
// and minified by esbuild with zod external, then gzipped (level 9).
// Run after `pnpm build`: pnpm exec node bench/size.mjs
// esbuild is resolved through tsup, which depends on it.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const entry = `${packageDir}dist/index.js`;
if (!existsSync(entry)) {
  console.error(`${entry} is missing: run \`pnpm build\` in packages/domain first.`);
  process.exit(1);
}
const require = createRequire(`${packageDir}package.json`);
const esbuild = createRequire(require.resolve("tsup"))("esbuild");

const result = await esbuild.build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  external: ["zod"],
  write: false,
  logLevel: "error",
});
const minified = result.outputFiles[0]?.contents;
if (minified === undefined) throw new Error("esbuild produced no output");
const raw = readFileSync(entry);
const gzipped = gzipSync(minified, { level: 9 });
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(`dist/index.js:             ${kB(raw.length)} (${raw.length} B)`);
console.log(`minified, zod external:    ${kB(minified.length)} (${minified.length} B)`);
console.log(`minified + gzip (level 9): ${kB(gzipped.length)} (${gzipped.length} B)`);
