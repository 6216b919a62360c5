/**
 * @module saveChange
 * The saving counterpart of `previewChange`: takes the same change request (a create,
 * update, end or succession, as the writing verbs take them) and writes it through that
 * verb's own pipeline, with who and why. A form that checks with `previewChange` and saves
 * with `saveChange` describes its change once.
 */
import type { EntityKind } from "@care-atlas/domain";
import { Effect } from "effect";
import type { Conflict, NotFound, StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { runWrite, type WriteResult } from "../internal/write.js";
import type { WriteMeta } from "./createEntity.js";
import { type ChangeRequest, planRequest } from "./previewChange.js";

/** What a saved change did. */
export interface SavedChange extends WriteResult {
  /** The record the request was about: the entity created, updated or ended, or the succession. */
  readonly id: string;
}

export type SaveChange = <K extends EntityKind>(
  request: ChangeRequest<K>,
  meta: WriteMeta,
) => Effect.Effect<SavedChange, NotFound | ValidationFailed | Conflict | StoreUnavailable>;

/**
 * `saveChange(request, meta)`.
 *
 * @example
 * ```ts
 * import { Register } from "@care-atlas/services";
 * import { Effect } from "effect";
 *
 * const program = Effect.gen(function* () {
 *   const register = yield* Register;
 *   const request = { operation: "end", kind: "organisation", id: "org_…", date: "2030-04-01", expectedRevision: 1 } as const;
 *   const preview = yield* register.previewChange(request);
 *   if (preview.blocked) return preview.findings;
 *   return yield* register.saveChange(request, { actor: "user:…", reason: "closed" });
 * });
 * ```
 */
export const makeSaveChange =
  (ctx: RegisterContext): SaveChange =>
  (request, meta) =>
    Effect.gen(function* () {
      const { id, planner } = yield* planRequest(request);
      const result = yield* runWrite(ctx, meta, planner);
      return { ...result, id } satisfies SavedChange;
    }).pipe(Effect.withSpan("Register.saveChange"));
