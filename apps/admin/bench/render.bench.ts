/**
 * Server render time and page weight of the admin's main pages on the Greater Manchester
 * dataset. The app runs in-process over the real services and PGlite (the GM dataset
 * imported through the services), signed in as an editor; each page is requested
 * sequentially (after a warm-up) and timed from request to the complete HTML. Page weight
 * is the HTML plus the stylesheet and scripts it loads, decoded and as transferred
 * (HTML gzip, assets brotli). Figures are written to docs/admin-performance.md; nothing is
 * asserted (targets: p50 ≤ 50 ms, ≤ 250 KB per page).
 */
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSnapshot } from "@care-atlas/data";
import { afterAll, beforeAll, it } from "vitest";
import { accounts, type Harness, password, startHarness } from "../test/harness.js";

const warmup = 5;
const runs = 60;

let harness: Harness;
let cookie = "";

const request = (path: string, headers: Record<string, string> = {}) =>
  harness.app.request(path, {
    // The sign-in page is measured as a visitor sees it (signed in, it redirects).
    headers: path.startsWith("/admin/sign-in") ? headers : { cookie, ...headers },
    redirect: "manual",
  });

beforeAll(async () => {
  harness = await startHarness({ snapshot: loadSnapshot(), onDisk: true });
  const page = await request("/admin/sign-in");
  const pre = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const signedIn = await harness.app.request("/admin/sign-in", {
    method: "POST",
    headers: { cookie: pre, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, email: accounts.editor, password }).toString(),
    redirect: "manual",
  });
  cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
});

afterAll(async () => {
  await harness?.close();
});

const quantile = (sorted: ReadonlyArray<number>, q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

it("measures render time and page weight", async () => {
  // Find real ids to visit.
  const hierarchy = await (await request("/admin/hierarchy")).text();
  const pcnNeighbourhood = /href="(\/admin\/neighbourhoods\/[^"?]+)"/.exec(hierarchy)?.[1] ?? "";
  const trafford = /href="(\/admin\/places\/[^"?]+)"[^>]*>Trafford</.exec(hierarchy)?.[1] ?? "";
  const locality =
    /href="(\/admin\/neighbourhoods\/[^"?]+)"[^>]*>Trafford locality/.exec(hierarchy)?.[1] ?? "";
  const search = await (await request("/admin/organisations?q=R0A")).text();
  const trust = /href="(\/admin\/organisations\/org_[^"?]+)/.exec(search)?.[1] ?? "";
  const trustId = trust.split("/").at(-1) ?? "";
  const commissioning = await (await request("/admin/commissioning")).text();
  const body =
    /href="(\/admin\/records\/gov_[^"?]+)/.exec(commissioning)?.[1] ?? `/admin/records/${trustId}`;

  const pages: Array<[string, string]> = [
    ["Sign-in", "/admin/sign-in"],
    ["Dashboard", "/admin/"],
    ["Hierarchy (today)", "/admin/hierarchy"],
    ["Hierarchy (1 June 2016)", "/admin/hierarchy?validAt=2016-06-01"],
    ["Map", "/admin/map"],
    ["Place (Trafford, with map)", trafford],
    ["Neighbourhood (PCN footprint)", pcnNeighbourhood],
    ["Neighbourhood (Trafford locality, with map)", locality],
    ["Organisation search ('manchester')", "/admin/organisations?q=manchester"],
    ["Organisation (R0A)", trust],
    ["Collaboratives", "/admin/collaboratives"],
    ["Commissioning", "/admin/commissioning"],
    ["Decisions", "/admin/commissioning/decisions"],
    ["Strategy", "/admin/strategy"],
    ["Findings", "/admin/findings"],
    ["Recent changes", "/admin/changes"],
    ["Record (governance body)", body],
    ["History (R0A)", `/admin/records/${trustId}/history`],
    ["Edit form (R0A)", `/admin/records/${trustId}/edit`],
  ];

  // The assets every page loads.
  const dashboard = await (await request("/admin/")).text();
  const cssPath = /<link rel="stylesheet" href="([^"]+)"/.exec(dashboard)?.[1] ?? "";
  const scriptPath = /<script type="module" src="([^"]+)"/.exec(dashboard)?.[1] ?? "";
  const assetSize = async (path: string) => {
    const raw = (await (await request(path)).arrayBuffer()).byteLength;
    const br = (await (await request(path, { "accept-encoding": "br" })).arrayBuffer()).byteLength;
    return { raw, br };
  };
  const css = await assetSize(cssPath);
  const script = await assetSize(scriptPath);
  const assetsRaw = css.raw + script.raw;
  const assetsBr = css.br + script.br;

  const rows: string[] = [];
  const p50s: number[] = [];
  let maxDecoded = 0;
  let maxTransferred = 0;
  for (const [name, path] of pages) {
    for (let i = 0; i < warmup; i++) await (await request(path)).text();
    const times: number[] = [];
    let html = "";
    let status = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const response = await request(path);
      html = await response.text();
      times.push(performance.now() - started);
      status = response.status;
    }
    const gzip = (await (await request(path, { "accept-encoding": "gzip" })).arrayBuffer())
      .byteLength;
    times.sort((a, b) => a - b);
    const p50 = quantile(times, 0.5);
    p50s.push(p50);
    const htmlBytes = Buffer.byteLength(html);
    maxDecoded = Math.max(maxDecoded, htmlBytes + assetsRaw);
    maxTransferred = Math.max(maxTransferred, gzip + assetsBr);
    rows.push(
      `| ${name} | ${status} | ${p50.toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${kb(htmlBytes)} | ${kb(gzip)} | ${kb(htmlBytes + assetsRaw)} | ${kb(gzip + assetsBr)} |`,
    );
  }

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const doc = `# Admin app: render time and page weight

Measured by \`pnpm --filter @care-atlas/admin bench\` (apps/admin/bench/render.bench.ts) on
${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${availableParallelism()} cores (${cpu}), shared with
other work, so treat the figures as indicative. Measured, not asserted.

**How.** The admin app runs in-process (\`app.request\`, no network) over the real services and
embedded PGlite holding the Greater Manchester dataset (imported through the services in
${(harness.importMs / 1000).toFixed(1)} s), signed in as an editor (so each request also looks up the
session in the database and checks it). Each page is requested ${warmup} times to warm up, then
${runs} times one after another; the time is from the request to the complete HTML,
uncompressed. Page weight is the HTML plus what every page loads: the stylesheet (the NHS
design system compiled from \`nhsuk-frontend\`'s Sass: only the components the app uses, no
spacing utilities, no web font) and the script (the \`nhsuk-frontend\` components the app uses,
bundled and minified by esbuild). "Transferred" is the HTML
gzip-compressed (the app compresses pages) plus the assets brotli-compressed (the app serves
them pre-compressed, with immutable caching, so after the first page they cost nothing).

**Targets:** server render p50 ≤ 50 ms; page weight ≤ 250 KB.

| Page | Status | p50 ms | p95 ms | HTML KB | HTML gzip KB | Page KB (decoded) | Page KB (transferred) |
|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Assets on every page: stylesheet ${kb(css.raw)} KB (${kb(css.br)} KB brotli), script ${kb(script.raw)} KB
(${kb(script.br)} KB brotli). For comparison, nhsuk-frontend's prebuilt files are 272 KB (CSS) and
57 KB (JS) decoded.

**Result.** Render p50 is ${Math.max(...p50s).toFixed(1)} ms at worst (median over pages ${quantile(
    [...p50s].sort((a, b) => a - b),
    0.5,
  ).toFixed(1)} ms;
target ≤ 50 ms). Page weight is at most ${kb(maxDecoded)} KB decoded and ${kb(maxTransferred)} KB transferred
(target ≤ 250 KB).
`;
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
  writeFileSync(join(root, "docs", "admin-performance.md"), doc);
  console.log(doc);
});
