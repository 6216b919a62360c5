/**
 * @module ChangeCheck
 * The "check" step before a save, and the save itself, from one description of the change
 * (the services' `ChangeRequest`): the check is the services' `previewChange` — the same
 * planning and rules the write runs, so what the check accepts the save accepts (unless
 * someone else changes the register in between) — and the save calls the writing verb the
 * request names.
 */
import type {
  ChangePreview,
  ChangeRequest,
  Conflict,
  NotFound,
  RegisterShape,
  StoreUnavailable,
  ValidationFailed,
  WriteMeta,
} from "@care-atlas/services";
import { Effect } from "effect";

type WriteError = NotFound | ValidationFailed | Conflict | StoreUnavailable;

/** What a save did: its change-log entries, and the record the form was about. */
export interface Saved {
  readonly changes: ReadonlyArray<{ readonly seq: number }>;
  readonly id: string;
}

/**
 * The check step: what the change would do and which rules it would break, written nowhere.
 *
 * @example
 * ```ts
 * const preview = yield* checkChange(register, { operation: "end", kind, id, date, expectedRevision });
 * preview.blocked; // true: the save would be refused for preview.findings' errors
 * ```
 */
export const checkChange = (
  register: RegisterShape,
  request: ChangeRequest,
): Effect.Effect<ChangePreview, WriteError> => register.previewChange(request);

/**
 * The save: the writing verb the request names, with who and why.
 *
 * @example
 * ```ts
 * const saved = yield* saveChange(register, request, { actor: user.email, reason });
 * saved.id; // the record to show the history of
 * ```
 */
export const saveChange = (
  register: RegisterShape,
  request: ChangeRequest,
  meta: WriteMeta,
): Effect.Effect<Saved, WriteError> => {
  switch (request.operation) {
    case "create":
      return Effect.map(register.createEntity(request.kind, request.version, meta), (result) => ({
        changes: result.changes,
        id: result.id,
      }));
    case "update":
      return Effect.map(
        register.updateEntity(
          request.kind,
          request.id,
          request.version,
          request.expectedRevision,
          meta,
        ),
        (result) => ({ changes: result.changes, id: request.id }),
      );
    case "end":
      return Effect.map(
        register.endEntity(request.kind, request.id, request.date, request.expectedRevision, meta),
        (result) => ({ changes: result.changes, id: request.id }),
      );
    case "succession":
      return Effect.map(register.recordSuccession(request.succession, meta), (result) => ({
        changes: result.changes,
        id: result.succession.id,
      }));
  }
};
