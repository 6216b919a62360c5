import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "client",
    include: ["src/**/*.test.ts"],
    // The type tests (`*.test-d.ts`) are checked by the compiler, not run.
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
