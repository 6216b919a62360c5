/**
 * @module readCache
 * Serialised answers to reads of the current recorded state, keyed by the request's path
 * and query and valid for one data version and one day (a defaulted `validAt` is today).
 * A hot read is then a map lookup: no validation, no service call, no JSON work. The read
 * guard runs before it, so a cached answer is never served to a caller who may not read.
 * Bounded by entries and bytes; least recently used first out (by second chance). Routes know nothing of it:
 * the middleware keeps the bytes of the answers they give.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";
import { readVary } from "./http/cachePolicy.js";
import { etagMatches } from "./http/Etag.js";
import {
  chooseEncoding,
  compress,
  type Encoding,
  encodedEtag,
  minCompressed,
} from "./http/encoding.js";
import { problemWithId, type SplitProblem, splitProblem } from "./http/fastAnswer.js";
import { today } from "./http/today.js";
import { cachePolicyOf } from "./routes/shared/reads.js";
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
  /** The answer compressed, by coding, once a client has asked for it (see {@link ReadCache.encoded}). */
  readonly encoded?: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
}

/** A remembered miss: the 404 problem a read was answered with, for one data version and day. */
export interface CachedMiss extends SplitProblem {
  readonly version: number;
  readonly day: string;
}

/** An entry of an {@link Lru}: its value, and the clock when it came in and when last used. */
interface Slot<V> {
  readonly value: V;
  inserted: number;
  used: number;
}

/**
 * A bounded cache by entries and bytes, least recently used out first — by second chance:
 * the oldest entry in goes, unless it was used since it came in, when it goes to the back
 * instead. A hit is then a field write, not a delete and a set (which on a hot read path
 * makes the map's tables over and over: garbage that outlives the young generation).
 */
class Lru<V> {
  private readonly entries = new Map<string, Slot<V>>();
  private bytes = 0;
  private clock = 0;
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const slot = this.entries.get(key);
    if (slot === undefined) return undefined;
    slot.used = ++this.clock;
    return slot.value;
  }

  set(key: string, value: V): void {
    if (this.sizeOf(value) > this.maxBytes / 16) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= this.sizeOf(old.value);
      this.entries.delete(key);
    }
    const now = ++this.clock;
    this.entries.set(key, { value, inserted: now, used: now });
    this.bytes += this.sizeOf(value);
    this.trim();
  }

  /** Counts bytes an entry gained (its compressed copies). */
  grew(by: number): void {
    this.bytes += by;
    this.trim();
  }

  private trim(): void {
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.entries().next();
      if (oldest.done) break;
      const [key, slot] = oldest.value;
      this.entries.delete(key);
      if (slot.used > slot.inserted) {
        // Used since it came in: a second chance, at the back.
        slot.inserted = slot.used;
        this.entries.set(key, slot);
        continue;
      }
      this.bytes -= this.sizeOf(slot.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

const answerSize = (entry: CachedRead): number =>
  entry.body.byteLength +
  (entry.encoded?.br?.byteLength ?? 0) +
  (entry.encoded?.gzip?.byteLength ?? 0);

/**
 * The serialised answers of reads (a bounded LRU), and beside them the reads' misses —
 * 404 problems — in an LRU of their own, so that a run of lookups of postcodes the register
 * does not hold cannot push the hot answers out.
 */
export class ReadCache {
  private readonly answers: Lru<CachedRead>;
  private readonly missed: Lru<CachedMiss>;
  constructor(maxEntries = 5_000, maxBytes = 32 * 1024 * 1024, maxMisses = 5_000) {
    this.answers = new Lru(maxEntries, maxBytes, answerSize);
    this.missed = new Lru(maxMisses, 4 * 1024 * 1024, (m) => m.head.byteLength + m.tail.byteLength);
  }

  get(key: string): CachedRead | undefined {
    return this.answers.get(key);
  }

  set(key: string, entry: CachedRead): void {
    this.answers.set(key, { ...entry, encoded: { ...entry.encoded } });
  }

  /**
   * The bytes of a cached answer in `encoding`: compressed on first use and kept with it;
   * `undefined` when the answer is too small to compress.
   */
  encoded(entry: CachedRead, encoding: Encoding): Uint8Array<ArrayBuffer> | undefined {
    if (entry.body.byteLength < minCompressed) return undefined;
    const held = entry.encoded?.[encoding];
    if (held !== undefined) return held;
    const bytes = compress(entry.body, encoding);
    if (entry.encoded !== undefined) {
      (entry.encoded as Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>)[encoding] = bytes;
      this.answers.grew(bytes.byteLength);
    }
    return bytes;
  }

  /** A remembered miss. */
  miss(key: string): CachedMiss | undefined {
    return this.missed.get(key);
  }

  /** Remembers a miss. */
  setMiss(key: string, miss: CachedMiss): void {
    this.missed.set(key, miss);
  }

  get size(): number {
    return this.answers.size;
  }

  /** How many misses it remembers. */
  get misses(): number {
    return this.missed.size;
  }
}

/**
 * A miss to remember from a 404 problem document answered with `requestId` (see
 * `splitProblem`); `undefined` when it has no request id.
 */
export const missOf = (
  version: number,
  day: string,
  type: string,
  text: string,
  requestId: string,
): CachedMiss | undefined => {
  const split = splitProblem(type, text, requestId);
  return split === undefined ? undefined : { ...split, version, day };
};

/**
 * Serves a read from the cache when it holds the answer for the current data version and
 * day — compressed when the request's `Accept-Encoding` asks and the answer is large
 * enough — otherwise lets the route answer and keeps the bytes of a 200 made at that data
 * version (the route says which with `readHeaders`). After a write, each entry is answered
 * afresh once: its ETag (a digest of the answer) is the same when its answer is. A 404
 * problem is remembered the same way, for the data version and day it was answered at, so
 * a lookup of something the register does not hold costs no more than a hit (a postcode
 * added later is found: the data version moved on). Reads with `asOf` are not cached (they
 * are answered from past models), nor are streamed lists (CSV and NDJSON).
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
      const encoding = chooseEncoding(c.req.header("accept-encoding"));
      const encoded = encoding === undefined ? undefined : cache.encoded(hit, encoding);
      if (encoding !== undefined && encoded !== undefined) {
        c.header("ETag", encodedEtag(hit.etag, encoding));
        return c.body(encoded, 200, { "Content-Type": hit.type, "Content-Encoding": encoding });
      }
      return c.body(hit.body, 200, { "Content-Type": hit.type });
    }
    const missed = cache.miss(key);
    if (missed !== undefined && missed.version === version && missed.day === day) {
      return c.body(problemWithId(missed, c.get("requestId")), 404, {
        "Content-Type": missed.type,
        "Cache-Control": "no-store",
      });
    }
    await next();
    const answer = c.res;
    if (answer.status === 404) {
      const type = answer.headers.get("content-type") ?? "";
      if (type !== "application/problem+json") return;
      const text = await answer.clone().text();
      const miss = missOf(version, day, type, text, c.get("requestId"));
      if (miss !== undefined) cache.setMiss(key, miss);
      return;
    }
    const etag = answer.headers.get("etag");
    if (answer.status !== 200 || etag === null || c.get("readVersion") !== version) return;
    const type = answer.headers.get("content-type") ?? "application/json";
    if (!type.includes("json")) return;
    const body = new Uint8Array(await answer.clone().arrayBuffer());
    cache.set(key, { version, day, etag, type, body });
  };
