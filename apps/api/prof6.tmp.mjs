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
const { Hono } = await import("hono");
const hello = new Hono();
hello.get("/", (c) => c.text("Hello Hono!"));
const id = "plc_0uurxq214nx2og";
const bench = async (name, a, path, n = 20000) => {
  for (let i = 0; i < 2000; i++) {
    const r = await a.fetch(new Request("http://x" + path));
    await r.arrayBuffer();
  }
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const r = await a.fetch(new Request("http://x" + path));
    await r.arrayBuffer();
  }
  const c1 = process.cpuUsage(c0);
  console.log(name.padEnd(50), ((c1.user + c1.system) / n).toFixed(1), "µs CPU/req");
};
for (let round = 0; round < 2; round++) {
  await bench("hello", hello, "/");
  await bench("/healthz", app, "/healthz");
  await bench("place", app, `/v1/places/${id}`);
  await bench("postcode", app, `/v1/lookup/postcode/M32%200JG`);
  await bench("nbh of place", app, `/v1/neighbourhoods?placeId=${id}`);
}
await atlas.close();
