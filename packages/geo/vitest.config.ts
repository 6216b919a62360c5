import { defineProject } from "vitest/config";

// Unit tests beside the code.
export default defineProject({
  test: { name: "geo", include: ["src/**/*.test.ts"] },
});
