/**
 * @module previewChange
 * A dry run of a write: what `createEntity`, `updateEntity`, `endEntity` or
 * `recordSuccession` would do with the same input — the new histories of every entity it
 * would change (the relationships an end takes with it included) and the rule findings it
 * would introduce — without writing anything. It runs the writes' own pipeline (same
 * parsing, planning, revision check and rules) on the latest model, so a preview that is
 * not `blocked` is a write that will pass, unless the register changes in between.
 */
import type { Entity, EntityKind, Finding } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import type { Conflict, NotFound, StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseWith } from "../internal/input.js";
import { errorsOf, type Planner, runPreview } from "../internal/write.js";
import { type EntityInput, planCreate } from "./createEntity.js";
import { planEnd } from "./endEntity.js";
import { planSuccession, type SuccessionInput } from "./recordSuccession.js";
import { planUpdate } from "./updateEntity.js";

/** A write to preview: the arguments of one writing verb, without `meta`. */
export type ChangeRequest<K extends EntityKind = EntityKind> =
  | {
      /** `createEntity(kind, version, meta)`. */
      readonly operation: "create";
      readonly kind: K;
      readonly version: EntityInput<K>;
    }
  | {
      /** `updateEntity(kind, id, version, expectedRevision, meta)`. */
      readonly operation: "update";
      readonly kind: K;
      readonly id: string;
      readonly version: EntityInput<K>;
      readonly expectedRevision: number;
    }
  | {
      /** `endEntity(kind, id, date, expectedRevision, meta)`. */
      readonly operation: "end";
      readonly kind: K;
      readonly id: string;
      readonly date: string;
      readonly expectedRevision: number;
    }
  | {
      /** `recordSuccession(succession, meta)`. */
      readonly operation: "succession";
      readonly succession: SuccessionInput;
    };

/** One entity's history as the write would leave it. */
export interface PreviewHistory {
  readonly kind: EntityKind;
  readonly id: string;
  /** The entity's revision now (`null`: it does not exist yet). */
  readonly revision: number | null;
  /** Its complete valid-time history after the write (empty: it would be removed). */
  readonly versions: ReadonlyArray<Entity>;
}

/** What a write would do. */
export interface ChangePreview {
  /** The error and warning findings the write would introduce (errors refuse it). */
  readonly findings: ReadonlyArray<Finding>;
  /** The new histories of the entities it would change, in the order it would write them. */
  readonly histories: ReadonlyArray<PreviewHistory>;
  /** Whether the write would be refused for the errors among `findings`. */
  readonly blocked: boolean;
  /** The data version the preview was computed on (a write checks again on its own). */
  readonly dataVersion: number;
}

export type PreviewChange = <K extends EntityKind>(
  request: ChangeRequest<K>,
) => Effect.Effect<ChangePreview, NotFound | ValidationFailed | Conflict | StoreUnavailable>;

const Operation = z.object({
  operation: z.enum(["create", "update", "end", "succession"], {
    error: "must be one of create, update, end, succession",
  }),
});

/** A request parsed: the id of the record it is about, and its writing verb's planner. */
export interface PlannedRequest {
  /** The created, updated or ended entity, or the recorded succession. */
  readonly id: string;
  readonly planner: Planner<NotFound | ValidationFailed>;
}

/** Parses a request with the writing verb's own parsing and planning. */
export const planRequest = <K extends EntityKind>(
  request: ChangeRequest<K>,
): Effect.Effect<PlannedRequest, ValidationFailed> =>
  Effect.gen(function* () {
    yield* parseWith(Operation, request);
    switch (request.operation) {
      case "create":
        return yield* planCreate(request.kind, request.version);
      case "update":
        return {
          id: request.id,
          planner: yield* planUpdate(
            request.kind,
            request.id,
            request.version,
            request.expectedRevision,
          ),
        };
      case "end":
        return {
          id: request.id,
          planner: yield* planEnd(request.kind, request.id, request.date, request.expectedRevision),
        };
      case "succession": {
        const { succession, planner } = yield* planSuccession(request.succession);
        return { id: succession.id, planner };
      }
    }
  });

/**
 * `previewChange(request)`.
 *
 * @example
 * ```ts
 * import { Register } from "@care-atlas/services";
 * import { Effect } from "effect";
 *
 * const program = Effect.gen(function* () {
 *   const register = yield* Register;
 *   const preview = yield* register.previewChange({
 *     operation: "end",
 *     kind: "organisation",
 *     id: "org_synthpcn01",
 *     date: "2030-04-01",
 *     expectedRevision: 1,
 *   });
 *   // preview.histories: the PCN and each membership ended on 2030-04-01
 *   return preview.blocked ? preview.findings : "ok to save";
 * });
 * ```
 */
export const makePreviewChange =
  (ctx: RegisterContext): PreviewChange =>
  (request) =>
    Effect.gen(function* () {
      const { planner } = yield* planRequest(request);
      const { model, changed, introduced } = yield* runPreview(ctx, planner);
      return {
        findings: introduced,
        histories: changed.map(({ kind, id, versions }) => ({
          kind,
          id,
          revision: model.history(id)?.revision ?? null,
          versions,
        })),
        blocked: errorsOf(introduced).length > 0,
        dataVersion: model.seq,
      } satisfies ChangePreview;
    });
