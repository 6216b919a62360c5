/**
 * @module getEntity
 * One entity as it was on a date (`validAt`, default today) as recorded at a time (`asOf`,
 * default now). Current reads are answered from memory; a past `asOf` reads that one
 * entity's history from the store.
 */
import {
  type EntityKind,
  type EntityOf,
  History,
  type IsoDate,
  idPattern,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";
import { storeCall } from "../StoreService.js";

/** When to read: the valid date and the recorded time. */
export interface ReadOptions {
  /** The date the facts were true in the world (default: today). */
  readonly validAt?: IsoDate | undefined;
  /** What the register had recorded at this time (default: now). */
  readonly asOf?: Date | undefined;
}

/** One entity's version on a date. */
export interface EntityRead<K extends EntityKind = EntityKind> {
  readonly kind: K;
  readonly id: string;
  readonly version: EntityOf[K];
  /** All versions as recorded (sorted by `valid.from`). */
  readonly versions: ReadonlyArray<EntityOf[K]>;
  /** The revision to send back with an update; `null` when read at a past `asOf`. */
  readonly revision: number | null;
  /** The data version the answer comes from (for ETags). */
  readonly dataVersion: number;
}

/** The signature of {@link makeGetEntity}'s verb. */
export type GetEntity = <K extends EntityKind>(
  kind: K,
  id: string,
  options?: ReadOptions,
) => Effect.Effect<EntityRead<K>, NotFound | ValidationFailed | StoreUnavailable>;

const notFound = (kind: EntityKind, id: string, detail: string) =>
  new NotFound({ what: kind, key: id, message: `${kind} ${id} ${detail}` });

/** `getEntity(kind, id, { validAt?, asOf? })`. */
export const makeGetEntity =
  (ctx: RegisterContext): GetEntity =>
  <K extends EntityKind>(kind: K, id: string, options?: ReadOptions) =>
    Effect.gen(function* () {
      const { validAt, asOf } = yield* parseReadOptions(options);
      if (!idPattern(kind).test(id)) return yield* notFound(kind, id, "is not a valid id");
      const seq = yield* ctx.live.seqAt(asOf);
      let versions: ReadonlyArray<EntityOf[K]>;
      let revision: number | null = null;
      let dataVersion: number;
      if (seq === "current") {
        const model = ctx.live.current();
        const history = model.history(id);
        if (history === undefined || history.kind !== kind) {
          return yield* notFound(kind, id, "does not exist");
        }
        versions = history.versions as ReadonlyArray<EntityOf[K]>;
        revision = history.revision;
        dataVersion = model.seq;
      } else {
        const found = yield* storeCall("historyAsOf", () =>
          ctx.store.historyAsOf(seq, { kind, id }),
        );
        if (found.length === 0) {
          return yield* notFound(kind, id, `did not exist as recorded at ${asOf?.toISOString()}`);
        }
        versions = ([...found] as EntityOf[K][]).sort((a, b) =>
          a.valid.from < b.valid.from ? -1 : a.valid.from > b.valid.from ? 1 : 0,
        );
        dataVersion = seq;
      }
      const version = History.versionAt(versions, validAt);
      if (version === undefined)
        return yield* notFound(kind, id, `has no version valid on ${validAt}`);
      return { kind, id, version, versions, revision, dataVersion } satisfies EntityRead<K>;
    });
