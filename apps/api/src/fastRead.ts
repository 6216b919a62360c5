/**
 * @module fastRead
 * The hot path: an open read whose answer the read cache holds for the current data version
 * and day is answered by the first middleware, with the same status, headers, body and
 * access-log line as the full chain gives it (request id → access log → security headers →
 * read guard → read cache), but without the rest of the chain: no Headers objects (the
 * response's headers are one plain object, which @hono/node-server writes as is), no
 * routing to the route's middleware, no body-limit check.
 *
 * It also answers a remembered miss (the 404 problem of a read, with this request's id), and
 * a cached answer compressed (br or gzip) when `Accept-Encoding` asks and the answer is at
 * least 1 KB (the compressed bytes are kept with the answer).
 *
 * It steps aside (the full chain answers) for anything else: a method other than GET, an
 * `asOf` read, a request that presents a key (it must be verified), reads that need a key,
 * a request for CSV or NDJSON (streamed, never cached), a cross-origin request when CORS is
 * on, a read-your-writes request (`Min-Data-Version`), a cache miss or a stale entry, and a
 * request its address's rate limit refuses (the chain answers the 429). It charges the rate
 * limit only for what it answers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";
import { etagMatches } from "./http/Etag.js";
import { chooseEncoding, encodedEtag } from "./http/encoding.js";
import { today } from "./http/today.js";
import type { Logger } from "./logger.js";
import { socketAddressOf } from "./middleware/limits.js";
import { securityHeaderList } from "./middleware/securityHeaders.js";
import { missBody, type ReadCache } from "./readCache.js";
import { openCachePolicy, readVary } from "./routes/shared/reads.js";
import { wantsStream } from "./routes/shared/representations.js";

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id of a request: the caller's `X-Request-Id` when well-formed, a new UUID
 * otherwise (the same rule as the app's request-id middleware).
 */
export const requestIdOf = (incoming: string | undefined): string => {
  if (incoming !== undefined && incoming !== "" && incoming.length <= 128) {
    if (!/[^\w\-=]/.test(incoming) || requestIdPattern.test(incoming)) return incoming;
  }
  return crypto.randomUUID();
};

/** What the fast path needs. */
export interface FastReadOptions {
  readonly cache: ReadCache;
  readonly dataVersion: () => number;
  readonly logger: Logger;
  /** When reads need a key, every read takes the full chain. */
  readonly readsRequireKey: boolean;
  /** When CORS is on, a request with an `Origin` takes the full chain. */
  readonly cors: boolean;
  /**
   * Charges the client's address one request of its rate limit: `false` when the limit
   * refuses it (nothing is charged then, and the full chain answers 429).
   */
  readonly admit?: (socketAddress: string | undefined, forwardedFor: string | undefined) => boolean;
}

/** Node's request headers, when served by @hono/node-server (no Headers object needed). */
type IncomingHeaders = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>;

const incomingHeaders = (env: unknown): IncomingHeaders | undefined => {
  const incoming = (env as { incoming?: { headers?: unknown } } | undefined)?.incoming;
  const headers = incoming?.headers;
  return typeof headers === "object" && headers !== null ? (headers as IncomingHeaders) : undefined;
};

const one = (value: string | ReadonlyArray<string> | undefined): string | undefined =>
  typeof value === "string" ? value : value?.[0];

/** A request header (lower-case name) from Node's headers, or from a Fetch Request's. */
const headerOf = (
  node: IncomingHeaders | undefined,
  fetched: Headers | undefined,
  name: string,
): string | undefined => {
  if (node !== undefined) return one(node[name]);
  return fetched?.get(name) ?? undefined;
};

/** The headers every cached read is answered with, besides its request id and ETag. */
const fixedHeaders = (): Record<string, string> => {
  const fixed: Record<string, string> = {};
  for (const [name, value] of securityHeaderList) fixed[name] = value;
  // Only open reads without a key take the fast path: a shared cache may keep them.
  fixed["Cache-Control"] = openCachePolicy;
  fixed.Vary = readVary;
  return fixed;
};

/** The headers of a remembered miss (a 404 problem), besides its request id and type. */
const missHeaders: Record<string, string> = (() => {
  const headers: Record<string, string> = {};
  for (const [name, value] of securityHeaderList) headers[name] = value;
  headers["Cache-Control"] = "no-store";
  headers.Vary = "Accept-Encoding";
  return headers;
})();

/** The first middleware of the app: serves cached open reads (see the module comment). */
export const fastRead = (options: FastReadOptions): MiddlewareHandler<AppEnv> => {
  const fixed = fixedHeaders();
  return async function fastReadMiddleware(c, next) {
    if (options.readsRequireKey) return next();
    const raw = c.req.raw;
    if (raw.method !== "GET") return next();
    const url = raw.url;
    const pathStart = url.indexOf("/", url.indexOf("//") + 2);
    if (url.startsWith("/v1/", pathStart) === false || url.includes("asOf=")) return next();
    // Node's headers when served by @hono/node-server; a Fetch Request's otherwise.
    const nodeHeaders = incomingHeaders(c.env);
    const fetchHeaders = nodeHeaders === undefined ? raw.headers : undefined;
    if (
      headerOf(nodeHeaders, fetchHeaders, "authorization") !== undefined ||
      headerOf(nodeHeaders, fetchHeaders, "x-api-key") !== undefined
    ) {
      return next();
    }
    if (options.cors && headerOf(nodeHeaders, fetchHeaders, "origin") !== undefined) return next();
    if (wantsStream(headerOf(nodeHeaders, fetchHeaders, "accept"))) return next();
    if (headerOf(nodeHeaders, fetchHeaders, "min-data-version") !== undefined) return next();
    const key = url.slice(pathStart);
    const version = options.dataVersion();
    const day = today();
    const hit = options.cache.get(key);
    const fresh = hit !== undefined && hit.version === version && hit.day === day;
    const missed = fresh ? undefined : options.cache.miss(key);
    if (!fresh && (missed === undefined || missed.version !== version || missed.day !== day)) {
      return next();
    }
    if (
      options.admit !== undefined &&
      !options.admit(socketAddressOf(c.env), headerOf(nodeHeaders, fetchHeaders, "x-forwarded-for"))
    ) {
      return next();
    }
    const started = performance.now();
    const requestId = requestIdOf(headerOf(nodeHeaders, fetchHeaders, "x-request-id"));
    let response: Response;
    if (hit === undefined || !fresh) {
      if (missed === undefined) return next();
      response = new Response(missBody(missed, requestId), {
        status: 404,
        headers: { "X-Request-Id": requestId, ...missHeaders, "Content-Type": missed.type },
      });
    } else {
      const match = headerOf(nodeHeaders, fetchHeaders, "if-none-match");
      const encoding = chooseEncoding(headerOf(nodeHeaders, fetchHeaders, "accept-encoding"));
      const encoded = encoding === undefined ? undefined : options.cache.encoded(hit, encoding);
      const etag =
        encoding !== undefined && encoded !== undefined
          ? encodedEtag(hit.etag, encoding)
          : hit.etag;
      // One plain object (no Headers), of one shape per status.
      response =
        match !== undefined && etagMatches(match, hit.etag)
          ? new Response(null, {
              status: 304,
              headers: { "X-Request-Id": requestId, ...fixed, ETag: etag },
            })
          : encoding !== undefined && encoded !== undefined
            ? new Response(encoded, {
                status: 200,
                headers: {
                  "X-Request-Id": requestId,
                  ...fixed,
                  ETag: etag,
                  "Content-Type": hit.type,
                  "Content-Encoding": encoding,
                },
              })
            : new Response(hit.body, {
                status: 200,
                headers: {
                  "X-Request-Id": requestId,
                  ...fixed,
                  ETag: etag,
                  "Content-Type": hit.type,
                },
              });
    }
    options.logger.request?.(
      requestId,
      "GET",
      c.req.path,
      response.status,
      performance.now() - started,
    );
    return response;
  };
};

/**
 * The same hot path one step earlier, in Node's request listener before @hono/node-server
 * and Hono (no Request, no Context, no routing, no Response): answers a cached open read
 * and returns `true`, or returns `false` and leaves the request to the app, whose first
 * middleware ({@link fastRead}) tries again. Plain request targets only (`/v1/…` with no
 * dot segment, fragment, malformed escape or `%25`): the cache key is the target as sent,
 * the logged path its path decoded as Hono decodes it.
 */
export type NodeFastRead = (req: IncomingMessage, res: ServerResponse) => boolean;

const malformedEscape = /%(?![0-9A-Fa-f]{2})/;

/** Builds the {@link NodeFastRead} of an app (`createApp` does; `nodeFastReadOf` finds it). */
export const nodeFastRead = (options: FastReadOptions): NodeFastRead => {
  const fixed = fixedHeaders();
  return (req, res) => {
    if (options.readsRequireKey || req.method !== "GET") return false;
    const url = req.url;
    if (url === undefined || !url.startsWith("/v1/")) return false;
    if (url.includes("/.") || url.includes("#") || url.includes("asOf=")) return false;
    const escaped = url.includes("%");
    // Percent-escapes: well-formed ones only, and no `%25` (Hono keeps that one encoded).
    if (escaped && (url.includes("%25") || malformedEscape.test(url))) return false;
    const headers = req.headers;
    if (headers.authorization !== undefined || headers["x-api-key"] !== undefined) return false;
    if (options.cors && headers.origin !== undefined) return false;
    if (wantsStream(headers.accept)) return false;
    if (headers["min-data-version"] !== undefined) return false;
    const version = options.dataVersion();
    const day = today();
    const hit = options.cache.get(url);
    const fresh = hit !== undefined && hit.version === version && hit.day === day;
    const missed = fresh ? undefined : options.cache.miss(url);
    if (!fresh && (missed === undefined || missed.version !== version || missed.day !== day)) {
      return false;
    }
    if (
      options.admit !== undefined &&
      !options.admit(req.socket.remoteAddress, one(headers["x-forwarded-for"]))
    ) {
      return false;
    }
    const started = performance.now();
    const requestId = requestIdOf(one(headers["x-request-id"]));
    const match = headers["if-none-match"];
    const query = url.indexOf("?");
    const target = query === -1 ? url : url.slice(0, query);
    // The path as Hono gives it to the access log (decoded).
    let path = target;
    if (escaped) {
      try {
        path = decodeURI(target);
      } catch {
        return false;
      }
    }
    if (hit === undefined || !fresh) {
      if (missed === undefined) return false;
      const body = missBody(missed, requestId);
      res.writeHead(404, {
        "X-Request-Id": requestId,
        ...missHeaders,
        "Content-Type": missed.type,
        "Content-Length": String(body.byteLength),
      });
      res.end(body);
      options.logger.request?.(requestId, "GET", path, 404, performance.now() - started);
      return true;
    }
    const encoding = chooseEncoding(one(headers["accept-encoding"]));
    const encoded = encoding === undefined ? undefined : options.cache.encoded(hit, encoding);
    const etag =
      encoding !== undefined && encoded !== undefined ? encodedEtag(hit.etag, encoding) : hit.etag;
    if (match !== undefined && etagMatches(match, hit.etag)) {
      res.writeHead(304, { "X-Request-Id": requestId, ...fixed, ETag: etag });
      res.end();
      options.logger.request?.(requestId, "GET", path, 304, performance.now() - started);
      return true;
    }
    if (encoding !== undefined && encoded !== undefined) {
      res.writeHead(200, {
        "X-Request-Id": requestId,
        ...fixed,
        ETag: etag,
        "Content-Type": hit.type,
        "Content-Encoding": encoding,
        "Content-Length": String(encoded.byteLength),
      });
      res.end(encoded);
    } else {
      res.writeHead(200, {
        "X-Request-Id": requestId,
        ...fixed,
        ETag: etag,
        "Content-Type": hit.type,
        "Content-Length": String(hit.body.byteLength),
      });
      res.end(hit.body);
    }
    options.logger.request?.(requestId, "GET", path, 200, performance.now() - started);
    return true;
  };
};
