/**
 * @module Versions
 * Which of an entity's versions a page shows: the one valid on the page's date, else the
 * latest (a closed organisation, a neighbourhood that starts next April).
 */
import { type Entity, History } from "@care-atlas/domain";

/** The versions of an entity to show on a date (never empty: the services' `getVersions`). */
export interface ShownVersion<T extends Entity> {
  readonly version: T;
  /** Whether `version` is valid on the date (else it is the latest). */
  readonly validOnDate: boolean;
}

/**
 * The version valid on the date, else the latest one.
 *
 * @example
 * ```ts
 * const { versions } = yield* register.getVersions("organisation", id);
 * shownVersion(versions, "2016-06-01"); // { version: …, validOnDate: false } for a body opened in 2017
 * ```
 */
export const shownVersion = <T extends Entity>(
  versions: ReadonlyArray<T>,
  date: string,
): ShownVersion<T> => {
  const on = History.versionAt(versions, date);
  const version = on ?? versions.at(-1);
  if (version === undefined) throw new RangeError("an entity has at least one version");
  return { version, validOnDate: on !== undefined };
};
