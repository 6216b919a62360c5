/**
 * The write pipeline every writing verb runs, holding the model lock: catch up with the
 * store → plan the new histories (pure, with History.ts) → check expected revisions → run
 * the rules on the register with the change applied (a new error finding refuses the
 * write) → `store.apply` in one transaction → adopt the committed changes in the model.
 */
import type { Entity, EntityKind, Finding } from "@care-atlas/domain";
import { Effect } from "effect";
import { Conflict, type StoreUnavailable, ValidationFailed } from "../errors.js";
import type { ReadModel } from "../ReadModel.js";
import { applyChange, type Change } from "../StoreService.js";
import { sameVersions } from "./canonical.js";
import type { RegisterContext } from "./context.js";
import { parseWith, WriteMetaSchema } from "./input.js";

/** One entity's new history in a write. */
export interface EntityWrite {
  readonly kind: EntityKind;
  readonly id: string;
  /** The revision the writer read; `null` = the entity must not exist yet. */
  readonly expectedRevision: number | null;
  /** The complete new valid-time history (empty = the entity is removed). */
  readonly versions: ReadonlyArray<Entity>;
}

/** What a verb wants written. */
export interface WritePlan {
  readonly operation: string;
  readonly entities: ReadonlyArray<EntityWrite>;
}

/** What a write did. */
export interface WriteResult {
  /** One change-log entry per entity written, in sequence order (empty: nothing changed). */
  readonly changes: ReadonlyArray<Change>;
  /** The data version after the write. */
  readonly dataVersion: number;
  /** Warnings the change introduced (errors refuse the write). */
  readonly warnings: ReadonlyArray<Finding>;
}

const findingKey = (finding: Finding): string =>
  `${finding.rule}|${[...finding.subjects].sort().join(",")}`;

/** The findings of `after` that `before` does not have (as a multiset, by rule and subjects). */
export const newFindings = (
  before: ReadonlyArray<Finding>,
  after: ReadonlyArray<Finding>,
): Finding[] => {
  const counts = new Map<string, number>();
  for (const finding of before) {
    const key = `${finding.severity}|${findingKey(finding)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const fresh: Finding[] = [];
  for (const finding of after) {
    const key = `${finding.severity}|${findingKey(finding)}`;
    const count = counts.get(key) ?? 0;
    if (count > 0) counts.set(key, count - 1);
    else fresh.push(finding);
  }
  return fresh;
};

const describeErrors = (errors: ReadonlyArray<Finding>): string =>
  `the change breaks ${errors.length === 1 ? "a rule" : `${errors.length} rules`}: ${errors
    .slice(0, 5)
    .map((finding) => finding.message)
    .join("; ")}${errors.length > 5 ? "; …" : ""}`;

/** Runs a write: see the module comment. */
export const runWrite = <E>(
  ctx: RegisterContext,
  meta: unknown,
  plan: (model: ReadModel) => Effect.Effect<WritePlan, E>,
): Effect.Effect<WriteResult, E | ValidationFailed | Conflict | StoreUnavailable> =>
  Effect.gen(function* () {
    const { actor, reason, source } = yield* parseWith(WriteMetaSchema, meta, "meta");
    return yield* ctx.live.locked(
      Effect.gen(function* () {
        const model = yield* ctx.live.catchUpLocked;
        const { operation, entities } = yield* plan(model);
        for (const entity of entities) {
          const actual = model.history(entity.id)?.revision ?? null;
          if (actual !== entity.expectedRevision) {
            return yield* new Conflict({
              id: entity.id,
              expected: entity.expectedRevision,
              actual,
              message:
                actual === null
                  ? `${entity.id} does not exist`
                  : entity.expectedRevision === null
                    ? `${entity.id} already exists (revision ${actual})`
                    : `${entity.id} is at revision ${actual}, not ${entity.expectedRevision}: it was changed by someone else`,
            });
          }
        }
        const changed = entities.filter(
          (entity) => !sameVersions(model.history(entity.id)?.versions ?? [], entity.versions),
        );
        if (changed.length === 0) {
          return { changes: [], dataVersion: model.seq, warnings: [] } satisfies WriteResult;
        }
        const candidate = model.withHistories(changed);
        const after = ctx.rules(candidate.index);
        const introduced = newFindings(ctx.findingsOf(model), after);
        const errors = introduced.filter((finding) => finding.severity === "error");
        if (errors.length > 0) {
          return yield* new ValidationFailed({
            issues: [],
            findings: errors,
            message: describeErrors(errors),
          });
        }
        const changes = yield* applyChange(ctx.store, {
          actor,
          reason,
          ...(source === undefined ? {} : { source }),
          operation,
          entities: changed.map((entity) => ({
            kind: entity.kind,
            id: entity.id,
            expectedRevision: entity.expectedRevision,
            versions: [...entity.versions],
          })),
        });
        const next = yield* ctx.live.commitLocked(changes);
        // Adopted as a patch of the model we checked: the rules' answer holds for it.
        if (next.seq === model.seq + changes.length) ctx.rememberFindings(next, after);
        return {
          changes,
          dataVersion: next.seq,
          warnings: introduced.filter((finding) => finding.severity === "warning"),
        } satisfies WriteResult;
      }),
    );
  });
