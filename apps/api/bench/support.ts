/**
 * @module support
 * What the benchmarks share: a free loopback port, waiting for a server's first 200, a
 * process's resident set, the V8 flags `pnpm start` gives the server, and stopping a child.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** A port free on 127.0.0.1 now. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** Milliseconds until `url` first answers 200, polling every `pollMs`; throws after `timeoutMs`. */
export const waitFor200 = async (url: string, timeoutMs: number, pollMs = 10): Promise<number> => {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
};

/** A process's resident set in MB (0 once it has gone). */
export const rssOf = (pid: number | undefined): number => {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

/** The api's `start` script, word by word. */
const startWords = (distDir: string): string[] =>
  (
    JSON.parse(readFileSync(join(distDir, "../package.json"), "utf8")) as {
      scripts: { start: string };
    }
  ).scripts.start.split(/\s+/);

/** The node flags of the api's `start` script, so a benchmark runs the server as users do. */
export const serverFlagsOf = (distDir: string): string[] =>
  startWords(distDir).filter((word) => word.startsWith("--"));

/** The environment the api's `start` script sets (`NAME=value` before `node`). */
export const serverEnvOf = (distDir: string): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const word of startWords(distDir)) {
    const assignment = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word);
    if (assignment === null) break;
    env[assignment[1] as string] = assignment[2] as string;
  }
  return env;
};

/** The api's `start` command as the reports quote it (environment, node, flags, script). */
export const startCommandOf = (distDir: string): string =>
  [
    ...Object.entries(serverEnvOf(distDir)).map(([name, value]) => `${name}=${value}`),
    "node",
    ...serverFlagsOf(distDir),
    "dist/main.js",
  ].join(" ");

/** Stops a child process with SIGTERM and waits for it to exit. */
export const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
