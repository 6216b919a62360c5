import { defineConfig } from "tsup";

// JavaScript only: TypeScript 7 emits the declarations (`tsc -p tsconfig.build.json`).
// Everything is bundled into dist/index.js, one folder below the package root like
// src/Migrations.ts, so the migrations are found at ../migrations/ from both.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "es2023",
  platform: "node",
  dts: false,
  clean: true,
  treeshake: true,
});
