import { defineProject } from "vitest/config";

// Unit tests beside the code (src/**/*.test.ts); integration tests of the whole dataset —
// rebuilt from raw/, and as shipped in generated/ — in test/.
export default defineProject({
  test: {
    name: "data",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Vitest 5: `bench` is a test-context fixture: test("…", async ({ bench }) => …).
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
