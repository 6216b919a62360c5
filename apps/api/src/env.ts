/**
 * @module env
 * The API's configuration, read from the environment in this one place, validated with zod
 * once at start-up. A bad value stops the process with a message naming the variable.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

const booleanText = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["true", "false", "1", "0", "yes", "no", "on", "off", ""]))
  .transform((text) => ["true", "1", "yes", "on"].includes(text));

const optionalText = z
  .string()
  .trim()
  .transform((text) => (text === "" ? undefined : text))
  .optional();

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { error: "must be a whole number" })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** The log levels, most verbose first. */
export const LogLevel = z.enum(["debug", "info", "warn", "error", "silent"]);
export type LogLevel = z.infer<typeof LogLevel>;

const postgresUrl = optionalText.pipe(
  z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
);

const EnvSchema = z.object({
  PORT: integer(0, 65535).default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DATABASE_URL: postgresUrl,
  DATABASE_READ_URL: postgresUrl,
  DATA_DIR: optionalText,
  READS_REQUIRE_KEY: booleanText.default(false),
  LOG_LEVEL: z.string().trim().toLowerCase().pipe(LogLevel).default("info"),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ""),
    )
    .pipe(
      z.array(
        z.union([
          z.literal("*"),
          z.url({ protocol: /^https?$/, error: "must be an http(s) origin" }),
        ]),
      ),
    ),
  BODY_LIMIT_BYTES: integer(1024, 64 * 1024 * 1024).default(4 * 1024 * 1024),
  IMPORT_BODY_LIMIT_BYTES: integer(1024, 4 * 1024 * 1024 * 1024).default(256 * 1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: integer(0, 600_000).default(10_000),
  SEED: booleanText.default(true),
  PUBLIC_URL: optionalText.pipe(z.url({ error: "must be an absolute URL" }).optional()),
  RATE_LIMIT_KEY_PER_MINUTE: integer(0, 100_000_000).default(60_000),
  RATE_LIMIT_ADDRESS_PER_MINUTE: integer(0, 100_000_000).default(30_000),
  TRUST_PROXY: booleanText.default(false),
});

/** The validated configuration. */
export interface Env {
  /** TCP port to listen on (0 = any free port). */
  readonly port: number;
  /** Interface to bind. */
  readonly host: string;
  /** A PostgreSQL server; absent = the embedded PGlite database in {@link Env.dataDir}. */
  readonly databaseUrl: string | undefined;
  /**
   * A streaming replica (hot standby) of {@link Env.databaseUrl}, which the read model is
   * built and refreshed from; writes always go to `databaseUrl`.
   */
  readonly databaseReadUrl: string | undefined;
  /** The PGlite data directory (used when there is no database URL). */
  readonly dataDir: string;
  /** Whether reads need an API key with the `read` scope. */
  readonly readsRequireKey: boolean;
  readonly logLevel: LogLevel;
  /** Allowed CORS origins; empty = no CORS headers; `*` = any origin. */
  readonly corsOrigins: ReadonlyArray<string>;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimitBytes: number;
  /** Largest file `POST /v1/imports` takes, in bytes (the other routes: `bodyLimitBytes`). */
  readonly importBodyLimitBytes: number;
  /** How long a graceful shutdown waits for in-flight requests. */
  readonly shutdownTimeoutMs: number;
  /** Whether to load the GM dataset into an empty database at start-up. */
  readonly seed: boolean;
  /** The URL users reach the server at, for printed links; defaults to http://HOST:PORT. */
  readonly publicUrl: string | undefined;
  /**
   * Requests per minute one API key may make (0 = no limit); a bulk lookup counts each item.
   * Bursts of up to a minute's worth are allowed, then requests are answered 429.
   */
  readonly rateLimitKeyPerMinute: number;
  /** Requests per minute one client address may make without a key (0 = no limit). */
  readonly rateLimitAddressPerMinute: number;
  /** Take the client's address from `X-Forwarded-For` (behind a proxy you run). */
  readonly trustProxy: boolean;
}

/** A configuration error: which variables are wrong and why. */
export class EnvError extends Error {
  readonly issues: ReadonlyArray<{ variable: string; message: string }>;
  constructor(issues: ReadonlyArray<{ variable: string; message: string }>) {
    super(
      `Invalid configuration:\n${issues.map((issue) => `  ${issue.variable}: ${issue.message}`).join("\n")}`,
    );
    this.name = "EnvError";
    this.issues = issues;
  }
}

/** The nearest folder at or above `start` holding pnpm-workspace.yaml, or `start` itself. */
export const findRepoRoot = (start: string): string => {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
};

/**
 * Parses a set of environment variables. Empty strings count as unset.
 *
 * @example
 * ```ts
 * parseEnv({ PORT: "8080" }, "/repo").port; // 8080
 * parseEnv({ PORT: "eighty" }, "/repo"); // throws EnvError naming PORT
 * ```
 */
export const parseEnv = (
  source: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
): Env => {
  const input: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== "") input[key] = value;
  }
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "environment"),
        message: `${issue.message}${input[String(issue.path[0])] === undefined ? "" : ` (got "${input[String(issue.path[0])]}")`}`,
      })),
    );
  }
  const env = parsed.data;
  if (env.DATABASE_READ_URL !== undefined && env.DATABASE_URL === undefined) {
    throw new EnvError([
      {
        variable: "DATABASE_READ_URL",
        message: "needs DATABASE_URL: a read replica is of a PostgreSQL server",
      },
    ]);
  }
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databaseReadUrl: env.DATABASE_READ_URL,
    dataDir: resolve(cwd, env.DATA_DIR ?? join(findRepoRoot(cwd), ".data", "pglite")),
    readsRequireKey: env.READS_REQUIRE_KEY,
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    importBodyLimitBytes: env.IMPORT_BODY_LIMIT_BYTES,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    seed: env.SEED,
    publicUrl: env.PUBLIC_URL,
    rateLimitKeyPerMinute: env.RATE_LIMIT_KEY_PER_MINUTE,
    rateLimitAddressPerMinute: env.RATE_LIMIT_ADDRESS_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
  };
};

/** The configuration of this process, from `process.env`. The only reader of process.env. */
export const loadEnv = (): Env => parseEnv(process.env, process.cwd());

/**
 * The PostgreSQL server the API's integration tests run on (a fresh database is created
 * there per run), or undefined for embedded PGlite. Read here to keep process.env in one file.
 */
export const testDatabaseUrl = (): string | undefined => {
  const url = process.env.CARE_ATLAS_TEST_DATABASE_URL?.trim();
  return url === undefined || url === "" ? undefined : url;
};

/**
 * A streaming replica of {@link testDatabaseUrl}'s server (its hot standby, e.g. the one
 * `.ci/run` starts), for the replica tests, or undefined when there is none.
 */
export const testStandbyUrl = (): string | undefined => {
  const url = process.env.CARE_ATLAS_TEST_STANDBY_URL?.trim();
  return url === undefined || url === "" ? undefined : url;
};
