import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "imports",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Some tests read England-wide files (33,755 LSOAs, twice): seconds on a busy 2-core box.
    testTimeout: 30_000,
  },
});
