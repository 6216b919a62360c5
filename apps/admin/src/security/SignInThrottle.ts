/**
 * @module SignInThrottle
 * Slows down password guessing: failed sign-ins are counted per account (email) and per
 * client address in a fixed window; past the limit, that account or address is refused
 * until the window ends — before any password is checked, so a locked key costs no scrypt
 * time. Memory is bounded: each table keeps at most `capacity` keys and forgets the least
 * recently used first.
 */

/** The limits of one table. */
export interface ThrottleLimit {
  /** Failures allowed in one window. */
  readonly maxFailures: number;
  /** The window, and the lock-out once the limit is reached, in milliseconds. */
  readonly windowMs: number;
}

/** The throttle's settings. */
export interface SignInThrottleOptions {
  readonly perAccount?: ThrottleLimit;
  readonly perAddress?: ThrottleLimit;
  /** The most keys each table holds. */
  readonly capacity?: number;
  /** The clock (for tests). */
  readonly now?: () => number;
}

interface Entry {
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

/** A bounded map that forgets the least recently used key. */
class LruTable {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly capacity: number) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Whether a sign-in may be tried now, and if not, for how long it is refused. */
export type ThrottleDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Counts failed sign-ins per account and per address.
 *
 * @example
 * ```ts
 * const throttle = new SignInThrottle();
 * throttle.check("someone@example.org", "192.0.2.1"); // { allowed: true }
 * throttle.failure("someone@example.org", "192.0.2.1");
 * ```
 */
export class SignInThrottle {
  private readonly accounts: LruTable;
  private readonly addresses: LruTable;
  private readonly perAccount: ThrottleLimit;
  private readonly perAddress: ThrottleLimit;
  private readonly now: () => number;

  constructor(options: SignInThrottleOptions = {}) {
    const capacity = options.capacity ?? 10_000;
    this.accounts = new LruTable(capacity);
    this.addresses = new LruTable(capacity);
    this.perAccount = options.perAccount ?? { maxFailures: 5, windowMs: 15 * 60_000 };
    this.perAddress = options.perAddress ?? { maxFailures: 20, windowMs: 15 * 60_000 };
    this.now = options.now ?? Date.now;
  }

  private static key(account: string): string {
    return account.trim().toLowerCase();
  }

  private wait(table: LruTable, key: string): number {
    const entry = table.get(key);
    if (entry === undefined) return 0;
    return Math.max(0, entry.lockedUntil - this.now());
  }

  /**
   * Whether a sign-in for `account` from `address` may be tried now. An empty address
   * (unknown) is throttled per account only, so one unknown address is not everyone's.
   */
  check(account: string, address: string): ThrottleDecision {
    const wait = Math.max(
      this.wait(this.accounts, SignInThrottle.key(account)),
      address === "" ? 0 : this.wait(this.addresses, address),
    );
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
  }

  private count(table: LruTable, key: string, limit: ThrottleLimit): void {
    const now = this.now();
    const entry = table.get(key);
    if (entry === undefined || now - entry.windowStart >= limit.windowMs) {
      table.set(key, {
        failures: 1,
        windowStart: now,
        lockedUntil: limit.maxFailures <= 1 ? now + limit.windowMs : 0,
      });
      return;
    }
    entry.failures += 1;
    if (entry.failures >= limit.maxFailures) entry.lockedUntil = now + limit.windowMs;
    table.set(key, entry);
  }

  /** Records a failed sign-in. */
  failure(account: string, address: string): void {
    this.count(this.accounts, SignInThrottle.key(account), this.perAccount);
    if (address !== "") this.count(this.addresses, address, this.perAddress);
  }

  /** Records a successful sign-in: the account's count starts again (the address's does not). */
  success(account: string): void {
    this.accounts.delete(SignInThrottle.key(account));
  }

  /** How many keys each table holds (for tests and monitoring). */
  get sizes(): { readonly accounts: number; readonly addresses: number } {
    return { accounts: this.accounts.size, addresses: this.addresses.size };
  }
}
