/**
 * The write pipeline every writing verb runs, and the dry run of it (`previewChange`):
 * a verb parses its input into a {@link Planner}; then, holding the model lock, catch up
 * with the primary → plan the new histories (pure, with History.ts) → {@link evaluate}:
 * check expected revisions, keep the entities that change, run the rules on the register
 * with the change applied (incrementally: the model holds a `RegisterCheck`, re-checked
 * only where the change touches it, and the committed model holds the candidate's) → a new
 * error finding refuses the write → `store.apply` in one
 * transaction, naming the data version the change was checked at → adopt the committed
 * changes in the model. The preview stops after `evaluate`.
 *
 * Across processes: `store.apply` takes the write lock and refuses the write when any other
 * write committed after the data version it names (`RegisterMoved`), so a write commits
 * only onto the very register its rules were checked against. {@link serialisedWrite}
 * then catches up, plans and checks again, and retries, at most {@link writeAttempts}
 * times. Every write of the services goes through it (`applyChange` requires the data
 * version).
 */
import type { Entity, EntityKind, Finding, RegisterCheck, Source } from "@care-atlas/domain";
import { Effect, Result } from "effect";
import { Conflict, StoreUnavailable, ValidationFailed } from "../errors.js";
import type { ReadModel } from "../ReadModel.js";
import {
  applyChange,
  type Change,
  entityChanges,
  type ReferenceChange,
  type ReferenceData,
  RegisterMoved,
} from "../StoreService.js";
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
  /**
   * Sources written in the same transaction (each replacing the one of its key), e.g. the
   * file an import reads; the rules see them with the change. Written only when something
   * else changes.
   */
  readonly sources?: ReadonlyArray<Source>;
  /**
   * Reference data the write puts in place (postcodes, LSOAs, LSOA assignments), already
   * planned against the model: only what differs. Logged by the store as one reference
   * change. Reference data does not enter the rules.
   */
  readonly reference?: Omit<ReferenceData, "sources">;
}

/** Whether a plan writes reference data (sources aside). */
const writesReference = (plan: WritePlan): boolean =>
  plan.reference !== undefined &&
  ((plan.reference.lsoas?.length ?? 0) > 0 ||
    (plan.reference.assignments?.length ?? 0) > 0 ||
    plan.reference.postcodes !== undefined);

/** What a write did. */
export interface WriteResult {
  /** One change-log entry per entity written, in sequence order (empty: nothing changed). */
  readonly changes: ReadonlyArray<Change>;
  /** The change-log entry of the reference data written, if any. */
  readonly reference?: ReferenceChange | undefined;
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

/** Builds a verb's plan from the model it will be checked against. */
export type Planner<E> = (model: ReadModel) => Effect.Effect<WritePlan, E>;

/** What a plan would do to a model: checked, not written. */
export interface Evaluation {
  /** The model the plan was checked against. */
  readonly model: ReadModel;
  readonly operation: string;
  /** The planned entities whose history would change (the rest would not be written). */
  readonly changed: ReadonlyArray<EntityWrite>;
  /** Every finding of the register with the change applied (`[]` when nothing changes). */
  readonly after: ReadonlyArray<Finding>;
  /** The findings the change introduces: errors refuse the write, warnings are returned. */
  readonly introduced: ReadonlyArray<Finding>;
  /** The incremental check of the register with the change applied, when there is one. */
  readonly check?: RegisterCheck | undefined;
}

const checkRevision = (model: ReadModel, entity: EntityWrite): Effect.Effect<void, Conflict> => {
  const actual = model.history(entity.id)?.revision ?? null;
  if (actual === entity.expectedRevision) return Effect.void;
  return Effect.fail(
    new Conflict({
      id: entity.id,
      expected: entity.expectedRevision,
      actual,
      message:
        actual === null
          ? `${entity.id} does not exist`
          : entity.expectedRevision === null
            ? `${entity.id} already exists (revision ${actual})`
            : `${entity.id} is at revision ${actual}, not ${entity.expectedRevision}: it was changed by someone else`,
    }),
  );
};

/** Checks a plan against a model: revisions, what changes, the findings it introduces. */
export const evaluate = (
  ctx: RegisterContext,
  model: ReadModel,
  plan: WritePlan,
): Effect.Effect<Evaluation, Conflict> =>
  Effect.gen(function* () {
    for (const entity of plan.entities) yield* checkRevision(model, entity);
    const changed = plan.entities.filter(
      (entity) => !sameVersions(model.history(entity.id)?.versions ?? [], entity.versions),
    );
    if (changed.length === 0) {
      return { model, operation: plan.operation, changed, after: [], introduced: [] };
    }
    const sources = plan.sources ?? [];
    // The rules re-checked only where the change touches the register; a change of sources
    // (an import's file) is checked whole.
    const held = sources.length === 0 ? ctx.checkOf(model) : undefined;
    if (held !== undefined) {
      const check = held.recheck({ entities: changed });
      const after = check.findings;
      const introduced = newFindings(held.findings, after);
      return { model, operation: plan.operation, changed, after, introduced, check };
    }
    const candidate = model.withHistories(changed);
    const after = ctx.rules(
      (sources.length === 0
        ? candidate
        : candidate.withReference({
            ...model.reference,
            sources: [
              ...model.reference.sources.filter((s) => !sources.some((n) => n.key === s.key)),
              ...sources,
            ],
          })
      ).index,
    );
    const introduced = newFindings(ctx.findingsOf(model), after);
    return { model, operation: plan.operation, changed, after, introduced };
  });

/** The errors among findings. */
export const errorsOf = (findings: ReadonlyArray<Finding>): Finding[] =>
  findings.filter((finding) => finding.severity === "error");

/** How many times a write is checked and tried when other writers keep committing first. */
export const writeAttempts = 8;

/**
 * Runs `attempt` holding the model lock, on the model caught up with the primary; when the
 * store refuses it because another writer committed after that model (`RegisterMoved`),
 * catches up and runs it again — with the rules checked anew against the register as it
 * now is — at most {@link writeAttempts} times, then fails with `StoreUnavailable` (503:
 * try again). `attempt` must write with `expectedSeq: model.seq` (through `applyChange`).
 */
export const serialisedWrite = <A, E>(
  ctx: RegisterContext,
  attempt: (model: ReadModel) => Effect.Effect<A, E | RegisterMoved>,
): Effect.Effect<A, E | StoreUnavailable> =>
  ctx.live.locked(
    Effect.gen(function* () {
      for (let tried = 1; ; tried++) {
        const model = yield* ctx.live.catchUpPrimaryLocked;
        const outcome = yield* Effect.result(attempt(model));
        if (Result.isSuccess(outcome)) return outcome.success;
        const error = outcome.failure;
        if (!(error instanceof RegisterMoved)) return yield* Effect.fail(error);
        if (tried >= writeAttempts) {
          return yield* new StoreUnavailable({
            operation: "apply",
            cause: error,
            message: `the register kept changing under the write (${tried} attempts, each beaten by another writer): try again`,
          });
        }
      }
    }),
  );

/** Runs a write: see the module comment. */
export const runWrite = <E>(
  ctx: RegisterContext,
  meta: unknown,
  planner: Planner<E>,
): Effect.Effect<WriteResult, E | ValidationFailed | Conflict | StoreUnavailable> =>
  Effect.gen(function* () {
    const { actor, reason, source } = yield* parseWith(WriteMetaSchema, meta, "meta");
    return yield* serialisedWrite(ctx, (model) =>
      Effect.gen(function* () {
        const plan = yield* planner(model);
        const { changed, after, introduced, check } = yield* evaluate(ctx, model, plan);
        if (changed.length === 0 && !writesReference(plan)) {
          return { changes: [], dataVersion: model.seq, warnings: [] } satisfies WriteResult;
        }
        const errors = errorsOf(introduced);
        if (errors.length > 0) {
          return yield* new ValidationFailed({
            about: "change",
            issues: [],
            findings: errors,
            message: describeErrors(errors),
          });
        }
        const sources =
          plan.sources === undefined || plan.sources.length === 0 ? undefined : [...plan.sources];
        const reference =
          plan.reference === undefined && sources === undefined
            ? undefined
            : { ...plan.reference, ...(sources === undefined ? {} : { sources }) };
        const logged = yield* applyChange(ctx.store, {
          actor,
          reason,
          ...(source === undefined ? {} : { source }),
          operation: plan.operation,
          ...(reference === undefined ? {} : { reference }),
          expectedSeq: model.seq,
          entities: changed.map((entity) => ({
            kind: entity.kind,
            id: entity.id,
            expectedRevision: entity.expectedRevision,
            versions: [...entity.versions],
          })),
        });
        const next = yield* ctx.live.commitLocked(logged);
        const changes = entityChanges(logged);
        const written = logged.find(
          (entry): entry is ReferenceChange => entry.kind === "reference",
        );
        // Adopted as a patch of the model we checked: the rules' answer holds for it.
        if (next.seq === model.seq + logged.length && !writesReference(plan)) {
          if (check === undefined) ctx.rememberFindings(next, after);
          else next.holdRuleCheck(check);
        }
        return {
          changes,
          ...(written === undefined ? {} : { reference: written }),
          dataVersion: next.seq,
          warnings: introduced.filter((finding) => finding.severity === "warning"),
        } satisfies WriteResult;
      }),
    );
  });

/**
 * A write's dry run: the same plan and checks on the latest model, without the lock
 * (beyond catching up) and without writing.
 */
export const runPreview = <E>(
  ctx: RegisterContext,
  planner: Planner<E>,
): Effect.Effect<Evaluation, E | Conflict | StoreUnavailable> =>
  Effect.gen(function* () {
    const model = yield* ctx.live.refresh;
    return yield* evaluate(ctx, model, yield* planner(model));
  });
