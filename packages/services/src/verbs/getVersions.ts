/**
 * @module getVersions
 * Every valid-time version of one entity as recorded (now, or at a past `asOf`), whether
 * or not one is valid on a given date: what a record page shows for a closed organisation
 * or a neighbourhood that starts next April.
 */
import { type EntityKind, type EntityOf, idPattern } from "@care-atlas/domain";
import { Effect } from "effect";
import { NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";

/** Options of `getVersions`. */
export interface VersionsOptions {
  /** What the register had recorded at this time (default: now). */
  readonly asOf?: Date | undefined;
}

/** One entity's versions. */
export interface VersionsRead<K extends EntityKind = EntityKind> {
  readonly kind: K;
  readonly id: string;
  /** Sorted by `valid.from`, non-overlapping; never empty. */
  readonly versions: ReadonlyArray<EntityOf[K]>;
  /** The revision to send back with an update; `null` when read at a past `asOf`. */
  readonly revision: number | null;
  readonly dataVersion: number;
}

export type GetVersions = <K extends EntityKind>(
  kind: K,
  id: string,
  options?: VersionsOptions,
) => Effect.Effect<VersionsRead<K>, NotFound | ValidationFailed | StoreUnavailable>;

/** `getVersions(kind, id, { asOf? })`. */
export const makeGetVersions =
  (ctx: RegisterContext): GetVersions =>
  <K extends EntityKind>(kind: K, id: string, options?: VersionsOptions) =>
    Effect.gen(function* () {
      const { asOf } = yield* parseReadOptions({ asOf: options?.asOf });
      const model = yield* ctx.live.at(asOf);
      const history = idPattern(kind).test(id) ? model.history(id) : undefined;
      if (history === undefined || history.kind !== kind) {
        return yield* new NotFound({
          what: kind,
          key: id,
          message: `${kind} ${id} does not exist`,
        });
      }
      return {
        kind,
        id,
        versions: history.versions as ReadonlyArray<EntityOf[K]>,
        revision: history.revision,
        dataVersion: model.seq,
      } satisfies VersionsRead<K>;
    });
