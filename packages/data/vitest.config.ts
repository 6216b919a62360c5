import { defineProject } from "vitest/config";

// Unit tests beside the code (src/**/*.test.ts); integration tests of the whole dataset —
// rebuilt from raw/, and as shipped in generated/ — in test/.
export default defineProject({
  test: {
    name: "data",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Some tests read England-wide lookups (33,755 LSOAs): seconds on a busy 2-core box.
    testTimeout: 30_000,
    // Vitest 5: `bench` is a test-context fixture: test("…", async ({ bench }) => …).
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
