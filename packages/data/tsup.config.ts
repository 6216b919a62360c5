import { defineConfig } from "tsup";

// JavaScript only: TypeScript 7 emits the declarations (`tsc -p tsconfig.build.json`),
// because tsup's own .d.ts build needs the TypeScript 5 compiler API. The dataset itself
// is not bundled: `scripts/build.ts` writes it to `generated/`, which ships beside `dist/`.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: false,
  clean: true,
  treeshake: true,
});
