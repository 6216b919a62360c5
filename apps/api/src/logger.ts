/**
 * @module logger
 * Structured logs: one JSON object per line on stdout, with a level threshold. Lines are
 * written to stdout in batches (all the lines of one turn of the event loop in one write,
 * and whatever is left when the process exits), so a busy server makes one write per turn
 * rather than one per request. The access line of a request (`request`) is formatted
 * directly as a string, with the same fields as `info("request", …)` would give.
 */
import { writeSync } from "node:fs";
import type { LogLevel } from "./env.js";

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Fields of a log line beyond level, time and message. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A structured logger. */
export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** Whether a line of this level would be written. */
  enabled(level: Exclude<LogLevel, "silent">): boolean;
  /**
   * The access-log line of a request (info; error for a 5xx): the same line as
   * `info("request", { requestId, method, path, status, durationMs })`, made cheaply.
   */
  request(
    requestId: string,
    method: string,
    path: string,
    status: number,
    durationMs: number,
  ): void;
}

let pending: string[] = [];
let flushScheduled = false;
const flushStdout = (): void => {
  flushScheduled = false;
  if (pending.length === 0) return;
  const text = pending.join("");
  pending = [];
  process.stdout.write(text);
};
let exitHooked = false;
/** Stdout, written once per turn of the event loop (and at exit). */
const batchedStdout = (line: string): void => {
  pending.push(line);
  if (!exitHooked) {
    exitHooked = true;
    process.once("exit", () => {
      if (pending.length === 0) return;
      const text = pending.join("");
      pending = [];
      try {
        writeSync(1, text);
      } catch {
        // stdout is gone: nothing to write to
      }
    });
  }
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flushStdout);
  }
};

let lastMs = 0;
let lastIso = "";
/** The current time as ISO 8601, worked out once per millisecond. */
const isoNow = (): string => {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
};

/**
 * A logger writing JSON lines to `write` (stdout by default).
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const log = createLogger({ level: "info", write: (line) => lines.push(line) });
 * log.info("request", { status: 200 }); // {"level":"info","time":"…","msg":"request","status":200}
 * ```
 */
export const createLogger = (options: {
  level: LogLevel;
  write?: (line: string) => void;
}): Logger => {
  const write = options.write ?? batchedStdout;
  const threshold = rank[options.level];
  const emit =
    (level: Exclude<LogLevel, "silent">) =>
    (msg: string, fields?: LogFields): void => {
      if (rank[level] < threshold) return;
      const record = { level, time: isoNow(), msg, ...fields };
      write(`${JSON.stringify(record, errorReplacer)}\n`);
    };
  return {
    level: options.level,
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    enabled: (level) => rank[level] >= threshold,
    request: (requestId, method, path, status, durationMs) => {
      const level = status >= 500 ? "error" : "info";
      if (rank[level] < threshold) return;
      write(
        `{"level":"${level}","time":"${isoNow()}","msg":"request","requestId":${JSON.stringify(requestId)},"method":${JSON.stringify(method)},"path":${JSON.stringify(path)},"status":${status},"durationMs":${Math.round(durationMs * 100) / 100}}\n`,
      );
    },
  };
};

const errorReplacer = (_key: string, value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
