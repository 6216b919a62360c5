/**
 * @module endEntity
 * Closes an entity's valid period on a date (History.endHistory): nothing of it is valid
 * on or after the date. Every relationship it is the subject or object of that is still
 * valid on the date ends with it (one that would only start later is removed), in the same
 * transaction; other records that depend on it are left for the rules to report. Ending on
 * or before its first day would erase it, and ending an entity that already ended by then
 * changes nothing: both fail with `ValidationFailed`.
 */
import { type EntityKind, History, IsoDate } from "@care-atlas/domain";
import { Effect } from "effect";
import {
  type Conflict,
  NotFound,
  refusedChange,
  type StoreUnavailable,
  type ValidationFailed,
} from "../errors.js";
import { endRelationshipsOf } from "../internal/cascade.js";
import type { RegisterContext } from "../internal/context.js";
import { EntityKindSchema, parseWith, Revision } from "../internal/input.js";
import { type Planner, runWrite } from "../internal/write.js";
import { type EntityWriteResult, entityResult, type WriteMeta } from "./createEntity.js";

export type EndEntity = <K extends EntityKind>(
  kind: K,
  id: string,
  date: string,
  expectedRevision: number,
  meta: WriteMeta,
) => Effect.Effect<EntityWriteResult<K>, NotFound | ValidationFailed | Conflict | StoreUnavailable>;

/**
 * Parses an end into the plan that writes it: the entity's history closed on the date, and
 * every relationship involving it that is still valid then, closed on the same date.
 */
export const planEnd = <K extends EntityKind>(
  kind: K,
  id: string,
  date: string,
  expectedRevision: number,
) =>
  Effect.gen(function* () {
    yield* parseWith(EntityKindSchema, kind, "kind");
    const day = yield* parseWith(IsoDate, date, "date");
    const revision = yield* parseWith(Revision, expectedRevision, "expectedRevision");
    const planner: Planner<NotFound | ValidationFailed> = (model) =>
      Effect.gen(function* () {
        const history = model.history(id);
        if (history === undefined || history.kind !== kind) {
          return yield* new NotFound({
            what: kind,
            key: id,
            message: `${kind} ${id} does not exist`,
          });
        }
        const span = History.lifetime(history.versions);
        if (span !== undefined && day <= span.from) {
          return yield* refusedChange([
            {
              path: "date",
              message: `${id} starts on ${span.from}; ending it on ${day} would erase it`,
            },
          ]);
        }
        if (span !== undefined && span.to !== null && span.to <= day) {
          return yield* refusedChange([
            { path: "date", message: `${id} already ends on ${span.to}` },
          ]);
        }
        return {
          operation: "end",
          entities: [
            {
              kind,
              id,
              expectedRevision: revision,
              versions: History.endHistory(history.versions, day),
            },
            ...endRelationshipsOf(model, [id], day, new Set([id])),
          ],
        };
      });
    return planner;
  });

/** `endEntity(kind, id, date, expectedRevision, meta)`. */
export const makeEndEntity =
  (ctx: RegisterContext): EndEntity =>
  <K extends EntityKind>(
    kind: K,
    id: string,
    date: string,
    expectedRevision: number,
    meta: WriteMeta,
  ) =>
    Effect.gen(function* () {
      const planner = yield* planEnd(kind, id, date, expectedRevision);
      const result = yield* runWrite(ctx, meta, planner);
      return entityResult(ctx, kind, id, result);
    }).pipe(Effect.withSpan("Register.endEntity"));
