/**
 * @module reads
 * How a read answers: its JSON with a weak ETag (a digest of the answer without its data
 * version: `http/Etag.ts`), a cache policy, and conditional requests — `If-None-Match`
 * answered `304 Not Modified` when the answer's ETag matches (from the read cache before
 * any work when it holds the answer, else after the route). A streamed answer (CSV,
 * NDJSON), whose bytes are not known before it is sent, is tagged with the data version,
 * the request and its format instead. The read guard, this and the read cache are every
 * read route's middleware, in that order.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../context.js";
import { keyedCachePolicy, openCachePolicy, readVary } from "../../http/cachePolicy.js";
import { bodyEtag, etagMatches, streamEtag } from "../../http/Etag.js";
import { today } from "../../http/today.js";
import { open, requireScope } from "../../middleware/auth.js";
import { cachedRead } from "../../readCache.js";
import { hasRepresentations, represent } from "../../representation/representation.js";
import type { RouteDeps } from "../deps.js";
import { declaredQueryNames, strictQuery } from "./strictQuery.js";

/** The cache policy of a read answered to this request. */
export const cachePolicyOf = (c: Context<AppEnv>, readsRequireKey: boolean): string =>
  readsRequireKey || c.get("principal") !== undefined ? keyedCachePolicy : openCachePolicy;

/** Conditional reads: a 304 when the answer's ETag matches `If-None-Match`. */
export const conditionalRead: MiddlewareHandler<AppEnv> = async function conditionalReadMiddleware(
  c,
  next,
) {
  const match = c.req.header("if-none-match");
  await next();
  if (match === undefined) return;
  const etag = c.res.headers.get("etag");
  if (c.res.status === 200 && etag !== null && etagMatches(match, etag)) {
    const headers = new Headers(c.res.headers);
    headers.delete("content-type");
    headers.delete("content-length");
    c.res = new Response(null, { status: 304, headers });
  }
};

/**
 * The headers of a read's answer `body` made at `dataVersion` (before the handler answers
 * it): its ETag (a digest of the body without a `dataVersion` field), the cache policy for
 * this caller, and the data version it was read at (for the read cache).
 */
export const answerHeaders = (
  c: Context<AppEnv>,
  body: object,
  dataVersion: number,
  readsRequireKey: boolean,
): void => {
  c.header("ETag", bodyEtag(body));
  c.header("Cache-Control", cachePolicyOf(c, readsRequireKey));
  c.header("Vary", readVary);
  c.set("readVersion", dataVersion);
};

/** {@link answerHeaders} of a body that carries its `dataVersion`. */
export const readHeaders = (
  c: Context<AppEnv>,
  body: { readonly dataVersion: number },
  readsRequireKey: boolean,
): void => {
  c.set("readBody", body);
  answerHeaders(c, body, body.dataVersion, readsRequireKey);
};

/**
 * The headers of a streamed read (CSV, NDJSON) answered at `dataVersion`: a weak ETag of
 * the data version, the request and its format (`format` is what `Accept` chose), and the
 * cache policy for this caller.
 */
export const streamHeaders = (
  c: Context<AppEnv>,
  dataVersion: number,
  format: string,
  readsRequireKey: boolean,
): void => {
  const url = c.req.url;
  const query = url.indexOf("?");
  const target = `${c.req.path}${query === -1 ? "" : url.slice(query)} ${format}`;
  const day = c.req.query("validAt") === undefined ? today() : undefined;
  c.header("ETag", streamEtag(dataVersion, target, day));
  c.header("Cache-Control", cachePolicyOf(c, readsRequireKey));
  c.header("Vary", readVary);
};

/** Whether reads need a key: the guard the read routes get. */
export const readGuard = (readsRequireKey: boolean): MiddlewareHandler<AppEnv> =>
  readsRequireKey ? requireScope("read") : open;

/** The middleware of a cacheable read: the read guard, conditional requests, the read cache. */
export const readMiddleware = (deps: RouteDeps): MiddlewareHandler<AppEnv>[] => [
  readGuard(deps.readsRequireKey),
  conditionalRead,
  ...(deps.cache === undefined
    ? []
    : [cachedRead(deps.cache, deps.dataVersion, deps.readsRequireKey)]),
];

/**
 * A route with its middleware, in order, after the strict query check (undeclared or
 * repeated query parameters are a 400: `strictQuery.ts`), and, for a read that declares
 * `form` and `provenance`, the representation of its answer last. Every route is
 * registered through this.
 */
export const guarded = <R extends RouteConfig>(
  route: R,
  ...middleware: MiddlewareHandler<AppEnv>[]
): R & { middleware: MiddlewareHandler<AppEnv>[] } => ({
  ...route,
  middleware: [
    strictQuery(route),
    ...middleware,
    // Innermost: the read cache keeps the represented bytes.
    ...(hasRepresentations(declaredQueryNames(route)) ? [represent] : []),
  ],
});
