import { defineProject } from "vitest/config";

// The browser tests: Debian's Chromium driven by playwright-core over the real app, the
// real services and PGlite holding the Greater Manchester dataset. Run with
// `pnpm --filter @care-atlas/admin test:e2e`.
export default defineProject({
  oxc: { jsx: { runtime: "automatic", importSource: "hono/jsx" } },
  test: {
    name: "admin-e2e",
    include: ["test/e2e/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
