import { defineProject } from "vitest/config";

// The render benchmark (`pnpm --filter @care-atlas/admin bench`): measures, does not assert,
// and writes docs/admin-performance.md at the repository root.
export default defineProject({
  oxc: { jsx: { runtime: "automatic", importSource: "hono/jsx" } },
  test: {
    name: "admin-bench",
    include: ["bench/*.bench.ts"],
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
