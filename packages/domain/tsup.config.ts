import { defineConfig } from "tsup";

// JavaScript only: TypeScript 7 emits the declarations (`tsc -p tsconfig.build.json`),
// because tsup's own .d.ts build needs the TypeScript 5 compiler API.
export default defineConfig({
  entry: ["src/index.ts", "src/testing/syntheticRegister.ts"],
  format: ["esm"],
  target: "es2022",
  platform: "neutral",
  dts: false,
  clean: true,
  treeshake: true,
});
