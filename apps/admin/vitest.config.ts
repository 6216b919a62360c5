import { defineProject } from "vitest/config";

// Unit tests beside the code (src/**/*.test.ts[x]) and integration tests over the real
// services and PGlite (test/*.test.ts[x]). The browser tests are a separate project
// (vitest.e2e.config.ts): they need Chromium and the GM dataset.
export default defineProject({
  oxc: { jsx: { runtime: "automatic", importSource: "hono/jsx" } },
  test: {
    name: "admin",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/*.test.ts", "test/*.test.tsx"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
