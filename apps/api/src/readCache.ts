/**
 * @module readCache
 * Serialised answers to reads of the current recorded state, keyed by the request's path
 * and query and valid for one data version and one day (a defaulted `validAt` is today).
 * A hot read is then a map lookup: no validation, no service call, no JSON work. The read
 * guard runs before it, so a cached answer is never served to a caller who may not read.
 * Bounded by entries and bytes; least recently used first out. Routes know nothing of it:
 * the middleware keeps the bytes of the answers they give.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";
import { etagMatches } from "./http/Etag.js";
import { today } from "./http/today.js";
import { cachePolicyOf, readVary } from "./routes/shared/reads.js";
import { wantsStream } from "./routes/shared/representations.js";

/** One cached answer. */
export interface CachedRead {
  readonly version: number;
  readonly day: string;
  readonly etag: string;
  /**
   * Its media type (`application/json`, the compact form's, `application/fhir+json`,
   * `application/geo+json`).
   */
  readonly type: string;
  /** The answer, already UTF-8 encoded (no encoding work per hit). */
  readonly body: Uint8Array<ArrayBuffer>;
}

/** A bounded LRU of serialised reads. */
export class ReadCache {
  private readonly entries = new Map<string, CachedRead>();
  private bytes = 0;
  constructor(
    private readonly maxEntries = 5_000,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  get(key: string): CachedRead | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedRead): void {
    if (entry.body.byteLength > this.maxBytes / 16) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= old.body.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      const dropped = this.entries.get(oldest.value);
      this.entries.delete(oldest.value);
      this.bytes -= dropped?.body.byteLength ?? 0;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Serves a read from the cache when it holds the answer for the current data version and
 * day; otherwise lets the route answer and keeps the bytes of a 200 made at that data
 * version (the route says which with `readHeaders`). After a write, each entry is answered
 * afresh once: its ETag (a digest of the answer) is the same when its answer is. Reads with
 * `asOf` are not cached (they are answered from past models), nor are streamed lists (CSV
 * and NDJSON).
 */
export const cachedRead = (
  cache: ReadCache,
  dataVersion: () => number,
  readsRequireKey: boolean,
): MiddlewareHandler<AppEnv> =>
  async function cachedReadMiddleware(c, next) {
    const url = c.req.url;
    if (c.req.method !== "GET" || url.includes("asOf=") || wantsStream(c.req.header("accept"))) {
      return next();
    }
    const key = url.slice(url.indexOf("/", url.indexOf("//") + 2));
    const version = dataVersion();
    const day = today();
    const hit = cache.get(key);
    if (hit !== undefined && hit.version === version && hit.day === day) {
      c.header("ETag", hit.etag);
      c.header("Cache-Control", cachePolicyOf(c, readsRequireKey));
      c.header("Vary", readVary);
      const match = c.req.header("if-none-match");
      if (match !== undefined && etagMatches(match, hit.etag)) return c.body(null, 304);
      return c.body(hit.body, 200, { "Content-Type": hit.type });
    }
    await next();
    const answer = c.res;
    const etag = answer.headers.get("etag");
    if (answer.status !== 200 || etag === null || c.get("readVersion") !== version) return;
    const type = answer.headers.get("content-type") ?? "application/json";
    if (!type.includes("json")) return;
    const body = new Uint8Array(await answer.clone().arrayBuffer());
    cache.set(key, { version, day, etag, type, body });
  };
