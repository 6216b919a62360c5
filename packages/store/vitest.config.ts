import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "store",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // One initialised PGlite data directory, copied for every fresh test database.
    globalSetup: ["test/globalSetup.ts"],
    // PGlite runs PostgreSQL in WebAssembly: opening and migrating take seconds on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
