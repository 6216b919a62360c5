/**
 * A Care Atlas of a test file's own (beside the run's shared one), on embedded PGlite in a
 * temporary directory, and GETs over a plain Node socket (fetch would ask for gzip and
 * decode the answer itself).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "../../src/env.js";
import { createLogger } from "../../src/logger.js";
import { type CareAtlas, type StartOptions, startCareAtlas } from "../../src/start.js";

/** A running Care Atlas and how to stop it and remove its data. */
export interface OwnAtlas {
  readonly atlas: CareAtlas;
  readonly dispose: () => Promise<void>;
}

/**
 * Starts a Care Atlas on a fresh PGlite directory named after `name`, with `env` beside
 * the defaults (any port on 127.0.0.1, a short shutdown), without the admin app.
 */
export const startOwnAtlas = async (
  name: string,
  env: Record<string, string> = {},
  options: Omit<StartOptions, "mountAdmin"> = {},
): Promise<OwnAtlas> => {
  const dir = mkdtempSync(join(tmpdir(), `care-atlas-${name}-`));
  const atlas = await startCareAtlas(
    parseEnv({
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: join(dir, "pglite"),
      SHUTDOWN_TIMEOUT_MS: "2000",
      ...env,
    }),
    createLogger({ level: "warn" }),
    { ...options, mountAdmin: false },
  );
  return {
    atlas,
    dispose: async () => {
      await atlas.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** What a plain GET answered: status, Node's headers and the bytes as sent. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** A GET of `url` sending only `headers`. */
export const rawGet = (url: string | URL, headers: Record<string, string> = {}) =>
  new Promise<RawAnswer>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
