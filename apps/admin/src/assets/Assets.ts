/**
 * @module Assets
 * The static files the admin serves itself — no CDN: its stylesheet (the NHS design system
 * compiled from `nhsuk-frontend`'s Sass, see `admin.scss`), its script (the nhsuk-frontend
 * components it uses, bundled, see `client.js`), and the NHS icons. All are read once at start-up, held in memory with
 * gzip and brotli encodings, and served with content-hashed names and immutable caching.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { loadScript } from "./Script.js";
import { loadStylesheet } from "./Stylesheet.js";

/** One file, ready to serve. */
export interface Asset {
  readonly type: string;
  readonly body: Uint8Array<ArrayBuffer>;
  readonly gzip: Uint8Array<ArrayBuffer> | undefined;
  readonly br: Uint8Array<ArrayBuffer> | undefined;
  readonly etag: string;
  /** Named by content or version: cache for a year. */
  readonly immutable: boolean;
}

/** The assets by file name (under `assets/`), and the names the layout links to. */
export interface AssetBundle {
  readonly files: ReadonlyMap<string, Asset>;
  readonly stylesheet: string;
  readonly script: string;
  readonly favicon: string;
  readonly faviconSvg: string;
}

const typeOf = (file: string): string => {
  if (file.endsWith(".css")) return "text/css; charset=utf-8";
  if (file.endsWith(".js")) return "text/javascript; charset=utf-8";
  if (file.endsWith(".svg")) return "image/svg+xml";
  if (file.endsWith(".png")) return "image/png";
  if (file.endsWith(".ico")) return "image/x-icon";
  return "application/octet-stream";
};

const compressible = (type: string): boolean => !type.startsWith("image/png");

const hashOf = (body: Uint8Array): string =>
  createHash("sha256").update(body).digest("base64url").slice(0, 12);

/** A copy of bytes in a plain ArrayBuffer (what a Response body takes). */
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

const asset = (file: string, body: Uint8Array, immutable: boolean): Asset => {
  const type = typeOf(file);
  const squeeze = compressible(type) && body.byteLength > 512;
  return {
    type,
    body: own(body),
    gzip: squeeze ? own(gzipSync(body, { level: 9 })) : undefined,
    br: squeeze
      ? own(
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
            },
          }),
        )
      : undefined,
    etag: `"${hashOf(body)}"`,
    immutable,
  };
};

/** The directory of the installed nhsuk-frontend distribution. */
export const nhsukFrontendDir = (): string => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("nhsuk-frontend/package.json")), "dist", "nhsuk");
};

/**
 * Reads (or compiles) every asset once.
 *
 * @example
 * ```ts
 * const bundle = await loadAssets();
 * bundle.files.get(bundle.stylesheet)?.type; // "text/css; charset=utf-8"
 * ```
 */
export const loadAssets = async (): Promise<AssetBundle> => {
  const files = new Map<string, Asset>();
  const dir = nhsukFrontendDir();

  const [cssText, jsText] = await Promise.all([loadStylesheet(), loadScript()]);
  const css = new TextEncoder().encode(cssText);
  const stylesheet = `admin-${hashOf(css)}.css`;
  files.set(stylesheet, asset(stylesheet, css, true));

  const js = new TextEncoder().encode(jsText);
  const script = `admin-${hashOf(js)}.js`;
  files.set(script, asset(script, js, true));

  const imagesDir = join(dir, "assets", "images");
  for (const name of await readdir(imagesDir)) {
    if (!/^[a-z0-9-]+\.(svg|png|ico)$/.test(name)) continue;
    // Icons are referenced from the stylesheet by name: not content-hashed, so revalidated.
    files.set(`images/${name}`, asset(name, await readFile(join(imagesDir, name)), false));
  }

  return {
    files,
    stylesheet,
    script,
    favicon: "images/favicon.ico",
    faviconSvg: "images/favicon.svg",
  };
};
