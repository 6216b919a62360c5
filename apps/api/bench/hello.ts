/**
 * The baseline of the benchmark: a bare Hono hello-world on @hono/node-server, nothing
 * else. `node dist/hello.js <port>`.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.get("/", (c) => c.text("Hello Hono!"));
serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 3999), hostname: "127.0.0.1" }, () => {
  process.stdout.write("listening\n");
});
