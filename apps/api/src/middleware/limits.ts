/**
 * @module limits
 * Two middleware of /v1: rate limits (per API key, and per client address for requests
 * without a key; 429 problem+json with `Retry-After` beyond them) and read-your-writes
 * (`Min-Data-Version: <n>`: the answer comes from data version n or later — after catching
 * up when this process is behind — or is a problem, never silently older).
 */
import { type RegisterRuntime, runVerb } from "@care-atlas/services";
import type { Context, MiddlewareHandler } from "hono";
import { clientAddress, type RateLimits } from "../access/RateLimiter.js";
import type { AppEnv } from "../context.js";
import { ProblemError } from "../problem.js";

/** The header a client sends with the data version it saw (read-your-writes). */
export const minDataVersionHeader = "min-data-version";

/** The peer address of a request served by @hono/node-server, if known. */
export const socketAddressOf = (env: unknown): string | undefined => {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined)
    ?.incoming;
  const address = incoming?.socket?.remoteAddress;
  return typeof address === "string" ? address : undefined;
};

/** The rate limit of each /v1 request: its key's, else its address's. */
export const rateLimit = (limits: RateLimits, trustProxy: boolean): MiddlewareHandler<AppEnv> =>
  async function rateLimitMiddleware(c, next) {
    const principal = c.get("principal");
    const [limiter, bucket, who] =
      principal?.kind === "key"
        ? [limits.perKey, principal.id, `key ${principal.id}`]
        : (() => {
            const address = clientAddress(
              socketAddressOf(c.env),
              c.req.header("x-forwarded-for"),
              trustProxy,
            );
            return [limits.perAddress, address, `address ${address}`] as const;
          })();
    // What this request has cost so far (a bulk lookup adds its items to the first one).
    let spent = 0;
    const charge = (cost: number) => {
      const whole = spent + cost;
      const decision =
        limiter.perMinute > 0 && whole > limiter.perMinute
          ? { allowed: false, retryAfterSeconds: 60, tooLarge: true }
          : limiter.take(bucket, cost);
      if (decision.allowed) {
        spent = whole;
        return;
      }
      throw new ProblemError("rate-limited", {
        detail: decision.tooLarge
          ? `this request counts ${whole} against a limit of ${limiter.perMinute} a minute for ${who}: send fewer items at once`
          : `the limit of ${limiter.perMinute} requests a minute for ${who} is reached: try again in ${decision.retryAfterSeconds} s`,
        headers: { "Retry-After": String(decision.retryAfterSeconds) },
      });
    };
    charge(1);
    c.set("charge", charge);
    return next();
  };

/** Charges a request's rate limit `cost` more (see `AppVariables.charge`). */
export const chargeMore = (c: Context<AppEnv>, cost: number): void => {
  if (cost > 0) c.get("charge")?.(cost);
};

const wholeNumber = /^\d{1,15}$/;

/** Read-your-writes: `Min-Data-Version` (see the module comment). */
export const readYourWrites = (
  runtime: RegisterRuntime,
  dataVersion: () => number,
): MiddlewareHandler<AppEnv> =>
  async function readYourWritesMiddleware(c, next) {
    const header = c.req.header(minDataVersionHeader);
    if (header === undefined) return next();
    const text = header.trim();
    if (!wholeNumber.test(text)) {
      throw new ProblemError("invalid-request", {
        detail: "Min-Data-Version must be a data version (a whole number) you saw",
        errors: [{ path: "header.min-data-version", message: "must be a whole number" }],
      });
    }
    const wanted = Number(text);
    // Behind: catch up (replica, then primary). A version that does not exist is a 400,
    // a database that does not answer a 503: never an older answer without saying so.
    if (dataVersion() < wanted) await runVerb(runtime, (r) => r.awaitDataVersion(wanted));
    return next();
  };
