import { defineConfig } from "tsup";

// JavaScript only: TypeScript 7 emits the declarations (`tsc -p tsconfig.build.json`).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "es2023",
  platform: "node",
  dts: false,
  clean: true,
  treeshake: true,
});
