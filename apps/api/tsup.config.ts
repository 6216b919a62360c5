import { defineConfig } from "tsup";

// The runnable entry points, as ESM for Node 24. Workspace packages and npm dependencies
// stay external (resolved from node_modules at run time).
export default defineConfig({
  entry: {
    index: "src/index.ts",
    main: "src/main.ts",
    cli: "src/cli.ts",
    openapi: "src/openapi.ts",
    examples: "src/openapi/recordExamples.ts",
    bench: "bench/bench.ts",
    soak: "bench/soak.ts",
    "bench-imports": "bench/imports.ts",
    hello: "bench/hello.ts",
    national: "bench/national.ts",
  },
  format: ["esm"],
  target: "node24",
  platform: "node",
  dts: false,
  clean: true,
  splitting: true,
  // Nothing from node_modules is bundled (devDependencies such as autocannon included).
  skipNodeModulesBundle: true,
});
