/**
 * @module today
 * Today's date (UTC, `YYYY-MM-DD`) for the hot path: the domain's `today()`, worked out
 * again at most once a second (and at midnight), so that a read that defaults `validAt` does
 * not format a date per request. Every part of the API asks this module.
 */
import { today as domainToday } from "@care-atlas/domain";

let until = 0;
let current = "";

/**
 * Today's date, UTC.
 *
 * @example
 * ```ts
 * today(); // e.g. "2026-12-01"
 * ```
 */
export const today = (): string => {
  const now = Date.now();
  if (now >= until) {
    current = domainToday(new Date(now));
    until = Math.min(now + 1000, (Math.floor(now / 86_400_000) + 1) * 86_400_000);
  }
  return current;
};
