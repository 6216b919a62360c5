/**
 * The live read model of one Register: the current {@link ReadModel}, kept up to date from
 * the change log (after each write, on LISTEN/NOTIFY where the store has it, and by polling
 * the last sequence number), and past models built from the store for `asOf` reads.
 */
import { Effect, Queue, Semaphore } from "effect";
import type { StoreUnavailable } from "../errors.js";
import { ReadModel, type Reference } from "../ReadModel.js";
import { type LogEntry, type Store, storeCall } from "../StoreService.js";

/** Tuning of the live model. */
export interface LiveOptions {
  /** Poll the store's last sequence number this often, in ms; 0 = never (listen only). */
  readonly pollIntervalMs: number;
  /** Past (as-of) models kept in memory. */
  readonly pastModels: number;
  /** Changes read from the log per request when catching up. */
  readonly changeBatch: number;
  /** Reload everything from `store.current()` instead of replaying more changes than this. */
  readonly reloadAfter: number;
}

export interface Live {
  /** The current model (no I/O). */
  readonly current: () => ReadModel;
  /** Runs `effect` holding the model lock: writes and catch-ups take turns. */
  readonly locked: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>;
  /** Brings the model up to the store's last change; call while holding the lock. */
  readonly catchUpLocked: Effect.Effect<ReadModel, StoreUnavailable>;
  /** Takes the lock and catches up. */
  readonly refresh: Effect.Effect<ReadModel, StoreUnavailable>;
  /**
   * Adopts the log rows a write just committed (loading the reference data again when it
   * wrote some); call while holding the lock.
   */
  readonly commitLocked: (
    changes: ReadonlyArray<LogEntry>,
  ) => Effect.Effect<ReadModel, StoreUnavailable>;
  /** Replaces the model (e.g. after an import of reference data); call while holding the lock. */
  readonly replaceLocked: (model: ReadModel) => void;
  /** Reloads the reference tables; call while holding the lock. */
  readonly reloadReferenceLocked: Effect.Effect<ReadModel, StoreUnavailable>;
  /**
   * The model as recorded at `asOf`: the current one when `asOf` is absent or not before
   * the last change the model knows; otherwise a past model from the store (cached by seq).
   */
  readonly at: (asOf: Date | undefined) => Effect.Effect<ReadModel, StoreUnavailable>;
  /**
   * The change sequence number `asOf` resolves to, or `"current"` when the current model
   * answers for it (no I/O in that case).
   */
  readonly seqAt: (asOf: Date | undefined) => Effect.Effect<number | "current", StoreUnavailable>;
}

/** The reference data as recorded at `seq` (current when absent), in one read. */
const loadReference = (store: Store, seq?: number): Effect.Effect<Reference, StoreUnavailable> =>
  storeCall("referenceAt", () => store.referenceAt(seq));

const recordedAtOf = (store: Store, seq: number) =>
  seq === 0
    ? Effect.succeed(null)
    : storeCall("changes", () => store.changes(seq - 1, 1)).pipe(
        Effect.map((changes) => changes[0]?.recordedAt ?? null),
      );

/** Everything current: the entities in one consistent read, the reference data as of it. */
export const loadModel = (store: Store): Effect.Effect<ReadModel, StoreUnavailable> =>
  Effect.gen(function* () {
    const current = yield* storeCall("current", () => store.current());
    const [reference, recordedAt] = yield* Effect.all(
      [loadReference(store, current.seq), recordedAtOf(store, current.seq)],
      { concurrency: "unbounded" },
    );
    return ReadModel.make(current.seq, recordedAt, current.histories, reference);
  });

/** The live model of one Register; its listener and poller live as long as the scope. */
export const makeLive = (store: Store, options: LiveOptions) =>
  Effect.gen(function* () {
    let model = yield* loadModel(store);
    const lock = yield* Semaphore.make(1);
    const past = new Map<number, ReadModel>();

    const catchUpLocked: Effect.Effect<ReadModel, StoreUnavailable> = Effect.gen(function* () {
      const last = yield* storeCall("lastSeq", () => store.lastSeq());
      if (last === model.seq) return model;
      if (last < model.seq || last - model.seq > options.reloadAfter) {
        // Far behind (or the store went back: a restored database): reload it all.
        model = yield* loadModel(store);
        past.clear();
        return model;
      }
      let next = model;
      let referenceChanged = false;
      while (next.seq < last) {
        const batch = yield* storeCall("changes", () =>
          store.changes(next.seq, options.changeBatch),
        );
        if (batch.length === 0) break;
        referenceChanged ||= batch.some((change) => change.kind === "reference");
        next = next.withChanges(batch);
      }
      // The log counts reference data; the data itself is read from its tables.
      if (referenceChanged) next = next.withReference(yield* loadReference(store, next.seq));
      model = next;
      return model;
    });

    const locked = <A, E, R>(effect: Effect.Effect<A, E, R>) => lock.withPermits(1)(effect);

    const commitLocked = (changes: ReadonlyArray<LogEntry>) =>
      Effect.suspend(() => {
        const first = changes[0];
        // Contiguous with what we hold: patch. Otherwise another process wrote in between:
        // replay the log, which includes our own changes.
        if (first === undefined) return Effect.succeed(model);
        if (first.seq === model.seq + 1) {
          const next = model.withChanges(changes);
          if (!changes.some((change) => change.kind === "reference")) {
            model = next;
            return Effect.succeed(model);
          }
          return Effect.map(loadReference(store, next.seq), (reference) => {
            model = next.withReference(reference);
            past.clear();
            return model;
          });
        }
        return catchUpLocked;
      });

    const reloadReferenceLocked = Effect.gen(function* () {
      model = model.withReference(yield* loadReference(store, model.seq));
      past.clear();
      return model;
    });

    const seqAt = (asOf: Date | undefined) =>
      Effect.suspend((): Effect.Effect<number | "current", StoreUnavailable> => {
        if (asOf === undefined) return Effect.succeed("current");
        const time = asOf.getTime();
        const recordedAt = model.recordedAt === null ? null : Date.parse(model.recordedAt);
        // recordedAt is truncated to ms, so only a strictly later asOf is surely after it.
        if (time >= Date.now() || (recordedAt !== null && time > recordedAt)) {
          return Effect.succeed("current");
        }
        return storeCall("seqAt", () => store.seqAt(asOf)).pipe(
          Effect.map((seq) => (seq === model.seq ? "current" : seq)),
        );
      });

    const at = (asOf: Date | undefined) =>
      Effect.gen(function* () {
        const seq = yield* seqAt(asOf);
        if (seq === "current") return model;
        if (seq > model.seq) {
          // The store is ahead of us: catch up, then the current model may answer.
          const caughtUp = yield* locked(catchUpLocked);
          if (caughtUp.seq === seq) return caughtUp;
        }
        const cached = past.get(seq);
        if (cached !== undefined) {
          past.delete(seq);
          past.set(seq, cached);
          return cached;
        }
        const versions = yield* storeCall("historyAsOf", () => store.historyAsOf(seq));
        // The reference data as recorded then: the current one when no reference change
        // came since.
        const referenceSeq = yield* storeCall("lastReferenceSeq", () =>
          store.lastReferenceSeq(seq),
        );
        const reference =
          referenceSeq === model.reference.seq ? model.reference : yield* loadReference(store, seq);
        const built = ReadModel.fromVersions(seq, versions, reference);
        past.set(seq, built);
        while (past.size > options.pastModels) {
          const oldest = past.keys().next();
          if (oldest.done) break;
          past.delete(oldest.value);
        }
        return built;
      });

    // Keep up with other processes: a NOTIFY (where the store can listen) or a poll.
    const wake = yield* Queue.unbounded<number>();
    if (store.listen !== undefined) {
      const listen = store.listen.bind(store);
      const stop = yield* storeCall("listen", () =>
        listen((seq) => {
          if (seq > model.seq) Queue.offerUnsafe(wake, seq);
        }),
      );
      yield* Effect.addFinalizer(() => Effect.promise(() => stop()).pipe(Effect.ignore));
    }
    const waitForWork =
      options.pollIntervalMs > 0
        ? Effect.race(Queue.takeAll(wake), Effect.sleep(options.pollIntervalMs))
        : Queue.takeAll(wake);
    yield* Effect.forkScoped(
      Effect.forever(
        waitForWork.pipe(
          Effect.andThen(locked(catchUpLocked)),
          Effect.ignore({ log: "Warn", message: "read model catch-up failed" }),
        ),
      ),
    );

    const live: Live = {
      current: () => model,
      locked,
      catchUpLocked,
      refresh: locked(catchUpLocked),
      commitLocked,
      replaceLocked: (next) => {
        model = next;
        past.clear();
      },
      reloadReferenceLocked,
      at,
      seqAt,
    };
    return live;
  });
