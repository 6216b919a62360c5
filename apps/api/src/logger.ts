/**
 * @module logger
 * Structured logs: one JSON object per line on stdout, with a level threshold.
 */
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
}

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
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const threshold = rank[options.level];
  const emit =
    (level: Exclude<LogLevel, "silent">) =>
    (msg: string, fields?: LogFields): void => {
      if (rank[level] < threshold) return;
      const record = { level, time: new Date().toISOString(), msg, ...fields };
      write(`${JSON.stringify(record, errorReplacer)}\n`);
    };
  return {
    level: options.level,
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    enabled: (level) => rank[level] >= threshold,
  };
};

const errorReplacer = (_key: string, value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
