/**
 * @module createEntity
 * Records a new entity with its first version. The id may be given (e.g. a `stableId`) or
 * is generated (`newId`). Fails with `Conflict` when an entity with that id exists.
 */

import type { entitySchemas } from "@care-atlas/domain";
import { type EntityKind, type EntityOf, newId } from "@care-atlas/domain";
import { Effect } from "effect";
import type { z } from "zod";
import type { Conflict, StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { EntityKindSchema, parseVersion, parseWith } from "../internal/input.js";
import { type Planner, runWrite, type WriteResult } from "../internal/write.js";

/** Who is writing, why, and from what source. `reason` is required. */
export interface WriteMeta {
  readonly actor: string;
  readonly reason: string;
  readonly source?: string | undefined;
}

/** A version as written by a caller: the schema's input, with the id optional. */
export type EntityInput<K extends EntityKind> = Omit<z.input<(typeof entitySchemas)[K]>, "id"> & {
  readonly id?: string | undefined;
};

/** What a write of one entity did. */
export interface EntityWriteResult<K extends EntityKind = EntityKind> extends WriteResult {
  readonly kind: K;
  readonly id: string;
  /** The entity's revision after the write (send it with the next update). */
  readonly revision: number;
  /** The entity's valid-time history after the write. */
  readonly versions: ReadonlyArray<EntityOf[K]>;
}

export type CreateEntity = <K extends EntityKind>(
  kind: K,
  version: EntityInput<K>,
  meta: WriteMeta,
) => Effect.Effect<EntityWriteResult<K>, ValidationFailed | Conflict | StoreUnavailable>;

/** The result of a write of entity `id`, read from the model it produced. */
export const entityResult = <K extends EntityKind>(
  ctx: RegisterContext,
  kind: K,
  id: string,
  result: WriteResult,
): EntityWriteResult<K> => {
  const history = ctx.live.current().history(id);
  const change = result.changes.findLast((c) => c.id === id);
  return {
    ...result,
    kind,
    id,
    revision: change?.revision ?? history?.revision ?? 0,
    versions: (change?.after ?? history?.versions ?? []) as ReadonlyArray<EntityOf[K]>,
  };
};

/** Parses a create: the version (with its id, given or new) and the plan that writes it. */
export const planCreate = <K extends EntityKind>(kind: K, input: EntityInput<K>) =>
  Effect.gen(function* () {
    yield* parseWith(EntityKindSchema, kind, "kind");
    const given = input as { readonly id?: unknown } | null | undefined;
    const version = yield* parseVersion(kind, {
      ...input,
      id: given?.id === undefined ? newId(kind) : given.id,
    });
    const planner: Planner<never> = () =>
      Effect.succeed({
        operation: "create",
        entities: [{ kind, id: version.id, expectedRevision: null, versions: [version] }],
      });
    return { id: version.id, planner };
  });

/** `createEntity(kind, version, meta)`. */
export const makeCreateEntity =
  (ctx: RegisterContext): CreateEntity =>
  <K extends EntityKind>(kind: K, input: EntityInput<K>, meta: WriteMeta) =>
    Effect.gen(function* () {
      const { id, planner } = yield* planCreate(kind, input);
      const result = yield* runWrite(ctx, meta, planner);
      return entityResult(ctx, kind, id, result);
    }).pipe(Effect.withSpan("Register.createEntity"));
