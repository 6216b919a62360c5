import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "services",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // PGlite runs PostgreSQL in WebAssembly: a fresh in-memory store takes seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
