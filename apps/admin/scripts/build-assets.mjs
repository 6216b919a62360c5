// Builds the admin's assets into dist/assets: the stylesheet (Sass → compressed CSS) and the
// script (esbuild bundle). The app reads these at start-up; from source it builds them itself.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "assets");
mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "src", "assets", "admin.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
}).css;
writeFileSync(join(out, "admin.css"), css);

const js = await esbuild.build({
  entryPoints: [join(root, "src", "assets", "client.js")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  write: false,
  legalComments: "none",
});
writeFileSync(join(out, "admin.js"), js.outputFiles[0]?.text ?? "");
console.log(
  `assets: admin.css ${(css.length / 1024).toFixed(1)} KB, admin.js ${((js.outputFiles[0]?.text.length ?? 0) / 1024).toFixed(1)} KB`,
);
