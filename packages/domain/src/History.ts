/**
 * @module History
 * Operations over one entity's valid-time history: its versions sorted by `valid.from`,
 * with no two versions overlapping. Every function is pure and returns a new array; the
 * versions themselves are never mutated (trimmed versions are shallow copies with a new
 * `valid` period).
 *
 * Exported from the package as a namespace, so that its names do not collide with the
 * snapshot queries: `import { History } from "@care-atlas/domain"; History.putVersion(…)`.
 */
import { contains, type IsoDate, type Period, type Valid } from "./Period.js";

const byFrom = (a: Valid, b: Valid): number =>
  a.valid.from < b.valid.from ? -1 : a.valid.from > b.valid.from ? 1 : 0;

const withValid = <T extends Valid>(version: T, valid: Period): T => ({ ...version, valid });

/**
 * A sequenced update: `version` becomes what was true during its valid period. Versions
 * that overlap that period are trimmed to the days outside it (a version that straddles it
 * is split in two); versions outside it are kept as they are.
 *
 * @example
 * ```ts
 * import { History, type Period } from "@care-atlas/domain";
 * const history: Array<{ name: string; valid: Period }> = [
 *   { name: "Old", valid: { from: "2020-01-01", to: null } },
 * ];
 * History.putVersion(history, { name: "Interim", valid: { from: "2021-01-01", to: "2022-01-01" } });
 * // [
 * //   { name: "Old", valid: { from: "2020-01-01", to: "2021-01-01" } },
 * //   { name: "Interim", valid: { from: "2021-01-01", to: "2022-01-01" } },
 * //   { name: "Old", valid: { from: "2022-01-01", to: null } },
 * // ]
 * ```
 */
export const putVersion = <T extends Valid>(history: ReadonlyArray<T>, version: T): T[] => {
  const { from, to } = version.valid;
  const result: T[] = [];
  for (const existing of history) {
    const valid = existing.valid;
    const endsBefore = valid.to !== null && valid.to <= from;
    const startsAfter = to !== null && valid.from >= to;
    if (endsBefore || startsAfter) {
      result.push(existing);
      continue;
    }
    if (valid.from < from) result.push(withValid(existing, { from: valid.from, to: from }));
    if (to !== null && (valid.to === null || valid.to > to)) {
      result.push(withValid(existing, { from: to, to: valid.to }));
    }
  }
  result.push(version);
  return result.sort(byFrom);
};

/**
 * Closes a history on `date`: versions that start on or after it are dropped and the one
 * that contains it ends on it, so nothing is valid on or after `date`. Closing a history
 * on or before its first day leaves it empty.
 *
 * @example
 * ```ts
 * import { History } from "@care-atlas/domain";
 * History.endHistory([{ valid: { from: "2013-04-01", to: null } }], "2017-04-01");
 * // [{ valid: { from: "2013-04-01", to: "2017-04-01" } }]
 * ```
 */
export const endHistory = <T extends Valid>(history: ReadonlyArray<T>, date: IsoDate): T[] => {
  const result: T[] = [];
  for (const version of history) {
    if (version.valid.from >= date) continue;
    if (version.valid.to === null || version.valid.to > date) {
      result.push(withValid(version, { from: version.valid.from, to: date }));
    } else {
      result.push(version);
    }
  }
  return result.sort(byFrom);
};

/**
 * The span of a history, from the first day of its first version to the end of its last
 * (`to: null` while it is still open), or `undefined` for an empty history. Gaps between
 * versions are inside the span.
 *
 * @example
 * ```ts
 * import { History } from "@care-atlas/domain";
 * History.lifetime([
 *   { valid: { from: "2013-04-01", to: "2017-04-01" } },
 *   { valid: { from: "2017-04-01", to: "2022-07-01" } },
 * ]); // { from: "2013-04-01", to: "2022-07-01" }
 * History.lifetime([]); // undefined
 * ```
 */
export const lifetime = (history: ReadonlyArray<Valid>): Period | undefined => {
  let from: IsoDate | undefined;
  let to: IsoDate | null | undefined;
  for (const { valid } of history) {
    if (from === undefined || valid.from < from) from = valid.from;
    if (to === undefined) to = valid.to;
    else if (to !== null && (valid.to === null || valid.to > to)) to = valid.to;
  }
  return from === undefined || to === undefined ? undefined : { from, to };
};

/**
 * The version valid on `date`, or `undefined` when none is.
 *
 * @example
 * ```ts
 * import { History } from "@care-atlas/domain";
 * const history = [
 *   { name: "A", valid: { from: "2013-04-01", to: "2017-04-01" } },
 *   { name: "B", valid: { from: "2017-04-01", to: null } },
 * ];
 * History.versionAt(history, "2017-04-01")?.name; // "B"
 * History.versionAt(history, "2000-01-01"); // undefined
 * ```
 */
export const versionAt = <T extends Valid>(
  history: ReadonlyArray<T>,
  date: IsoDate,
): T | undefined => history.find((version) => contains(version.valid, date));
