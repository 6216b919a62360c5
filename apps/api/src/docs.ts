/**
 * @module docs
 * The API reference UI at `/docs`: Swagger UI served from the `swagger-ui-dist` npm package
 * in node_modules (no CDN), pointed at `/openapi.json`. No inline script, so the page runs
 * under a strict Content-Security-Policy.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "./context.js";

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Care Atlas API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>
`;

const init = `window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
`;

/** Content-Security-Policy of the docs pages: only this origin's scripts and styles. */
export const docsCsp =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

interface Asset {
  readonly body: Uint8Array;
  readonly type: string;
}

let assets: Map<string, Asset> | undefined;
const loadAssets = (): Map<string, Asset> => {
  if (assets !== undefined) return assets;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve("swagger-ui-dist/package.json"));
  assets = new Map<string, Asset>([
    [
      "swagger-ui-bundle.js",
      { body: readFileSync(join(dir, "swagger-ui-bundle.js")), type: "text/javascript" },
    ],
    ["swagger-ui.css", { body: readFileSync(join(dir, "swagger-ui.css")), type: "text/css" }],
    ["init.js", { body: new TextEncoder().encode(init), type: "text/javascript" }],
  ]);
  return assets;
};

/** Adds `/docs` and its assets to an app. */
export const registerDocs = (app: Hono<AppEnv>): void => {
  app.get("/docs", (c) => {
    c.header("Content-Security-Policy", docsCsp);
    c.header("Cache-Control", "no-cache");
    return c.html(html);
  });
  app.get("/docs/assets/:name", (c) => {
    const asset = loadAssets().get(c.req.param("name"));
    if (asset === undefined) return c.notFound();
    c.header("Content-Type", asset.type);
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });
};
