/**
 * @module directory
 * Display names for any id: the register as a directory of names, for pages and reports
 * that show many references (a change list, a membership table) and need what each id is
 * called — on a date, or by its latest version when it has none then, so that a closed
 * CCG still has its name. One answer from one read model; pure lookups from then on.
 */
import {
  displayName,
  type Entity,
  type EntityKind,
  History,
  type Lsoa,
  type Source,
} from "@care-atlas/domain";
import { Effect } from "effect";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";
import type { ReadModel } from "../ReadModel.js";

/** One entity of a kind, by its latest name. */
export interface DirectoryEntry {
  readonly id: string;
  readonly name: string;
}

/** Names and versions of every id the register holds, as recorded at one data version. */
export interface Directory {
  readonly dataVersion: number;
  /**
   * What `id` is called on `date` (by its latest version when it has none on the date, or
   * when no date is given); the id itself when the register does not know it.
   */
  readonly name: (id: string, date?: string) => string;
  /** The version of `id` valid on `date`, else its latest; `undefined` for an unknown id. */
  readonly version: (id: string, date?: string) => Entity | undefined;
  /** Whether `id` has a version valid on `date`. */
  readonly validOn: (id: string, date: string) => boolean;
  /** How many entities of a kind the register holds (any date). */
  readonly count: (kind: EntityKind) => number;
  /** Every entity of a kind, by the name of its latest version, sorted by name. */
  readonly entries: (kind: EntityKind) => ReadonlyArray<DirectoryEntry>;
  /** An LSOA by code. */
  readonly lsoa: (code: string) => Lsoa | undefined;
  /** A source by key. */
  readonly source: (key: string) => Source | undefined;
}

/** Options of `directory`. */
export interface DirectoryOptions {
  /** As the register had recorded it at this time (default: now). */
  readonly asOf?: Date | undefined;
}

export type DirectoryVerb = (
  options?: DirectoryOptions,
) => Effect.Effect<Directory, ValidationFailed | StoreUnavailable>;

/** The directory of one read model. */
export const directoryOf = (model: ReadModel): Directory => {
  const version = (id: string, date?: string): Entity | undefined => {
    const versions = model.history(id)?.versions;
    if (versions === undefined) return undefined;
    return (date === undefined ? undefined : History.versionAt(versions, date)) ?? versions.at(-1);
  };
  const entries = new Map<EntityKind, ReadonlyArray<DirectoryEntry>>();
  return {
    dataVersion: model.seq,
    version,
    name: (id, date) => {
      const found = version(id, date);
      return found === undefined ? id : displayName(found);
    },
    validOn: (id, date) => {
      const versions = model.history(id)?.versions;
      return versions !== undefined && History.versionAt(versions, date) !== undefined;
    },
    count: (kind) => model.ids(kind).length,
    entries: (kind) => {
      let list = entries.get(kind);
      if (list === undefined) {
        list = model
          .ids(kind)
          .map((id) => {
            const last = model.history(id)?.versions.at(-1);
            return { id, name: last === undefined ? id : displayName(last) };
          })
          .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
        entries.set(kind, list);
      }
      return list;
    },
    lsoa: (code) => model.lsoa(code),
    source: (key) => model.source(key),
  };
};

/**
 * `directory({ asOf? })`.
 *
 * @example
 * ```ts
 * import { Register } from "@care-atlas/services";
 * import { Effect } from "effect";
 *
 * const names = Effect.gen(function* () {
 *   const directory = yield* (yield* Register).directory();
 *   return ["org_…", "plc_…"].map((id) => directory.name(id, "2021-04-01"));
 * });
 * ```
 */
export const makeDirectory =
  (ctx: RegisterContext): DirectoryVerb =>
  (options) =>
    Effect.gen(function* () {
      const { asOf } = yield* parseReadOptions({ asOf: options?.asOf });
      return directoryOf(yield* ctx.live.at(asOf));
    });
