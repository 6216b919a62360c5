/**
 * Real API processes for the multi-process tests, the fault tests and the soak: `node
 * dist/main.js` (the same program and flags as `pnpm start`) on a port of its own, with the
 * environment given. Resolves once it prints that it is running; keeps its output for
 * failure messages; can be stopped (SIGTERM), killed (SIGKILL) and measured (RSS).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The API package's folder (apps/api): the nearest one above this module (source or bundled). */
export const apiRoot = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      /"name":\s*"@care-atlas\/api"/.test(readFileSync(manifest, "utf8"))
    ) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("not inside @care-atlas/api");
    dir = parent;
  }
})();

/** A running API process. */
export interface ApiProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Everything it wrote (stdout and stderr), for failure messages. */
  readonly output: () => string;
  /** Resident memory now, in bytes (from /proc). */
  readonly rss: () => number;
  /** SIGTERM, then wait for the exit (SIGKILL after `ms`). */
  readonly stop: (ms?: number) => Promise<void>;
  /** SIGKILL, then wait for the exit. */
  readonly kill: () => Promise<void>;
  /** Resolves with the exit code or signal once it has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Options of {@link startApi}. */
export interface StartApiOptions {
  /** Environment variables beyond PORT=0 and HOST=127.0.0.1 (and this process's own). */
  readonly env: Readonly<Record<string, string>>;
  /** How long to wait for it to start, in ms (default 120 s). */
  readonly timeoutMs?: number;
}

/** Starts `dist/main.js`; resolves once it is serving. */
export const startApi = (options: StartApiOptions): Promise<ApiProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--liftoff-only", "--max-semi-space-size=4", "dist/main.js"],
      {
        cwd: apiRoot,
        env: {
          ...process.env,
          PORT: "0",
          HOST: "127.0.0.1",
          LOG_LEVEL: "warn",
          SHUTDOWN_TIMEOUT_MS: "2000",
          ...options.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout?.on("data", keep);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
      child.on("exit", (code, signal) => done({ code, signal }));
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the API did not start in time:\n${output.slice(-4000)}`));
    }, options.timeoutMs ?? 120_000);
    let started = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      keep(chunk);
      const match = /API\s+(http:\/\/[^\s/]+)\/v1\/places/.exec(output);
      if (started || match?.[1] === undefined) return;
      started = true;
      clearTimeout(timer);
      const url = match[1];
      const pid = child.pid ?? 0;
      resolve({
        url,
        pid,
        child,
        output: () => output,
        rss: () => {
          const status = readFileSync(`/proc/${pid}/status`, "utf8");
          return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
        },
        stop: async (ms = 10_000) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGTERM");
          const guard = setTimeout(() => child.kill("SIGKILL"), ms);
          await exited;
          clearTimeout(guard);
        },
        kill: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGKILL");
          await exited;
        },
        exited,
      });
    });
    child.on("error", reject);
    void exited.then(({ code, signal }) => {
      if (!started) {
        clearTimeout(timer);
        reject(
          new Error(`the API exited (${code ?? signal}) before starting:\n${output.slice(-4000)}`),
        );
      }
    });
  });

/** Runs the CLI (`dist/cli.js`) to its end: its exit code, stdout and stderr. */
export const runCli = (
  args: ReadonlyArray<string>,
  options: { env: Readonly<Record<string, string>>; stdin?: string },
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["dist/cli.js", ...args], {
      cwd: apiRoot,
      env: { ...process.env, LOG_LEVEL: "warn", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdin.end(options.stdin ?? "");
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
