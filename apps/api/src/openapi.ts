/**
 * @module openapi
 * Writes the OpenAPI document to a file (default `.openapi.json`) without a database: the
 * routes are registered over services that are never called. Used by `lint:openapi` and by
 * the client's `generate` script.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createApp } from "./app.js";
import { createLogger } from "./logger.js";
import { openApiDocument } from "./openapiDocument.js";

const target = resolve(process.argv[2] ?? ".openapi.json");
const app = createApp({
  config: { readsRequireKey: false, corsOrigins: [], bodyLimitBytes: 1024 },
  logger: createLogger({ level: "silent" }),
  readiness: async () => ({ ready: false, checks: {} }),
});
writeFileSync(target, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
console.log(`wrote ${target}`);
