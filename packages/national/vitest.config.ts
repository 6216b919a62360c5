import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "national",
    include: ["src/**/*.test.ts"],
  },
});
