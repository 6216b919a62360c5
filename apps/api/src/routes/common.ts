/**
 * @module common
 * What every route shares: the `validAt` / `asOf` / `limit` / `cursor` parameters, the
 * problem responses, the page envelope, weak ETags with 304, and `run`, which runs one
 * service verb through the ManagedRuntime and maps its tagged errors to problems.
 */
import { IsoDate } from "@care-atlas/domain";
import { Cause, Effect, Exit, Option } from "effect";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../context.js";
import { open, requireScope } from "../middleware/auth.js";
import {
  type ConflictAs,
  Problem,
  ProblemError,
  problemOfTagged,
  problemTypes,
} from "../problem.js";

/** `validAt` and `asOf`, on every read. */
export const TimeQuery = z.object({
  validAt: IsoDate.optional().meta({
    description: "The date the facts were true in the world, YYYY-MM-DD (default: today).",
    example: "2021-04-01",
  }),
  asOf: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z" })
    .optional()
    .meta({
      description:
        "What the register had recorded at this time, ISO 8601 date-time (default: now).",
      example: "2026-01-31T12:00:00Z",
    }),
});

/**
 * A whole number in a query string: decimal digits only (no signs, spaces, exponents or
 * hex, which `Number()` would accept), within [min, max].
 */
export const wholeNumber = (min: number, max: number, error: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value),
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );

/** `limit` and `cursor`, on every list. */
export const PageQuery = z.object({
  limit: wholeNumber(1, 1000, "must be a whole number from 1 to 1000")
    .optional()
    .meta({ description: "Items per page, 1–1000 (default 100).", example: 100 }),
  cursor: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, { error: "must be a cursor returned by a previous page" })
    .optional()
    .meta({ description: "The `nextCursor` of the previous page (opaque)." }),
});

/** The parsed time options, as the services take them. */
export const timeOptions = (query: {
  validAt?: string | undefined;
  asOf?: string | undefined;
}): { validAt?: string; asOf?: Date } => ({
  ...(query.validAt === undefined ? {} : { validAt: query.validAt }),
  ...(query.asOf === undefined ? {} : { asOf: new Date(query.asOf) }),
});

/** The envelope of a list. */
export const pageOf = <T extends z.ZodType>(item: T, id: string, description: string) =>
  z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .describe("Pass as `cursor` for the next page; null on the last."),
      dataVersion: z
        .number()
        .int()
        .nonnegative()
        .describe("The data version (last change seq) the page was read at."),
    })
    .meta({ id, description });

/** The envelope of one item. */
export const itemOf = <T extends z.ZodType>(item: T, id: string, description: string) =>
  z
    .object({
      data: item,
      dataVersion: z.number().int().nonnegative(),
    })
    .meta({ id, description });

const problemContent = { "application/problem+json": { schema: Problem } };

/** OpenAPI responses for problem statuses. */
export const problemResponses = <S extends number>(...statuses: S[]) => {
  const responses = {} as Record<S, { description: string; content: typeof problemContent }>;
  for (const status of statuses) {
    const title =
      Object.values(problemTypes).find((type) => type.status === status)?.title ?? "Error";
    responses[status] = { description: title, content: problemContent };
  }
  return responses;
};

/** The statuses every read can fail with. */
export const readProblems = problemResponses(400, 401, 403, 404, 503);

/** The `ETag` and `Cache-Control` headers a read sends. */
export const etagHeaders = z.object({
  ETag: z.string().describe("A weak validator; send it back as If-None-Match."),
});

// FNV-1a, 32 bits, base 36: a compact, stable digest of the request's query.
const digest = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
};

/**
 * A weak ETag for a read: the data version it was answered from, the request's path and
 * query, and the date a defaulted `validAt` resolved to (so answers roll over at midnight).
 */
export const etagOf = (c: Context<AppEnv>, dataVersion: number, salt = ""): string => {
  const url = c.req.url;
  const query = url.indexOf("?");
  const validAtDefaulted = c.req.query("validAt") === undefined;
  const key = `${c.req.path}${query === -1 ? "" : url.slice(query)}${validAtDefaulted ? new Date().toISOString().slice(0, 10) : ""}${salt}`;
  return `W/"${dataVersion}-${digest(key)}"`;
};

/** Whether `If-None-Match` matches `etag` (weak comparison). */
export const notModified = (c: Context<AppEnv>, etag: string): boolean => {
  const header = c.req.header("if-none-match");
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
};

const encoder = new TextEncoder();

/**
 * Sends a read's JSON with its ETag, or `304 Not Modified` when the client has it. Reads
 * may be cached privately and must be revalidated.
 */
export const sendRead = <T>(c: Context<AppEnv>, dataVersion: number, body: T) => {
  const etag = etagOf(c, dataVersion);
  c.header("ETag", etag);
  c.header("Cache-Control", "private, no-cache");
  c.header("Vary", "Authorization, X-API-Key");
  if (notModified(c, etag)) return c.body(null, 304);
  const json = JSON.stringify(body);
  const slot = c.get("cacheSlot");
  if (slot !== undefined && slot.version === dataVersion) {
    const bytes = encoder.encode(json);
    slot.cache.set(slot.key, { version: dataVersion, day: slot.day, etag, body: bytes });
    return c.body(bytes, 200, { "Content-Type": "application/json" });
  }
  return c.body(json, 200, { "Content-Type": "application/json" });
};

/** How `run` reports a service's `ValidationFailed` without findings. */
export type InvalidAs = "invalid-request" | "validation-failed";

/** Options of {@link run}. */
export interface RunOptions {
  readonly conflictAs?: ConflictAs;
  /** Reads report bad input as 400; writes as 422 (default: 400). */
  readonly invalidAs?: InvalidAs;
}

/** Raises the problem a tagged service error maps to (or rethrows anything else). */
export const raise = (error: unknown, options: RunOptions = {}): never => {
  const mapped = problemOfTagged(error, options.conflictAs);
  if (mapped === undefined) throw error;
  if (
    mapped.code === "validation-failed" &&
    (mapped.extras.findings?.length ?? 0) === 0 &&
    (options.invalidAs ?? "invalid-request") === "invalid-request"
  ) {
    const { findings: _none, ...extras } = mapped.extras;
    throw new ProblemError("invalid-request", extras);
  }
  throw new ProblemError(mapped.code, mapped.extras);
};

/**
 * Runs one service verb and returns its value; a tagged failure becomes the problem it
 * maps to (thrown, for the app's error handler), a defect is rethrown (a 500).
 */
export const run = async <A, E>(
  effect: Effect.Effect<A, E>,
  options: RunOptions = {},
): Promise<A> => {
  const exit = await Effect.runPromiseExit(effect);
  if (Exit.isSuccess(exit)) return exit.value;
  const failure = Cause.findErrorOption(exit.cause);
  if (Option.isSome(failure)) return raise(failure.value, options);
  throw Cause.squash(exit.cause);
};

const isAsyncFiberError = (cause: Cause.Cause<unknown>): boolean => {
  const error = Cause.squash(cause);
  return error instanceof Error && error.name === "AsyncFiberError";
};

/**
 * Runs a read verb: synchronously when it needs no I/O (reads of the current state are
 * answered from the in-memory read model), asynchronously otherwise. Only for reads: a
 * verb that turns out to be asynchronous is run again, which is harmless for a read.
 */
export const runRead = async <A, E>(
  effect: Effect.Effect<A, E>,
  options: RunOptions = {},
): Promise<A> => {
  const exit = Effect.runSyncExit(effect);
  if (Exit.isSuccess(exit)) return exit.value;
  if (isAsyncFiberError(exit.cause)) return run(effect, options);
  const failure = Cause.findErrorOption(exit.cause);
  if (Option.isSome(failure)) return raise(failure.value, options);
  throw Cause.squash(exit.cause);
};

/** Whether reads need a key: the guard the read routes get. */
export const readGuard = (readsRequireKey: boolean) =>
  readsRequireKey ? requireScope("read") : open;

/** OpenAPI security of a read: open, or an API key. */
export const readSecurity = [{}, { apiKey: [] }];
/** OpenAPI security of a write: an API key with the write scope. */
export const writeSecurity = [{ apiKey: [] }];
