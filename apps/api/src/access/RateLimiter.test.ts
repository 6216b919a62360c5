import { describe, expect, it } from "vitest";
import { clientAddress, RateLimiter } from "./RateLimiter.js";

describe("RateLimiter", () => {
  it("allows a burst of a minute's worth, then the limit's pace, taking nothing when it refuses", () => {
    const limiter = new RateLimiter(60); // one a second
    const t = 1_000_000;
    for (let i = 0; i < 60; i++) expect(limiter.take("a", 1, t).allowed).toBe(true);
    const refused = limiter.take("a", 1, t);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1, tooLarge: false });
    // Refusals take nothing: still one token a second later.
    expect(limiter.take("a", 1, t + 999).allowed).toBe(false);
    expect(limiter.take("a", 1, t + 1000).allowed).toBe(true);
    expect(limiter.take("a", 1, t + 1000).allowed).toBe(false);
    // Another key has its own bucket.
    expect(limiter.take("b", 1, t).allowed).toBe(true);
  });

  it("counts a bulk request by its size, and says how long until it can be paid", () => {
    const limiter = new RateLimiter(600); // ten a second
    const t = 5_000;
    expect(limiter.take("k", 500, t).allowed).toBe(true);
    const refused = limiter.take("k", 200, t);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(10); // 100 short, at ten a second
    expect(limiter.take("k", 601, t)).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
      tooLarge: true,
    });
  });

  it("has no limit at 0, and forgets the least recently used keys beyond its size", () => {
    const none = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(none.take("x").allowed).toBe(true);
    const small = new RateLimiter(1, 2);
    small.take("a", 1, 0);
    small.take("b", 1, 0);
    small.take("a", 1, 0); // a is now the most recent
    small.take("c", 1, 0); // forgets b
    expect(small.size).toBe(2);
    expect(small.take("a", 1, 0).allowed).toBe(false); // a was remembered
    expect(small.take("b", 1, 0).allowed).toBe(true); // b starts afresh
  });
});

describe("clientAddress", () => {
  it("uses the socket, or behind a trusted proxy the last forwarded address", () => {
    expect(clientAddress("10.0.0.1", "192.0.2.9", false)).toBe("10.0.0.1");
    expect(clientAddress("10.0.0.1", "203.0.113.5, 192.0.2.9", true)).toBe("192.0.2.9");
    expect(clientAddress("10.0.0.1", undefined, true)).toBe("10.0.0.1");
    expect(clientAddress(undefined, undefined, false)).toBe("unknown");
  });
});
