/**
 * @module StoreService
 * The store the services run on, as an Effect service: the Promise API of
 * `@care-atlas/store`, provided by a Layer that opens (and migrates) it or by one that wraps
 * a store opened elsewhere. The verbs call it through {@link storeCall}, which turns its
 * rejections into tagged errors.
 */

import {
  type ChangeInput,
  type LogEntry,
  openStore,
  type Store,
  StoreConflict,
  StoreInvalidInput,
  StoreMoved,
} from "@care-atlas/store";
import { Context, Data, Effect, Layer } from "effect";
import { Conflict, StoreUnavailable, ValidationFailed } from "./errors.js";

export {
  type Change,
  type ChangeInput,
  type EntityHistory,
  entityChanges,
  isEntityChange,
  type LogEntry,
  type ReferenceChange,
  type ReferenceCount,
  type ReferenceData,
  type ReferenceDataset,
  type Store,
  type StoredVersion,
  type StoreReader,
} from "@care-atlas/store";

/** Where the store is: a PostgreSQL server URL, a PGlite data directory, or neither (in memory). */
export interface StoreOptions {
  readonly databaseUrl?: string | undefined;
  /** A streaming replica of `databaseUrl`, for building and refreshing the read model. */
  readonly readUrl?: string | undefined;
  readonly dataDir?: string | undefined;
  /** Server connections in the pool. */
  readonly poolSize?: number | undefined;
}

/**
 * The store the services use.
 *
 * @example
 * ```ts
 * import { Register, StoreService } from "@care-atlas/services";
 * import { Layer } from "effect";
 * // An in-memory PGlite store, migrated on start and closed when the layer is released.
 * const layer = Register.layer.pipe(Layer.provide(StoreService.layer({})));
 * ```
 */
export class StoreService extends Context.Service<StoreService, Store>()(
  "@care-atlas/services/StoreService",
) {
  /** Opens the store, runs its migrations, and closes it when the layer is released. */
  static readonly layer = (options: StoreOptions): Layer.Layer<StoreService, StoreUnavailable> =>
    Layer.effect(
      StoreService,
      Effect.acquireRelease(
        Effect.gen(function* () {
          const store = yield* storeCall("openStore", () =>
            openStore({
              ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
              ...(options.readUrl === undefined ? {} : { readUrl: options.readUrl }),
              ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
              ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
            }),
          );
          yield* storeCall("migrate", () => store.migrate()).pipe(
            Effect.tapError(() => Effect.promise(() => store.close())),
          );
          return store;
        }),
        (store) => Effect.promise(() => store.close()).pipe(Effect.ignore),
      ),
    );

  /** A store opened (and migrated) elsewhere; the caller closes it. */
  static readonly fromStore = (store: Store): Layer.Layer<StoreService> =>
    Layer.succeed(StoreService, store);
}

const describeCause = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause);

/**
 * Runs one store call; a rejection becomes `StoreUnavailable` naming the operation.
 *
 * @example
 * ```ts
 * import { storeCall } from "@care-atlas/services";
 * declare const store: import("@care-atlas/services").Store;
 * const lastSeq = storeCall("lastSeq", () => store.lastSeq());
 * ```
 */
export const storeCall = <A>(
  operation: string,
  run: () => Promise<A>,
): Effect.Effect<A, StoreUnavailable> =>
  Effect.tryPromise({
    try: run,
    catch: (cause) =>
      new StoreUnavailable({
        operation,
        cause,
        message: `store ${operation} failed: ${describeCause(cause)}`,
      }),
  });

/**
 * A write was checked against a data version of the register that is no longer the latest:
 * another writer (another process) committed first, and the store refused the write
 * (nothing written). Not a service error: the write pipeline catches up, checks the change
 * again and retries (see `internal/write.ts`).
 *
 * @example
 * ```ts
 * import { RegisterMoved } from "@care-atlas/services";
 * new RegisterMoved({ expected: 41, actual: 42, message: "moved" }).actual; // 42
 * ```
 */
export class RegisterMoved extends Data.TaggedError("RegisterMoved")<{
  readonly expected: number;
  readonly actual: number;
  readonly message: string;
}> {}

/**
 * `store.apply` of a change checked at data version `expectedSeq` (required: every write of
 * the services names the register it was checked against), with a register that moved on
 * since (`StoreMoved`) as `RegisterMoved`, a revision mismatch (`StoreConflict`) as a
 * `Conflict` and a write the store refuses as malformed (`StoreInvalidInput`) as
 * `ValidationFailed`.
 *
 * @example
 * ```ts
 * import { applyChange } from "@care-atlas/services";
 * declare const store: import("@care-atlas/services").Store;
 * applyChange(store, { actor: "synthetic", reason: "example", operation: "update", entities: [], expectedSeq: 0 });
 * ```
 */
export const applyChange = (
  store: Store,
  change: ChangeInput & { readonly expectedSeq: number },
): Effect.Effect<LogEntry[], Conflict | ValidationFailed | StoreUnavailable | RegisterMoved> =>
  Effect.tryPromise({
    try: () => store.apply(change),
    catch: (cause): Conflict | ValidationFailed | StoreUnavailable | RegisterMoved => {
      if (cause instanceof StoreMoved) {
        return new RegisterMoved({
          expected: cause.expected,
          actual: cause.actual,
          message: cause.message,
        });
      }
      if (cause instanceof StoreConflict) {
        return new Conflict({
          id: cause.id,
          expected: cause.expected,
          actual: cause.actual,
          message: `${cause.id} is at revision ${cause.actual ?? "none (it does not exist)"}, not ${cause.expected ?? "none (it must not exist)"}: it was changed by someone else`,
        });
      }
      if (cause instanceof StoreInvalidInput) {
        return new ValidationFailed({
          about: "change",
          issues: [],
          findings: [],
          message: cause.message,
        });
      }
      return new StoreUnavailable({
        operation: "apply",
        cause,
        message: `store apply failed: ${describeCause(cause)}`,
      });
    },
  });
