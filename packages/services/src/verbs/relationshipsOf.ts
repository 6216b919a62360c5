/**
 * @module relationshipsOf
 * The relationships valid on a date in which one entity is the subject or the object:
 * its memberships, leads, chairs, "accountable to" and "reports to" links.
 */
import { History, type Relationship, type RelationshipKind } from "@care-atlas/domain";
import { Effect } from "effect";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";
import type { ReadOptions } from "./getEntity.js";

/** Options of `relationshipsOf`. */
export interface RelationshipsOptions extends ReadOptions {
  /** Only relationships in which the entity is this end. */
  readonly as?: "subject" | "object" | undefined;
  /** Only relationships of these kinds. */
  readonly kinds?: ReadonlyArray<RelationshipKind> | undefined;
}

/** The relationships of an entity on a date. */
export interface RelationshipsRead {
  /** Ordered by id. */
  readonly items: ReadonlyArray<Relationship>;
  readonly dataVersion: number;
}

export type RelationshipsOf = (
  id: string,
  options?: RelationshipsOptions,
) => Effect.Effect<RelationshipsRead, ValidationFailed | StoreUnavailable>;

/** `relationshipsOf(id, { validAt?, asOf?, as?, kinds? })`. */
export const makeRelationshipsOf =
  (ctx: RegisterContext): RelationshipsOf =>
  (id, options) =>
    Effect.gen(function* () {
      const { validAt, asOf } = yield* parseReadOptions({
        validAt: options?.validAt,
        asOf: options?.asOf,
      });
      const model = yield* ctx.live.at(asOf);
      const kinds = options?.kinds === undefined ? undefined : new Set(options.kinds);
      const items: Relationship[] = [];
      for (const rid of model.relationshipsOf(id)) {
        const versions = (model.history(rid)?.versions ?? []) as ReadonlyArray<Relationship>;
        const version = History.versionAt(versions, validAt);
        if (version === undefined) continue;
        if (version.subjectId !== id && version.objectId !== id) continue;
        if (options?.as === "subject" && version.subjectId !== id) continue;
        if (options?.as === "object" && version.objectId !== id) continue;
        if (kinds !== undefined && !kinds.has(version.kind)) continue;
        items.push(version);
      }
      return { items, dataVersion: model.seq } satisfies RelationshipsRead;
    });
