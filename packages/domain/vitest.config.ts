import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "domain",
    include: ["src/**/*.test.ts"],
    // Type tests (`*.test-d.ts`, expectTypeOf) are checked by tsc during `vitest run`.
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"] },
    // Vitest 5: `bench` is a test-context fixture: test("…", async ({ bench }) => …).
    // Benchmarks live in bench/ and run only with `pnpm bench` (`vitest bench --run`).
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
