import { createApp, createLogger, parseEnv, startCareAtlas } from "./dist/index.js";

const atlas = await startCareAtlas(
  parseEnv({ PORT: "0", DATA_DIR: "/tmp/atlas-try/pglite", LOG_LEVEL: "silent" }),
  createLogger({ level: "silent" }),
  { mountAdmin: false },
);
const app = createApp({
  config: { readsRequireKey: false, corsOrigins: [], bodyLimitBytes: 1e6 },
  logger: createLogger({ level: "info", write: () => {} }),
  auth: atlas.auth,
  register: atlas.register,
  readiness: async () => ({ ready: true, checks: {} }),
});
const path = process.argv[2];
const t = performance.now();
let n = 0;
while (performance.now() - t < 8000) {
  const r = await app.fetch(new Request("http://x" + path));
  await r.arrayBuffer();
  n++;
}
console.log(n / 8, "req/s in-process");
await atlas.close();
