import { defineProject } from "vitest/config";

// Unit tests beside the code (src/**/*.test.ts) and integration tests over PGlite and the
// store's migrations (test/*.test.ts).
export default defineProject({
  test: {
    name: "auth",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // PGlite runs PostgreSQL in WebAssembly: opening and migrating take seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
