/**
 * @module recordSuccession
 * Records a merge, split, rename or transfer: the `Succession` (valid from the date of the
 * change), the end of every predecessor on that date, and the end on that date of every
 * relationship a predecessor is the subject or object of (e.g. a merged practice's PCN
 * membership), in one transaction. Successors must already exist; the rules check that
 * they exist on the date. The successors' new relationships are separate writes.
 */
import {
  History,
  IsoDate,
  newId,
  Provenance,
  type Succession,
  SuccessionKind,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import {
  type Conflict,
  NotFound,
  refusedChange,
  type StoreUnavailable,
  type ValidationFailed,
} from "../errors.js";
import { endRelationshipsOf } from "../internal/cascade.js";
import type { RegisterContext } from "../internal/context.js";
import { parseVersion, parseWith } from "../internal/input.js";
import { type EntityWrite, type Planner, runWrite, type WriteResult } from "../internal/write.js";
import type { WriteMeta } from "./createEntity.js";

/** A succession to record. */
export interface SuccessionInput {
  /** The succession's id (default: a new one). */
  readonly id?: string | undefined;
  readonly kind: SuccessionKind;
  readonly predecessorIds: ReadonlyArray<string>;
  readonly successorIds: ReadonlyArray<string>;
  /** The day the successors took over; the predecessors end on it. */
  readonly date: string;
  readonly note?: string | undefined;
  readonly provenance: Provenance;
  /** The revisions the caller read, by predecessor id (default: the current ones). */
  readonly expectedRevisions?: Readonly<Record<string, number>> | undefined;
}

/** What recording a succession did. */
export interface SuccessionResult extends WriteResult {
  readonly succession: Succession;
}

export type RecordSuccession = (
  input: SuccessionInput,
  meta: WriteMeta,
) => Effect.Effect<SuccessionResult, NotFound | ValidationFailed | Conflict | StoreUnavailable>;

const unique = (ids: ReadonlyArray<string>) => new Set(ids).size === ids.length;
const Ids = z.array(z.string()).min(1).refine(unique, { error: "an id is listed twice" });

const Input = z.object({
  id: z.string().optional(),
  kind: SuccessionKind,
  predecessorIds: Ids,
  successorIds: Ids,
  date: IsoDate,
  note: z.string().optional(),
  provenance: Provenance,
  expectedRevisions: z.record(z.string(), z.number().int().min(1)).optional(),
});

/**
 * Parses a succession into the record and the plan that writes it: the Succession, each
 * predecessor ended on the date, and every relationship involving a predecessor that is
 * still valid then, ended on the same date.
 */
export const planSuccession = (input: SuccessionInput) =>
  Effect.gen(function* () {
    const parsed = yield* parseWith(Input, input);
    const succession = yield* parseVersion("succession", {
      id: parsed.id ?? newId("succession"),
      kind: parsed.kind,
      predecessorIds: parsed.predecessorIds,
      successorIds: parsed.successorIds,
      ...(parsed.note === undefined ? {} : { note: parsed.note }),
      valid: { from: parsed.date, to: null },
      provenance: parsed.provenance,
    });
    const planner: Planner<NotFound | ValidationFailed> = (model) =>
      Effect.gen(function* () {
        for (const id of parsed.successorIds) {
          if (model.history(id) === undefined) {
            return yield* new NotFound({
              what: "entity",
              key: id,
              message: `successor ${id} does not exist`,
            });
          }
        }
        const ended: EntityWrite[] = [];
        for (const id of parsed.predecessorIds) {
          const history = model.history(id);
          if (history === undefined) {
            return yield* new NotFound({
              what: "entity",
              key: id,
              message: `predecessor ${id} does not exist`,
            });
          }
          const versions = History.endHistory(history.versions, parsed.date);
          if (versions.length === 0) {
            return yield* refusedChange([
              {
                path: "date",
                message: `predecessor ${id} starts on ${History.lifetime(history.versions)?.from}, not before ${parsed.date}`,
              },
            ]);
          }
          ended.push({
            kind: history.kind,
            id,
            expectedRevision: parsed.expectedRevisions?.[id] ?? history.revision,
            versions,
          });
        }
        const written = new Set([succession.id, ...parsed.predecessorIds]);
        return {
          operation: "succession",
          entities: [
            {
              kind: "succession" as const,
              id: succession.id,
              expectedRevision: null,
              versions: [succession],
            },
            ...ended,
            ...endRelationshipsOf(model, parsed.predecessorIds, parsed.date, written),
          ],
        };
      });
    return { succession, planner };
  });

/** `recordSuccession({ kind, predecessorIds, successorIds, date, note?, provenance }, meta)`. */
export const makeRecordSuccession =
  (ctx: RegisterContext): RecordSuccession =>
  (input, meta) =>
    Effect.gen(function* () {
      const { succession, planner } = yield* planSuccession(input);
      const result = yield* runWrite(ctx, meta, planner);
      return { ...result, succession } satisfies SuccessionResult;
    }).pipe(Effect.withSpan("Register.recordSuccession"));
