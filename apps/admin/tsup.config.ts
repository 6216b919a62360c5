import { defineConfig } from "tsup";

// JavaScript only: TypeScript 7 emits the declarations (`tsc -p tsconfig.build.json`).
// The app is server-side only; `main.ts` is a second entry so `node dist/main.js` runs it.
export default defineConfig({
  entry: ["src/index.ts", "src/main.ts"],
  format: ["esm"],
  target: "node22",
  platform: "node",
  dts: false,
  clean: true,
  treeshake: true,
  esbuildOptions(options) {
    options.jsx = "automatic";
    options.jsxImportSource = "hono/jsx";
  },
});
