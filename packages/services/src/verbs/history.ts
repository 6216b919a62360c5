/**
 * @module history
 * Everything ever recorded about one entity: every stored version with its recorded period
 * (change sequence numbers), and the change-log entries that wrote or superseded them —
 * who, when, why, from what source.
 */
import { type EntityKind, kindOfId } from "@care-atlas/domain";
import { Effect } from "effect";
import { NotFound, type StoreUnavailable } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { type StoredVersion, storeCall } from "../StoreService.js";

/** A change-log entry of one entity (without its before/after histories). */
export interface EntityChange {
  readonly seq: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly reason: string;
  readonly source: string | null;
  readonly operation: string;
  /** The entity's revision after this change. */
  readonly revision: number;
}

/** The recorded history of one entity. */
export interface HistoryRead {
  readonly kind: EntityKind;
  readonly id: string;
  /** The current revision; `null` when the entity no longer has any version. */
  readonly revision: number | null;
  /** Every stored version, in recording order. */
  readonly versions: ReadonlyArray<StoredVersion>;
  /** The changes that wrote or superseded those versions, in sequence order. */
  readonly changes: ReadonlyArray<EntityChange>;
  readonly dataVersion: number;
}

const page = 64;

/**
 * The log row of entity `id` in the transaction that stamped a version row with `seq`.
 * A transaction's log rows are consecutive seqs sharing one recorded_at (strictly later
 * than the previous transaction's), and it stamps the rows it writes with one of them: so
 * look at the run of rows around `seq` with the same recorded_at.
 */
const changeOfIn = (ctx: RegisterContext, id: string, seq: number) =>
  Effect.gen(function* () {
    const [anchor] = yield* storeCall("changes", () => ctx.store.changes(seq - 1, 1));
    if (anchor === undefined) return undefined;
    if (anchor.id === id) return anchor;
    // Forward from seq, then backward, while the rows belong to the same transaction.
    for (let after = seq; ; after += page) {
      const rows = yield* storeCall("changes", () => ctx.store.changes(after, page));
      const same = rows.filter((row) => row.recordedAt === anchor.recordedAt);
      const match = same.find((row) => row.id === id);
      if (match !== undefined) return match;
      if (same.length < page) break;
    }
    for (let upper = seq - 1; upper > 0; upper -= page) {
      const from = Math.max(0, upper - page);
      const rows = yield* storeCall("changes", () => ctx.store.changes(from, upper - from));
      const same = rows.filter((row) => row.recordedAt === anchor.recordedAt);
      const match = same.find((row) => row.id === id);
      if (match !== undefined) return match;
      if (same.length < rows.length || rows.length === 0) break;
    }
    return undefined;
  });

export type HistoryVerb = (id: string) => Effect.Effect<HistoryRead, NotFound | StoreUnavailable>;

/** `history(id)`. */
export const makeHistory =
  (ctx: RegisterContext): HistoryVerb =>
  (id) =>
    Effect.gen(function* () {
      const kind = kindOfId(id);
      const missing = new NotFound({
        what: "entity",
        key: id,
        message: `nothing was ever recorded about ${id}`,
      });
      if (kind === undefined) return yield* missing;
      const versions = yield* storeCall("recordedVersions", () => ctx.store.recordedVersions(id));
      if (versions.length === 0) return yield* missing;
      // A transaction stamps every version row it writes or supersedes with its last seq;
      // its log rows are the seqs just before that, sharing one recorded_at. So each seq
      // found on a row names a transaction, and this entity's log row is among its rows.
      const transactions = new Set<number>();
      for (const version of versions) {
        transactions.add(version.recordedFrom);
        if (version.recordedTo !== null) transactions.add(version.recordedTo);
      }
      const found = yield* Effect.forEach(
        [...transactions].sort((a, b) => a - b),
        (seq) => changeOfIn(ctx, id, seq),
        { concurrency: 4 },
      );
      const changes: EntityChange[] = found
        .filter((change) => change !== undefined)
        .map(({ seq, recordedAt, actor, reason, source, operation, revision }) => ({
          seq,
          recordedAt,
          actor,
          reason,
          source,
          operation,
          revision,
        }));
      const model = ctx.live.current();
      const sorted = [...versions].sort(
        (a, b) =>
          a.recordedFrom - b.recordedFrom || (a.data.valid.from < b.data.valid.from ? -1 : 1),
      );
      return {
        kind,
        id,
        revision: model.history(id)?.revision ?? null,
        versions: sorted,
        changes,
        dataVersion: model.seq,
      } satisfies HistoryRead;
    });
