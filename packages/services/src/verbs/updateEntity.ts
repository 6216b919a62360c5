/**
 * @module updateEntity
 * A sequenced update: the new version becomes what was true during its valid period —
 * versions it overlaps are trimmed or split (History.putVersion), the rest of the history
 * stays. The caller sends the revision it read; a stale one fails with `Conflict`.
 */
import { type EntityKind, History } from "@care-atlas/domain";
import { Effect } from "effect";
import {
  type Conflict,
  invalidInput,
  NotFound,
  type StoreUnavailable,
  type ValidationFailed,
} from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { EntityKindSchema, parseVersion, parseWith, Revision } from "../internal/input.js";
import { type Planner, runWrite } from "../internal/write.js";
import {
  type EntityInput,
  type EntityWriteResult,
  entityResult,
  type WriteMeta,
} from "./createEntity.js";

export type UpdateEntity = <K extends EntityKind>(
  kind: K,
  id: string,
  version: EntityInput<K>,
  expectedRevision: number,
  meta: WriteMeta,
) => Effect.Effect<EntityWriteResult<K>, NotFound | ValidationFailed | Conflict | StoreUnavailable>;

/** Parses an update into the plan that writes it: the version put into the entity's history. */
export const planUpdate = <K extends EntityKind>(
  kind: K,
  id: string,
  input: EntityInput<K>,
  expectedRevision: number,
) =>
  Effect.gen(function* () {
    yield* parseWith(EntityKindSchema, kind, "kind");
    const revision = yield* parseWith(Revision, expectedRevision, "expectedRevision");
    const given = (input as { readonly id?: unknown } | null | undefined)?.id;
    if (given !== undefined && given !== id) {
      return yield* invalidInput([{ path: "version.id", message: `must be ${id} (or absent)` }]);
    }
    const version = yield* parseVersion(kind, { ...input, id });
    const planner: Planner<NotFound> = (model) => {
      const history = model.history(id);
      if (history === undefined || history.kind !== kind) {
        return Effect.fail(
          new NotFound({ what: kind, key: id, message: `${kind} ${id} does not exist` }),
        );
      }
      return Effect.succeed({
        operation: "update",
        entities: [
          {
            kind,
            id,
            expectedRevision: revision,
            versions: History.putVersion(history.versions, version),
          },
        ],
      });
    };
    return planner;
  });

/** `updateEntity(kind, id, version, expectedRevision, meta)`. */
export const makeUpdateEntity =
  (ctx: RegisterContext): UpdateEntity =>
  <K extends EntityKind>(
    kind: K,
    id: string,
    input: EntityInput<K>,
    expectedRevision: number,
    meta: WriteMeta,
  ) =>
    Effect.gen(function* () {
      const planner = yield* planUpdate(kind, id, input, expectedRevision);
      const result = yield* runWrite(ctx, meta, planner);
      return entityResult(ctx, kind, id, result);
    }).pipe(Effect.withSpan("Register.updateEntity"));
