/**
 * @module importSnapshot
 * Loads a whole snapshot (e.g. the GM dataset) into the store through `store.apply`: its
 * reference data (LSOAs, sources, and the postcodes and LSOA assignments given with it) in
 * the first transaction, logged as one reference change, and its entities in a few large
 * transactions. Idempotent: entities whose recorded history already equals the snapshot's
 * are skipped, and so are reference records the register holds as given, so importing the
 * same snapshot twice writes nothing the second time. An entity recorded with a different
 * history fails the import with `Conflict` (nothing written) unless `replace` is set. The rules run once over the imported
 * register; error findings it introduces refuse the import unless `enforceRules` is false.
 * Like every write, it is checked against the latest committed register and each batch
 * commits only onto the data version the previous one left (`serialisedWrite`): when
 * another process writes in between, the import catches up, plans and checks again.
 */
import {
  collections,
  type Entity,
  type EntityKind,
  type Finding,
  LsoaAssignment,
  PostcodeRecord,
  Snapshot,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { Conflict, type StoreUnavailable, ValidationFailed } from "../errors.js";
import { sameVersions } from "../internal/canonical.js";
import type { RegisterContext } from "../internal/context.js";
import { parseWith, WriteMetaSchema } from "../internal/input.js";
import { type EntityWrite, newFindings, serialisedWrite } from "../internal/write.js";
import { applyChange, type LogEntry } from "../StoreService.js";
import type { WriteMeta } from "./createEntity.js";

/** Options of `importSnapshot`. */
export interface ImportOptions {
  /**
   * Postcodes to load with the snapshot's reference data (a record without `introduced` /
   * `terminated` is taken as the directory not saying).
   */
  readonly postcodes?: ReadonlyArray<PostcodeRecordInput> | undefined;
  /** LSOA assignments (ward and commissioner lookups) to load with it. */
  readonly lsoaAssignments?: ReadonlyArray<LsoaAssignment> | undefined;
  /** Overwrite entities recorded with a different history (default: fail with Conflict). */
  readonly replace?: boolean | undefined;
  /** Refuse the import when it introduces rule errors (default true). */
  readonly enforceRules?: boolean | undefined;
  /** Entities per `store.apply` transaction (default 5,000). */
  readonly batchSize?: number | undefined;
}

/** What an import did. */
export interface ImportResult {
  readonly created: number;
  readonly replaced: number;
  readonly unchanged: number;
  /**
   * Change-log entries written: one per entity, and one for the reference data when any
   * differed (0 when the register already held the snapshot).
   */
  readonly changes: number;
  /** Findings the import introduced (errors only when `enforceRules` is false). */
  readonly findings: ReadonlyArray<Finding>;
  readonly dataVersion: number;
}

export type ImportSnapshot = (
  snapshot: unknown,
  meta: WriteMeta,
  options?: ImportOptions,
) => Effect.Effect<ImportResult, ValidationFailed | Conflict | StoreUnavailable>;

/** A postcode record whose dates may be left out (the directory does not say). */
export type PostcodeRecordInput = Omit<PostcodeRecord, "introduced" | "terminated"> &
  Partial<Pick<PostcodeRecord, "introduced" | "terminated">>;

const PostcodeInput = z.preprocess(
  (value) =>
    typeof value === "object" && value !== null
      ? { introduced: null, terminated: null, ...value }
      : value,
  PostcodeRecord,
);

const Options = z.object({
  postcodes: z.array(PostcodeInput).default([]),
  lsoaAssignments: z.array(LsoaAssignment).default([]),
  replace: z.boolean().default(false),
  enforceRules: z.boolean().default(true),
  batchSize: z.number().int().min(1).default(5000),
});

const byFrom = (a: Entity, b: Entity): number =>
  a.valid.from < b.valid.from ? -1 : a.valid.from > b.valid.from ? 1 : 0;

/** The snapshot's entities as histories, ordered by kind then id. */
const historiesOf = (snapshot: Snapshot) => {
  const result: { kind: EntityKind; id: string; versions: Entity[] }[] = [];
  for (const kind of Object.keys(collections) as EntityKind[]) {
    const groups = new Map<string, Entity[]>();
    for (const version of snapshot[collections[kind]] as ReadonlyArray<Entity>) {
      const group = groups.get(version.id);
      if (group === undefined) groups.set(version.id, [version]);
      else group.push(version);
    }
    for (const id of [...groups.keys()].sort()) {
      result.push({ kind, id, versions: (groups.get(id) ?? []).sort(byFrom) });
    }
  }
  return result;
};

/** `importSnapshot(snapshot, meta, { postcodes?, replace?, enforceRules?, batchSize? })`. */
export const makeImportSnapshot =
  (ctx: RegisterContext): ImportSnapshot =>
  (input, meta, options) =>
    Effect.gen(function* () {
      const { actor, reason, source } = yield* parseWith(WriteMetaSchema, meta, "meta");
      const opts = yield* parseWith(Options, options ?? {}, "options");
      const snapshot = yield* parseWith(Snapshot, input, "snapshot");
      return yield* serialisedWrite(ctx, (model) =>
        Effect.gen(function* () {
          const writes: EntityWrite[] = [];
          let created = 0;
          let replaced = 0;
          let unchanged = 0;
          for (const history of historiesOf(snapshot)) {
            const recorded = model.history(history.id);
            if (recorded === undefined) {
              created++;
              writes.push({ ...history, expectedRevision: null });
            } else if (
              recorded.kind === history.kind &&
              sameVersions(recorded.versions, history.versions)
            ) {
              unchanged++;
            } else if (opts.replace) {
              replaced++;
              writes.push({ ...history, expectedRevision: recorded.revision });
            } else {
              return yield* new Conflict({
                id: history.id,
                expected: null,
                actual: recorded.revision,
                message: `${history.id} is already recorded with a different history; import with replace to overwrite it`,
              });
            }
          }
          const candidate = model.withHistories(writes).withReference({
            ...model.reference,
            lsoas: snapshot.lsoas,
            sources: snapshot.sources,
          });
          const findings =
            writes.length === 0
              ? []
              : newFindings(ctx.findingsOf(model), ctx.rules(candidate.index));
          const errors = findings.filter((finding) => finding.severity === "error");
          if (opts.enforceRules && errors.length > 0) {
            return yield* new ValidationFailed({
              about: "change",
              issues: [],
              findings: errors,
              message: `the snapshot breaks ${errors.length} rule check(s): ${errors
                .slice(0, 3)
                .map((finding) => finding.message)
                .join("; ")}`,
            });
          }
          // The reference data goes with the first transaction; the store skips what it
          // already holds as given, and logs the rest as one reference change.
          const reference = {
            lsoas: snapshot.lsoas,
            sources: snapshot.sources,
            ...(opts.postcodes.length === 0 ? {} : { postcodes: opts.postcodes }),
            ...(opts.lsoaAssignments.length === 0 ? {} : { assignments: opts.lsoaAssignments }),
          };
          const logged: LogEntry[] = [];
          for (let start = 0; start === 0 || start < writes.length; start += opts.batchSize) {
            const batch = writes.slice(start, start + opts.batchSize);
            const written = yield* applyChange(ctx.store, {
              actor,
              reason,
              ...(source === undefined ? {} : { source }),
              operation: "import",
              // Each batch commits onto the data version the previous one left.
              expectedSeq: model.seq + logged.length,
              ...(start === 0 ? { reference } : {}),
              entities: batch.map((write) => ({ ...write, versions: [...write.versions] })),
            });
            for (const entry of written) logged.push(entry);
          }
          const next = yield* ctx.live.commitLocked(logged);
          return {
            created,
            replaced,
            unchanged,
            changes: logged.length,
            findings,
            dataVersion: next.seq,
          } satisfies ImportResult;
        }),
      );
    }).pipe(Effect.withSpan("Register.importSnapshot"));
