/**
 * @module openapi
 * Writes the OpenAPI document to a file (default `.openapi.json`) without a database: the
 * routes are registered over services that are never called. Used by `lint:openapi` and,
 * with `--types` (the document without its response examples), by the client's `generate`
 * script.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createApp } from "./app.js";
import { createLogger } from "./logger.js";
import { openApiDocument, withoutResponseExamples } from "./openapiDocument.js";

const args = process.argv.slice(2);
const forTypes = args.includes("--types");
const target = resolve(args.find((arg) => !arg.startsWith("--")) ?? ".openapi.json");
const app = createApp({
  config: { readsRequireKey: false, corsOrigins: [], bodyLimitBytes: 1024 },
  logger: createLogger({ level: "silent" }),
  readiness: async () => ({ ready: false, checks: {} }),
});
const document = openApiDocument(app);
const written = forTypes ? withoutResponseExamples(document) : document;
writeFileSync(target, `${JSON.stringify(written, null, 2)}\n`);
console.log(`wrote ${target}`);
