/**
 * @module RateLimiter
 * Rate limits as token buckets, one per key (an API key's prefix, or a client address):
 * each holds up to a minute's worth of requests and refills continuously at the limit's
 * rate, so a client may burst up to its per-minute limit and then goes at the limit's pace.
 * A request costs one token; a bulk lookup costs one per item. A request the bucket cannot
 * pay for is refused, with how long until it could be paid (`Retry-After`), and takes
 * nothing. In memory, per process: N processes behind a load balancer allow up to N times
 * the limit in all.
 */

/** What a bucket said. */
export interface RateDecision {
  readonly allowed: boolean;
  /** When a refused request could be paid for, in whole seconds (0 when allowed). */
  readonly retryAfterSeconds: number;
  /** Whether the request alone costs more than the bucket can ever hold. */
  readonly tooLarge: boolean;
}

interface Bucket {
  tokens: number;
  at: number;
}

const allowed: RateDecision = { allowed: true, retryAfterSeconds: 0, tooLarge: false };

/**
 * Token buckets of one limit.
 *
 * @example
 * ```ts
 * const perAddress = new RateLimiter(600); // 600 a minute, bursts of up to 600
 * perAddress.take("192.0.2.1").allowed; // true
 * perAddress.take("192.0.2.1", 1000).tooLarge; // true
 * ```
 */
export class RateLimiter {
  readonly perMinute: number;
  private readonly perMs: number;
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxBuckets: number;

  /** `perMinute` 0 = no limit. At most `maxBuckets` keys are remembered (the least recent go). */
  constructor(perMinute: number, maxBuckets = 100_000) {
    this.perMinute = perMinute;
    this.perMs = perMinute / 60_000;
    this.maxBuckets = maxBuckets;
  }

  /** Takes `cost` tokens from `key`'s bucket, or refuses (taking nothing). */
  take(key: string, cost = 1, now = Date.now()): RateDecision {
    if (this.perMinute === 0) return allowed;
    if (cost > this.perMinute) {
      return { allowed: false, retryAfterSeconds: 60, tooLarge: true };
    }
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: this.perMinute, at: now };
      if (this.buckets.size >= this.maxBuckets) {
        // The least recently used go first (a Map keeps insertion order; use re-inserts).
        const oldest = this.buckets.keys().next();
        if (!oldest.done) this.buckets.delete(oldest.value);
      }
    } else {
      this.buckets.delete(key);
      bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return allowed;
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / this.perMs / 1000)),
      tooLarge: false,
    };
  }

  /** How many keys it remembers. */
  get size(): number {
    return this.buckets.size;
  }
}

/** The limits of the API: per key, and per client address for requests without a key. */
export interface RateLimits {
  readonly perKey: RateLimiter;
  readonly perAddress: RateLimiter;
}

/** The limits from the configuration. */
export const rateLimits = (config: {
  readonly rateLimitKeyPerMinute: number;
  readonly rateLimitAddressPerMinute: number;
}): RateLimits => ({
  perKey: new RateLimiter(config.rateLimitKeyPerMinute),
  perAddress: new RateLimiter(config.rateLimitAddressPerMinute),
});

/**
 * The client's address: the socket's peer, or with `trustProxy` the last address in
 * `X-Forwarded-For` (the one the proxy in front of the API added).
 */
export const clientAddress = (
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: boolean,
): string => {
  if (trustProxy && forwardedFor !== undefined) {
    const last = forwardedFor.slice(forwardedFor.lastIndexOf(",") + 1).trim();
    if (last !== "") return last;
  }
  return socketAddress ?? "unknown";
};
