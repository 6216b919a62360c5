/**
 * @module recordSuccession
 * Records a merge, split, rename or transfer: the `Succession` (valid from the date of the
 * change) and the end of every predecessor on that date, in one transaction. Successors
 * must already exist; the rules check that they start when the predecessors end.
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
  invalidInput,
  NotFound,
  type StoreUnavailable,
  type ValidationFailed,
} from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseVersion, parseWith } from "../internal/input.js";
import { type EntityWrite, runWrite, type WriteResult } from "../internal/write.js";
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

/** `recordSuccession({ kind, predecessorIds, successorIds, date, note?, provenance }, meta)`. */
export const makeRecordSuccession =
  (ctx: RegisterContext): RecordSuccession =>
  (input, meta) =>
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
      const result = yield* runWrite(ctx, meta, (model) =>
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
              return yield* invalidInput([
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
            ],
          };
        }),
      );
      return { ...result, succession } satisfies SuccessionResult;
    }).pipe(Effect.withSpan("Register.recordSuccession"));
