import { defineConfig } from "tsup";

// The runnable entry points, as ESM for Node 24. Workspace packages and npm dependencies
// stay external (resolved from node_modules at run time).
export default defineConfig({
  entry: ["src/index.ts", "src/main.ts", "src/openapi.ts"],
  format: ["esm"],
  target: "node24",
  platform: "node",
  dts: false,
  clean: true,
  splitting: true,
});
