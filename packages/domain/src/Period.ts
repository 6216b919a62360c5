/**
 * @module Period
 * Half-open periods of calendar dates, `[from, to)`, and their algebra. `to: null` means
 * open-ended ("still true"). Dates are ISO `YYYY-MM-DD` strings, which order correctly as
 * strings, so every comparison here is a string comparison.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";

/**
 * A calendar date, `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { IsoDate } from "@care-atlas/domain";
 * IsoDate.parse("2022-07-01");
 * ```
 */
export const IsoDate = z.iso
  .date({ error: "must be a date, YYYY-MM-DD" })
  .meta({ id: "IsoDate", description: "A calendar date, YYYY-MM-DD.", examples: ["2022-07-01"] })
  .register(fieldMeta, { label: "Date" });
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * A half-open period of dates `[from, to)`; `to: null` is open-ended.
 *
 * @example
 * ```ts
 * import { Period } from "@care-atlas/domain";
 * Period.parse({ from: "2017-04-01", to: "2022-07-01" });
 * Period.safeParse({ from: "2022-07-01", to: "2017-04-01" }).success; // false
 * ```
 */
export const Period = z
  .object({
    from: IsoDate.describe("First day the fact was true.").register(fieldMeta, { label: "From" }),
    to: IsoDate.nullable()
      .describe("First day it was no longer true; null while still true.")
      .register(fieldMeta, { label: "To (first day no longer true)" }),
  })
  .refine((p) => p.to === null || p.from < p.to, {
    error: "to must be after from",
    path: ["to"],
    // Compare only two well-formed dates; a malformed one is reported on its own field.
    when: (payload) => payload.issues.length === 0,
  })
  .meta({
    id: "Period",
    description: "A half-open period of dates [from, to); to = null means still true.",
  })
  .register(fieldMeta, { label: "Period", hint: false });
export type Period = z.infer<typeof Period>;

/** The period that starts on `from` and never ends. */
export const openFrom = (from: IsoDate): Period => ({ from, to: null });

/**
 * Whether `date` falls in `period`.
 *
 * @example
 * ```ts
 * import { contains } from "@care-atlas/domain";
 * contains({ from: "2017-04-01", to: "2022-07-01" }, "2022-06-30"); // true
 * contains({ from: "2017-04-01", to: "2022-07-01" }, "2022-07-01"); // false
 * ```
 */
export const contains = (period: Period, date: IsoDate): boolean =>
  period.from <= date && (period.to === null || date < period.to);

/**
 * Whether two periods share at least one day.
 *
 * @example
 * ```ts
 * import { overlaps } from "@care-atlas/domain";
 * overlaps({ from: "2020-01-01", to: "2021-01-01" }, { from: "2021-01-01", to: null }); // false
 * ```
 */
export const overlaps = (a: Period, b: Period): boolean =>
  (a.to === null || b.from < a.to) && (b.to === null || a.from < b.to);

const minTo = (a: IsoDate | null, b: IsoDate | null): IsoDate | null =>
  a === null ? b : b === null ? a : a < b ? a : b;

/**
 * The days two periods share, or `null` when they share none.
 *
 * @example
 * ```ts
 * import { intersect } from "@care-atlas/domain";
 * intersect({ from: "2020-01-01", to: null }, { from: "2019-01-01", to: "2021-01-01" });
 * // { from: "2020-01-01", to: "2021-01-01" }
 * ```
 */
export const intersect = (a: Period, b: Period): Period | null => {
  if (!overlaps(a, b)) return null;
  return { from: a.from > b.from ? a.from : b.from, to: minTo(a.to, b.to) };
};

/**
 * Whether `inner` lies wholly inside `outer`.
 *
 * @example
 * ```ts
 * import { within } from "@care-atlas/domain";
 * within({ from: "2020-01-01", to: "2020-02-01" }, { from: "2019-01-01", to: null }); // true
 * ```
 */
export const within = (inner: Period, outer: Period): boolean =>
  outer.from <= inner.from && (outer.to === null || (inner.to !== null && inner.to <= outer.to));

/**
 * The smallest set of disjoint, non-adjacent periods covering the same days as `periods`,
 * sorted by start.
 *
 * @example
 * ```ts
 * import { merge } from "@care-atlas/domain";
 * merge([{ from: "2020-01-01", to: "2020-02-01" }, { from: "2020-02-01", to: null }]);
 * // [{ from: "2020-01-01", to: null }]
 * ```
 */
export const merge = (periods: ReadonlyArray<Period>): Period[] => {
  const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: Period[] = [];
  for (const period of sorted) {
    const last = merged.at(-1);
    if (last && (last.to === null || period.from <= last.to)) {
      if (last.to !== null && (period.to === null || period.to > last.to)) last.to = period.to;
    } else {
      merged.push({ from: period.from, to: period.to });
    }
  }
  return merged;
};

/**
 * The parts of `within` that none of `periods` covers, sorted by start.
 *
 * @example
 * ```ts
 * import { gaps } from "@care-atlas/domain";
 * gaps([{ from: "2020-01-01", to: "2020-02-01" }], { from: "2020-01-01", to: "2020-03-01" });
 * // [{ from: "2020-02-01", to: "2020-03-01" }]
 * ```
 */
export const gaps = (periods: ReadonlyArray<Period>, span: Period): Period[] => {
  const result: Period[] = [];
  let cursor: IsoDate | null = span.from;
  for (const period of merge(periods)) {
    if (cursor === null) break;
    const clipped = intersect(period, span);
    if (clipped === null) continue;
    if (clipped.from > cursor) result.push({ from: cursor, to: clipped.from });
    cursor = clipped.to === null ? null : clipped.to > cursor ? clipped.to : cursor;
  }
  if (cursor !== null && (span.to === null || cursor < span.to)) {
    result.push({ from: cursor, to: span.to });
  }
  return result;
};

/** Anything that carries a valid period. */
export interface Valid {
  readonly valid: Period;
}

/**
 * The versions whose valid period contains `date`.
 *
 * @example
 * ```ts
 * import { validAt } from "@care-atlas/domain";
 * validAt([{ valid: { from: "2013-04-01", to: "2017-04-01" } }], "2016-06-01").length; // 1
 * ```
 */
export const validAt = <T extends Valid>(versions: ReadonlyArray<T>, date: IsoDate): T[] =>
  versions.filter((version) => contains(version.valid, date));

/**
 * Today's date in UTC, `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { today } from "@care-atlas/domain";
 * today(); // e.g. "2026-11-23"
 * ```
 */
export const today = (now: Date = new Date()): IsoDate => now.toISOString().slice(0, 10);
