/**
 * @module dates
 * Date helpers for the build. The register's periods are half-open, `[from, to)`; ODS and
 * ePCN publish *inclusive* last days (a CCG "closed 2017-03-31" was open on the 31st), so a
 * published close date becomes `to` = the next day.
 */
import type { IsoDate, Period } from "@care-atlas/domain";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Throws unless `text` is a real calendar date, `YYYY-MM-DD`. */
export const checkedDate = (text: string, what: string): IsoDate => {
  const date = new Date(`${text}T00:00:00Z`);
  if (
    !isoDate.test(text) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== text
  ) {
    throw new Error(`${what}: "${text}" is not a date (YYYY-MM-DD)`);
  }
  return text;
};

/**
 * The day after `date`.
 *
 * @example
 * ```ts
 * nextDay("2017-03-31"); // "2017-04-01"
 * ```
 */
export const nextDay = (date: IsoDate): IsoDate => {
  const day = new Date(`${checkedDate(date, "nextDay")}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

/**
 * The day before `date`: for a successor that opens on `date`, the last day its
 * predecessor was open (ODS's inclusive close date).
 *
 * @example
 * ```ts
 * previousDay("2017-10-01"); // "2017-09-30"
 * ```
 */
export const previousDay = (date: IsoDate): IsoDate => {
  const day = new Date(`${checkedDate(date, "previousDay")}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
};

/**
 * The half-open period of a record published with an open date and an inclusive close date
 * (empty while open), as ODS and ePCN publish them.
 *
 * @example
 * ```ts
 * inclusivePeriod("2013-04-01", "2017-03-31"); // { from: "2013-04-01", to: "2017-04-01" }
 * inclusivePeriod("2017-04-01", ""); // { from: "2017-04-01", to: null }
 * ```
 */
export const inclusivePeriod = (open: string, close: string, what = "period"): Period => ({
  from: checkedDate(open, `${what} start`),
  to: close === "" ? null : nextDay(checkedDate(close, `${what} end`)),
});

/** The earliest of some dates. */
export const earliest = (dates: Iterable<IsoDate>): IsoDate | undefined => {
  let first: IsoDate | undefined;
  for (const date of dates) if (first === undefined || date < first) first = date;
  return first;
};
