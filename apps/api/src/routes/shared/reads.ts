/**
 * @module reads
 * How a read answers: its JSON with a weak ETag (the data version it was answered from and
 * what was asked), and conditional requests — `If-None-Match` answered `304 Not Modified`
 * before any work when the current data version already matches (reads of the current
 * recorded state only), or after the route when its answer's ETag matches. The read guard,
 * this and the read cache are every read route's middleware, in that order.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../context.js";
import { etagMatches, readEtag } from "../../http/Etag.js";
import { today } from "../../http/today.js";
import { open, requireScope } from "../../middleware/auth.js";
import { cachedRead } from "../../readCache.js";
import type { RouteDeps } from "../deps.js";
import { strictQuery } from "./strictQuery.js";

/** The path and query of a request, as the ETag digests them. */
const targetOf = (c: Context): string => {
  const url = c.req.url;
  const query = url.indexOf("?");
  return `${c.req.path}${query === -1 ? "" : url.slice(query)}`;
};

/** The ETag of a read of this request answered at `dataVersion`. */
export const etagOf = (c: Context, dataVersion: number): string =>
  readEtag(dataVersion, targetOf(c), c.req.query("validAt") === undefined ? today() : undefined);

const notModified = (c: Context, etag: string): Response => {
  c.header("ETag", etag);
  c.header("Cache-Control", "private, no-cache");
  c.header("Vary", "Authorization, X-API-Key");
  return c.body(null, 304);
};

/** Conditional reads: 304 early when the current data version matches, or after the route. */
export const conditionalRead = (dataVersion: () => number): MiddlewareHandler<AppEnv> =>
  async function conditionalReadMiddleware(c, next) {
    const match = c.req.header("if-none-match");
    if (match === undefined) return next();
    if (c.req.query("asOf") === undefined) {
      const etag = etagOf(c, dataVersion());
      if (etagMatches(match, etag)) return notModified(c, etag);
    }
    await next();
    const etag = c.res.headers.get("etag");
    if (c.res.status === 200 && etag !== null && etagMatches(match, etag)) {
      const headers = new Headers(c.res.headers);
      headers.delete("content-type");
      headers.delete("content-length");
      c.res = new Response(null, { status: 304, headers });
    }
  };

/**
 * The headers of a read's answer: its ETag, and a cache policy that lets a client keep it
 * and revalidate it. The handler then answers its typed JSON.
 */
export const readHeaders = (c: Context, dataVersion: number): void => {
  c.header("ETag", etagOf(c, dataVersion));
  c.header("Cache-Control", "private, no-cache");
  c.header("Vary", "Authorization, X-API-Key");
};

/** Whether reads need a key: the guard the read routes get. */
export const readGuard = (readsRequireKey: boolean): MiddlewareHandler<AppEnv> =>
  readsRequireKey ? requireScope("read") : open;

/** The middleware of a cacheable read: the read guard, conditional requests, the read cache. */
export const readMiddleware = (deps: RouteDeps): MiddlewareHandler<AppEnv>[] => [
  readGuard(deps.readsRequireKey),
  conditionalRead(deps.dataVersion),
  ...(deps.cache === undefined ? [] : [cachedRead(deps.cache, deps.dataVersion)]),
];

/**
 * A route with its middleware, in order, after the strict query check (undeclared or
 * repeated query parameters are a 400: `strictQuery.ts`). Every route is registered
 * through this.
 */
export const guarded = <R extends RouteConfig>(
  route: R,
  ...middleware: MiddlewareHandler<AppEnv>[]
): R & { middleware: MiddlewareHandler<AppEnv>[] } => ({
  ...route,
  middleware: [strictQuery(route), ...middleware],
});
