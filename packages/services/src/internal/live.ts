/**
 * The live read model of one Register: the current {@link ReadModel}, kept up to date from
 * the change log (after each write, on LISTEN/NOTIFY where the store has it, and by polling
 * the last sequence number), and past models built from the store for `asOf` reads.
 *
 * Where the store has a replica (a streaming standby), the model is built and refreshed
 * from it; the replica may lag the primary, so a notified change the replica does not yet
 * hold is asked again shortly, and from the primary once it has lagged
 * {@link replicaPatienceMs}. A replica that fails is passed over for the primary until it
 * answers again. Writes always catch up from the primary first.
 */
import type { StoreReader } from "@care-atlas/store";
import { Effect, Queue, Semaphore } from "effect";
import { invalidInput, type StoreUnavailable, type ValidationFailed } from "../errors.js";
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

/** How the live model is keeping up (no I/O). */
export interface LiveStatus {
  /** The data version of the current model. */
  readonly dataVersion: number;
  /** `none` without a replica; `ok` when its last read worked; otherwise its last error. */
  readonly replica: string;
  /** The last catch-up's error, or `undefined` when it worked. */
  readonly lastError: string | undefined;
}

/** How long a change notified by the primary may be missing on the replica before the primary is asked, in ms. */
export const replicaPatienceMs = 500;

/** How often the replica is asked again for a change it does not hold yet, in ms. */
const replicaRetryMs = 10;

export interface Live {
  /** The current model (no I/O). */
  readonly current: () => ReadModel;
  /** How the model is keeping up (no I/O). */
  readonly status: () => LiveStatus;
  /** Runs `effect` holding the model lock: writes and catch-ups take turns. */
  readonly locked: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>;
  /**
   * Brings the model up to the last change the read source holds (the replica, else the
   * primary); call while holding the lock.
   */
  readonly catchUpLocked: Effect.Effect<ReadModel, StoreUnavailable>;
  /**
   * Brings the model up to the primary's last change (what every write checks against);
   * call while holding the lock.
   */
  readonly catchUpPrimaryLocked: Effect.Effect<ReadModel, StoreUnavailable>;
  /**
   * The model once it holds data version `seq` (read-your-writes): at once when it does;
   * otherwise after catching up from the replica, then from the primary. Fails with
   * `ValidationFailed` when the register has no such version yet, `StoreUnavailable` when
   * neither source answers.
   */
  readonly atLeast: (seq: number) => Effect.Effect<ReadModel, StoreUnavailable | ValidationFailed>;
  /** Takes the lock and catches up. */
  readonly refresh: Effect.Effect<ReadModel, StoreUnavailable>;
  /**
   * Adopts the log rows a write just committed (loading the reference data again when it
   * wrote some); call while holding the lock.
   */
  readonly commitLocked: (
    changes: ReadonlyArray<LogEntry>,
  ) => Effect.Effect<ReadModel, StoreUnavailable>;
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

/** The reads of the primary, as a {@link StoreReader}. */
const primaryOf = (store: Store): StoreReader => ({
  role: "primary",
  lastSeq: () => store.lastSeq(),
  seqAt: (asOf) => store.seqAt(asOf),
  current: () => store.current(),
  historyAsOf: (seq, filter) => store.historyAsOf(seq, filter),
  changes: (after, limit) => store.changes(after, limit),
  referenceAt: (seq) => store.referenceAt(seq),
  lastReferenceSeq: (seq) => store.lastReferenceSeq(seq),
  lsoas: () => store.lsoas(),
  postcodes: () => store.postcodes(),
  assignments: () => store.assignments(),
  sources: () => store.sources(),
});

const messageOf = (error: StoreUnavailable): string => error.message;

/** What a model can be loaded from: the primary (a `Store`) or a replica. */
type ModelSource = Omit<StoreReader, "role">;

/** The reference data as recorded at `seq` (current when absent), in one read. */
const loadReference = (
  store: ModelSource,
  seq?: number,
): Effect.Effect<Reference, StoreUnavailable> =>
  storeCall("referenceAt", () => store.referenceAt(seq));

const recordedAtOf = (store: ModelSource, seq: number) =>
  seq === 0
    ? Effect.succeed(null)
    : storeCall("changes", () => store.changes(seq - 1, 1)).pipe(
        Effect.map((changes) => changes[0]?.recordedAt ?? null),
      );

/** Everything current: the entities in one consistent read, the reference data as of it. */
export const loadModel = (store: ModelSource): Effect.Effect<ReadModel, StoreUnavailable> =>
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
    const primary = primaryOf(store);
    const replica = store.replica;
    let replicaState = replica === undefined ? "none" : "ok";
    let lastError: string | undefined;

    /** Runs a read on the replica, falling back to the primary when the replica fails. */
    const preferReplica = <A>(
      read: (source: StoreReader) => Effect.Effect<A, StoreUnavailable>,
    ): Effect.Effect<A, StoreUnavailable> =>
      replica === undefined
        ? read(primary)
        : read(replica).pipe(
            Effect.tap(() =>
              Effect.sync(() => {
                replicaState = "ok";
              }),
            ),
            Effect.catchTag("StoreUnavailable", (error) =>
              Effect.andThen(
                Effect.sync(() => {
                  replicaState = messageOf(error);
                }),
                read(primary),
              ),
            ),
          );

    let model = yield* preferReplica(loadModel);
    const lock = yield* Semaphore.make(1);
    const past = new Map<number, ReadModel>();

    const catchUpFrom = (source: StoreReader): Effect.Effect<ReadModel, StoreUnavailable> =>
      Effect.gen(function* () {
        const last = yield* storeCall("lastSeq", () => source.lastSeq());
        if (last === model.seq) return model;
        // A replica behind what this process already holds: nothing new there yet.
        if (last < model.seq && source.role === "replica") return model;
        if (last < model.seq || last - model.seq > options.reloadAfter) {
          // Far behind (or the primary went back: a restored database): reload it all.
          model = yield* loadModel(source);
          past.clear();
          return model;
        }
        let next = model;
        let referenceChanged = false;
        while (next.seq < last) {
          const batch = yield* storeCall("changes", () =>
            source.changes(next.seq, options.changeBatch),
          );
          if (batch.length === 0) break;
          referenceChanged ||= batch.some((change) => change.kind === "reference");
          next = next.withChanges(batch);
        }
        // The log counts reference data; the data itself is read from its tables.
        if (referenceChanged) {
          next = next.withReference(yield* loadReference(source, next.seq));
        }
        model = next;
        return model;
      });

    const noteResult = <A>(effect: Effect.Effect<A, StoreUnavailable>) =>
      effect.pipe(
        Effect.tap(() =>
          Effect.sync(() => {
            lastError = undefined;
          }),
        ),
        Effect.tapError((error) =>
          Effect.sync(() => {
            lastError = messageOf(error);
          }),
        ),
      );

    const catchUpLocked = noteResult(preferReplica(catchUpFrom));
    const catchUpPrimaryLocked = noteResult(catchUpFrom(primary));

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
          return Effect.map(loadReference(primary, next.seq), (reference) => {
            model = next.withReference(reference);
            past.clear();
            return model;
          });
        }
        return catchUpPrimaryLocked;
      });

    const atLeast = (seq: number) =>
      Effect.gen(function* () {
        if (model.seq >= seq) return model;
        const fromReader = yield* locked(catchUpLocked);
        if (fromReader.seq >= seq) return fromReader;
        const fromPrimary = yield* locked(catchUpPrimaryLocked);
        if (fromPrimary.seq >= seq) return fromPrimary;
        return yield* invalidInput([
          {
            path: "header.min-data-version",
            message: `data version ${seq} does not exist: the register is at ${fromPrimary.seq}`,
          },
        ]);
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
          const caughtUp = yield* locked(catchUpPrimaryLocked);
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
    // `wanted` is the last change the primary announced; `primaryCheck` asks the primary
    // itself (its notifications were lost while it was away).
    let wanted = 0;
    let primaryCheck = false;
    const wake = yield* Queue.unbounded<true>();
    if (store.listen !== undefined) {
      const listen = store.listen.bind(store);
      const stop = yield* storeCall("listen", () =>
        listen(
          (seq) => {
            if (seq > wanted) wanted = seq;
            if (seq > model.seq) Queue.offerUnsafe(wake, true);
          },
          () => {
            primaryCheck = true;
            Queue.offerUnsafe(wake, true);
          },
        ),
      );
      yield* Effect.addFinalizer(() => Effect.promise(() => stop()).pipe(Effect.ignore));
    }
    const waitForWork =
      options.pollIntervalMs > 0
        ? Effect.race(Queue.takeAll(wake), Effect.sleep(options.pollIntervalMs))
        : Queue.takeAll(wake);
    const keepUp = Effect.gen(function* () {
      if (primaryCheck) {
        primaryCheck = false;
        yield* locked(catchUpPrimaryLocked);
        return;
      }
      yield* locked(catchUpLocked);
      if (replica === undefined) return;
      // The replica has not replayed an announced change yet: ask it again shortly, and
      // the primary once it has lagged for long enough.
      const since = Date.now();
      while (model.seq < wanted && Date.now() - since < replicaPatienceMs) {
        yield* Effect.sleep(replicaRetryMs);
        yield* locked(catchUpLocked);
      }
      if (model.seq < wanted) yield* locked(catchUpPrimaryLocked);
    });
    yield* Effect.forkScoped(
      Effect.forever(
        waitForWork.pipe(
          Effect.andThen(keepUp),
          Effect.ignore({ log: "Warn", message: "read model catch-up failed" }),
        ),
      ),
    );

    const live: Live = {
      current: () => model,
      status: () => ({ dataVersion: model.seq, replica: replicaState, lastError }),
      locked,
      catchUpLocked,
      catchUpPrimaryLocked,
      atLeast,
      refresh: locked(catchUpLocked),
      commitLocked,
      at,
      seqAt,
    };
    return live;
  });
