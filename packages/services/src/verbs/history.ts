/**
 * @module history
 * Everything ever recorded about one entity: every stored version with its recorded period
 * (change sequence numbers), and the change-log entries that wrote or superseded them —
 * who, when, why, from what source — each with the entity's valid-time history before and
 * after it and the field-level differences between the two.
 */
import { diffHistories, type EntityKind, kindOfId, type VersionDiff } from "@care-atlas/domain";
import { Effect } from "effect";
import { type ActorKind, actorKindOf } from "../Actor.js";
import { NotFound, type StoreUnavailable } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { type Change, type StoredVersion, storeCall } from "../StoreService.js";

/**
 * A change-log entry of one entity (the store's `Change` without the entity's kind and id,
 * which the history names once): who, when, what kind of actor, why, from what source, the
 * revision after it, the entity's valid-time history before and after it, and what it did
 * to each version, field by field (`diffHistories(before, after)`).
 */
export interface EntityChange extends Omit<Change, "kind" | "id"> {
  /** What kind of actor it was (see `actorKindOf`). */
  readonly actorKind: ActorKind;
  readonly diffs: ReadonlyArray<VersionDiff>;
}

/** The recorded history of one entity. */
export interface HistoryRead {
  readonly kind: EntityKind;
  readonly id: string;
  /** The current revision; `null` when the entity no longer has any version. */
  readonly revision: number | null;
  /** Every stored version, in recording order. */
  readonly versions: ReadonlyArray<StoredVersion>;
  /** The changes that wrote or superseded those versions, in sequence order. */
  readonly changes: ReadonlyArray<EntityChange>;
  readonly dataVersion: number;
}

export type HistoryVerb = (id: string) => Effect.Effect<HistoryRead, NotFound | StoreUnavailable>;

/** `history(id)`. */
export const makeHistory =
  (ctx: RegisterContext): HistoryVerb =>
  (id) =>
    Effect.gen(function* () {
      const kind = kindOfId(id);
      const missing = new NotFound({
        what: "entity",
        key: id,
        message: `nothing was ever recorded about ${id}`,
      });
      if (kind === undefined) return yield* missing;
      const [versions, logged] = yield* Effect.all(
        [
          storeCall("recordedVersions", () => ctx.store.recordedVersions(id)),
          storeCall("changesOf", () => ctx.store.changesOf(id)),
        ],
        { concurrency: "unbounded" },
      );
      if (versions.length === 0) return yield* missing;
      const changes: EntityChange[] = logged.map(({ kind: _kind, id: _id, ...change }) => ({
        ...change,
        actorKind: actorKindOf(change.actor, change.operation),
        diffs: diffHistories(change.before, change.after),
      }));
      const model = ctx.live.current();
      const sorted = [...versions].sort(
        (a, b) =>
          a.recordedFrom - b.recordedFrom || (a.data.valid.from < b.data.valid.from ? -1 : 1),
      );
      return {
        kind,
        id,
        revision: model.history(id)?.revision ?? null,
        versions: sorted,
        changes,
        dataVersion: model.seq,
      } satisfies HistoryRead;
    });
