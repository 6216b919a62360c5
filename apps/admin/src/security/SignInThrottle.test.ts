import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./SignInThrottle.js";

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe("SignInThrottle", () => {
  it("locks an account after its limit of failures, from any address", () => {
    const time = clock();
    const throttle = new SignInThrottle({
      perAccount: { maxFailures: 3, windowMs: 60_000 },
      perAddress: { maxFailures: 100, windowMs: 60_000 },
      now: time.now,
    });
    for (let i = 0; i < 2; i++) throttle.failure("Synthetic@Example.org", `192.0.2.${i}`);
    expect(throttle.check("synthetic@example.org", "198.51.100.1").allowed).toBe(true);
    throttle.failure("synthetic@example.org", "192.0.2.9");
    const decision = throttle.check("SYNTHETIC@example.org", "198.51.100.1");
    expect(decision).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(throttle.check("other@example.org", "198.51.100.1").allowed).toBe(true);
    time.advance(60_000);
    expect(throttle.check("synthetic@example.org", "198.51.100.1").allowed).toBe(true);
  });

  it("locks an address that tries many accounts", () => {
    const time = clock();
    const throttle = new SignInThrottle({
      perAccount: { maxFailures: 100, windowMs: 60_000 },
      perAddress: { maxFailures: 4, windowMs: 60_000 },
      now: time.now,
    });
    for (let i = 0; i < 4; i++) throttle.failure(`user${i}@example.org`, "192.0.2.1");
    expect(throttle.check("fresh@example.org", "192.0.2.1").allowed).toBe(false);
    expect(throttle.check("fresh@example.org", "192.0.2.2").allowed).toBe(true);
  });

  it("starts the account's count again after a success", () => {
    const throttle = new SignInThrottle({ perAccount: { maxFailures: 2, windowMs: 60_000 } });
    throttle.failure("a@example.org", "192.0.2.1");
    throttle.success("a@example.org");
    throttle.failure("a@example.org", "192.0.2.1");
    expect(throttle.check("a@example.org", "192.0.2.1").allowed).toBe(true);
  });

  it("forgets failures once the window has passed", () => {
    const time = clock();
    const throttle = new SignInThrottle({
      perAccount: { maxFailures: 2, windowMs: 1_000 },
      now: time.now,
    });
    throttle.failure("a@example.org", "192.0.2.1");
    time.advance(1_000);
    throttle.failure("a@example.org", "192.0.2.1");
    expect(throttle.check("a@example.org", "192.0.2.1").allowed).toBe(true);
  });

  it("holds at most `capacity` keys per table", () => {
    const throttle = new SignInThrottle({ capacity: 50 });
    for (let i = 0; i < 10_000; i++)
      throttle.failure(`user${i}@example.org`, `10.0.${i >> 8}.${i & 255}`);
    expect(throttle.sizes).toEqual({ accounts: 50, addresses: 50 });
  });
});
