/**
 * @module Stylesheet
 * The admin stylesheet: `admin.scss` compiled with Sass against `nhsuk-frontend`. The build
 * (`pnpm build`) writes it to `dist/assets/admin.css`; when that file is missing (running
 * from source, e.g. in tests) it is compiled in memory once, which takes a few seconds.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root (the folder holding this app's package.json). */
export const packageRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "src", "assets"))) return dir;
    dir = dirname(dir);
  }
  throw new Error("@care-atlas/admin: cannot find the package root");
};

/** Where the build writes the compiled stylesheet. */
export const builtStylesheetPath = (): string => join(packageRoot(), "dist", "assets", "admin.css");

/**
 * Compiles `src/assets/admin.scss` (compressed CSS).
 *
 * @example
 * ```ts
 * const css = await compileStylesheet();
 * css.includes(".nhsuk-header"); // true
 * ```
 */
export const compileStylesheet = async (): Promise<string> => {
  const sass = await import("sass");
  const root = packageRoot();
  const result = sass.compile(join(root, "src", "assets", "admin.scss"), {
    loadPaths: [join(root, "node_modules")],
    style: "compressed",
    quietDeps: true,
  });
  return result.css;
};

let cached: Promise<string> | undefined;

/** The compiled stylesheet: the built file when present, else compiled once per process. */
export const loadStylesheet = (): Promise<string> => {
  if (cached === undefined) {
    const built = builtStylesheetPath();
    cached = existsSync(built) ? readFile(built, "utf8") : compileStylesheet();
  }
  return cached;
};
