/**
 * @module changes
 * The change feed: change-log entries after a sequence number, in order, optionally only
 * of some kinds, of one entity, or recorded since a time. Replicas and other services
 * follow it with `after` = the last `seq` they have seen. Each entry says what kind of actor
 * made it (`actorKind`), so that a reader who may not see the actor still knows.
 */
import type { EntityKind } from "@care-atlas/domain";
import { EntityId } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { type ActorKind, actorKindOf } from "../Actor.js";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { EntityKindSchema, parseWith } from "../internal/input.js";
import { type LogEntry, type ReferenceChange, storeCall } from "../StoreService.js";

const datasetNames = {
  postcodes: ["postcode", "postcodes"],
  lsoas: ["LSOA", "LSOAs"],
  assignments: ["LSOA assignment", "LSOA assignments"],
  sources: ["source", "sources"],
} as const;

/**
 * What a reference change wrote, in words: "11,264 postcodes created; 1 source created".
 *
 * @example
 * ```ts
 * import { describeReferenceChange } from "@care-atlas/services";
 * describeReferenceChange({ reference: { postcodes: { created: 2, changed: 1 } } });
 * // "2 postcodes created, 1 changed"
 * ```
 */
export const describeReferenceChange = (change: Pick<ReferenceChange, "reference">): string =>
  (Object.keys(datasetNames) as (keyof typeof datasetNames)[])
    .flatMap((dataset) => {
      const count = change.reference[dataset];
      if (count === undefined) return [];
      const [one, many] = datasetNames[dataset];
      const parts = [
        ...(count.created > 0 ? [`${count.created.toLocaleString("en-GB")} created`] : []),
        ...(count.changed > 0 ? [`${count.changed.toLocaleString("en-GB")} changed`] : []),
      ];
      const n = count.created > 0 ? count.created : count.changed;
      return [
        `${n.toLocaleString("en-GB")} ${n === 1 ? one : many} ${parts.join(", ").replace(/^[\d,]+ /, "")}`,
      ];
    })
    .join("; ");

/** Options of `changes`. */
export interface ChangesOptions {
  /** Entries after this sequence number (default 0: from the start). */
  readonly after?: number | undefined;
  /** At most this many, 1–1,000 (default 100). */
  readonly limit?: number | undefined;
  /** Only changes to entities of these kinds. */
  readonly kinds?: ReadonlyArray<EntityKind> | undefined;
  /** Only changes to this entity. */
  readonly id?: string | undefined;
  /** Only changes recorded at or after this time. */
  readonly since?: Date | undefined;
}

/** A change-log entry, with the kind of actor that made it. */
export type ChangeEntry = LogEntry & { readonly actorKind: ActorKind };

/**
 * A page of the change feed: entity changes, and one entry per write of reference data
 * (`kind: "reference"`, with the records it created and changed per dataset) — unless
 * `kinds` or `id` asks only for entities.
 */
export interface ChangesPage {
  readonly changes: ReadonlyArray<ChangeEntry>;
  /** Pass as `after` for the next page (the last `seq`, or `after` when empty). */
  readonly next: number;
  /** The last change the store has (at the time of the read). */
  readonly lastSeq: number;
}

export type ChangesVerb = (
  options?: ChangesOptions,
) => Effect.Effect<ChangesPage, ValidationFailed | StoreUnavailable>;

const Options = z.object({
  after: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  kinds: z.array(EntityKindSchema).min(1).optional(),
  id: EntityId.optional(),
  since: z
    .date({ error: "must be a valid date and time" })
    .refine((date) => !Number.isNaN(date.getTime()), { error: "must be a valid date and time" })
    .optional(),
});

/** A change-log entry with its actor's kind. */
export const withActorKind = (change: LogEntry): ChangeEntry => ({
  ...change,
  actorKind: actorKindOf(change.actor, change.operation),
});

/**
 * `changes({ after?, limit?, kinds?, id?, since? })`.
 *
 * @example
 * ```ts
 * import { Register } from "@care-atlas/services";
 * import { Effect } from "effect";
 *
 * const organisationChangesToday = Effect.gen(function* () {
 *   const register = yield* Register;
 *   return yield* register.changes({ kinds: ["organisation"], since: new Date("2026-12-01") });
 * });
 * ```
 */
export const makeChanges =
  (ctx: RegisterContext): ChangesVerb =>
  (options) =>
    Effect.gen(function* () {
      const { after, limit, kinds, id, since } = yield* parseWith(Options, options ?? {});
      const [changes, lastSeq] = yield* Effect.all(
        [
          storeCall("changes", () => ctx.store.changes(after, limit, { kinds, id, since })),
          storeCall("lastSeq", () => ctx.store.lastSeq()),
        ],
        { concurrency: "unbounded" },
      );
      return {
        changes: changes.map(withActorKind),
        next: changes.at(-1)?.seq ?? after,
        lastSeq,
      } satisfies ChangesPage;
    });
