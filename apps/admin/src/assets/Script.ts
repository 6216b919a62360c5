/**
 * @module Script
 * The admin script: `client.js` bundled with the nhsuk-frontend components it uses
 * (esbuild, minified, tree-shaken: about a third of nhsuk-frontend's full bundle). The build
 * writes it to `dist/assets/admin.js`; when that file is missing (running from source) it is
 * bundled in memory once.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { packageRoot } from "./Stylesheet.js";

/** Where the build writes the bundled script. */
export const builtScriptPath = (): string => join(packageRoot(), "dist", "assets", "admin.js");

/**
 * Bundles `src/assets/client.js`.
 *
 * @example
 * ```ts
 * const js = await bundleScript();
 * js.includes("js-enabled"); // true
 * ```
 */
export const bundleScript = async (): Promise<string> => {
  const esbuild = await import("esbuild");
  const root = packageRoot();
  const result = await esbuild.build({
    entryPoints: [join(root, "src", "assets", "client.js")],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    write: false,
    legalComments: "none",
  });
  return result.outputFiles[0]?.text ?? "";
};

let cached: Promise<string> | undefined;

/** The script: the built file when present, else bundled once per process. */
export const loadScript = (): Promise<string> => {
  if (cached === undefined) {
    const built = builtScriptPath();
    cached = existsSync(built) ? readFile(built, "utf8") : bundleScript();
  }
  return cached;
};
