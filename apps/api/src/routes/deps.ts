/**
 * @module deps
 * What the /v1 routes need: the services' runtime (every verb runs through `runVerb` on
 * it), the read model's data version without I/O, the read access policy, and a way to hear
 * of new changes.
 */
import type { AuthStore } from "@care-atlas/auth";
import type { RegisterRuntime } from "@care-atlas/services";
import type { Boundaries } from "../geography/Boundaries.js";
import type { ReadCache } from "../readCache.js";

/** What `registerV1` needs. */
export interface RouteDeps {
  /** Runs the services' verbs (the app's ManagedRuntime, which provides the Register). */
  readonly runtime: RegisterRuntime;
  /** The data version (last change seq) the register answers at now; no I/O. */
  readonly dataVersion: () => number;
  /** Whether reads need an API key with the read scope. */
  readonly readsRequireKey: boolean;
  /**
   * Calls `listener` with the new data version after changes are committed (by this
   * process or, on a server, any). Returns an unsubscribe function. Used by the SSE stream;
   * absent = the stream polls.
   */
  readonly onChange?: (listener: (dataVersion: number) => void) => () => void;
  /** Serialised answers of current-state reads (none: every read is answered afresh). */
  readonly cache?: ReadCache;
  /** The boundary sets (read on first use); `@care-atlas/data`'s when absent. */
  readonly boundaries?: Boundaries;
  /** Aborted when the server shuts down: long-lived streams end. */
  readonly shutdown?: AbortSignal;
  /** API keys and the audit trail, for the access routes (absent: they answer 503). */
  readonly access?: Pick<AuthStore, "createKey" | "listKeys" | "revokeKey" | "listEvents">;
  /** The largest file `POST /v1/imports` takes, in bytes (default 256 MiB). */
  readonly importBodyLimitBytes?: number;
}
