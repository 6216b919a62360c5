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
 * least 1 KB (the compressed bytes are kept with the answer). A postcode lookup the cache
 * does not hold is answered by the postcode hot path (`fastPostcode.ts`) when one is given.
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
import type { FastPostcodes } from "./fastPostcode.js";
import { type FastAnswer, fastResponse } from "./http/fastAnswer.js";
import { today } from "./http/today.js";
import type { Logger } from "./logger.js";
import { socketAddressOf } from "./middleware/limits.js";
import type { ReadCache } from "./readCache.js";
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
  /** Postcode lookups the cache does not hold (`fastPostcode.ts`). */
  readonly postcodes?: FastPostcodes;
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

/**
 * The hot path's answer to `GET target` (the request target as sent, the cache's key;
 * `path`, its path decoded): the read cache's answer or remembered miss for the current
 * data version and day, else the postcode hot path's; `undefined` when neither has one.
 */
const answerOf = (
  options: FastReadOptions,
  target: string,
  path: () => string | undefined,
): FastAnswer | undefined => {
  const version = options.dataVersion();
  const day = today();
  const hit = options.cache.get(target);
  if (hit !== undefined && hit.version === version && hit.day === day) {
    return {
      kind: "read",
      etag: hit.etag,
      type: hit.type,
      body: hit.body,
      encoded: (encoding) => options.cache.encoded(hit, encoding),
    };
  }
  const missed = options.cache.miss(target);
  if (missed !== undefined && missed.version === version && missed.day === day) {
    return { kind: "problem", status: 404, problem: missed };
  }
  if (options.postcodes === undefined) return undefined;
  const decoded = path();
  if (decoded === undefined) return undefined;
  const answer = options.postcodes.answer(target, decoded, version, day);
  // Remembered as the route's 404 would be: a miss asked again costs a map lookup.
  if (answer?.kind === "problem" && answer.status === 404) {
    options.cache.setMiss(target, { ...answer.problem, version, day });
  }
  return answer;
};

/** The first middleware of the app: serves cached open reads (see the module comment). */
export const fastRead = (options: FastReadOptions): MiddlewareHandler<AppEnv> =>
  async function fastReadMiddleware(c, next) {
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
    const started = performance.now();
    const answer = answerOf(options, url.slice(pathStart), () => c.req.path);
    if (answer === undefined) return next();
    if (
      options.admit !== undefined &&
      !options.admit(socketAddressOf(c.env), headerOf(nodeHeaders, fetchHeaders, "x-forwarded-for"))
    ) {
      return next();
    }
    const requestId = requestIdOf(headerOf(nodeHeaders, fetchHeaders, "x-request-id"));
    const sent = fastResponse(
      answer,
      requestId,
      headerOf(nodeHeaders, fetchHeaders, "if-none-match"),
      headerOf(nodeHeaders, fetchHeaders, "accept-encoding"),
    );
    const response = new Response(sent.body as Uint8Array<ArrayBuffer> | null, {
      status: sent.status,
      headers: sent.headers,
    });
    options.logger.request?.(
      requestId,
      "GET",
      c.req.path,
      sent.status,
      performance.now() - started,
    );
    return response;
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

/** The path of a request target, decoded as Hono decodes it; `null` when it cannot be. */
const decodedPath = (url: string, escaped: boolean): string | null => {
  const query = url.indexOf("?");
  const target = query === -1 ? url : url.slice(0, query);
  if (!escaped) return target;
  try {
    return decodeURI(target);
  } catch {
    return null;
  }
};

/** Builds the {@link NodeFastRead} of an app (`createApp` does; `nodeFastReadOf` finds it). */
export const nodeFastRead =
  (options: FastReadOptions): NodeFastRead =>
  (req, res) => {
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
    const started = performance.now();
    // The path as Hono gives it to the access log and problems (decoded), once asked for.
    let path: string | null | undefined;
    const pathOf = (): string | undefined => {
      if (path === undefined) path = decodedPath(url, escaped);
      return path ?? undefined;
    };
    const answer = answerOf(options, url, pathOf);
    if (answer === undefined) return false;
    const logged = pathOf();
    if (logged === undefined) return false;
    if (
      options.admit !== undefined &&
      !options.admit(req.socket.remoteAddress, one(headers["x-forwarded-for"]))
    ) {
      return false;
    }
    const requestId = requestIdOf(one(headers["x-request-id"]));
    const sent = fastResponse(
      answer,
      requestId,
      headers["if-none-match"],
      one(headers["accept-encoding"]),
    );
    const body = sent.body;
    if (body === null) {
      res.writeHead(sent.status, sent.headers);
      res.end();
    } else {
      sent.headers["Content-Length"] = String(body.byteLength);
      res.writeHead(sent.status, sent.headers);
      res.end(body);
    }
    options.logger.request?.(requestId, "GET", logged, sent.status, performance.now() - started);
    return true;
  };
