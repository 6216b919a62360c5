import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "data",
    include: ["src/**/*.test.ts"],
    // Vitest 5: `bench` is a test-context fixture: test("…", async ({ bench }) => …).
    benchmark: { include: ["src/**/*.bench.ts"] },
  },
});
