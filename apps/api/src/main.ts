/**
 * @module main
 * The one command: `pnpm start` (at the repo root). Turns on Node's on-disk compile cache
 * (the modules' compiled code is reused by the next start: ~200 ms off a restart), then
 * runs `serve.ts`: reads the configuration, starts Care Atlas on the embedded database
 * (creating it and loading the GM dataset on first run) or on DATABASE_URL, prints the
 * URLs, and shuts down gracefully on SIGTERM / SIGINT.
 */
import { enableCompileCache } from "node:module";

// Before any other module loads, so that they are all cached (in the OS's temp directory,
// or NODE_COMPILE_CACHE); a failure to cache only costs the time it would have saved.
try {
  enableCompileCache();
} catch {
  // no cache: a slower start, nothing else
}
await import("./serve.js");
