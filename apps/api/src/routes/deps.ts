/**
 * @module deps
 * What the /v1 routes need: the register (the services' verbs, taken once from the
 * ManagedRuntime at start-up), the read access policy, and a way to hear of new changes.
 */
import type { RegisterShape } from "@care-atlas/services";
import type { ReadCache } from "../readCache.js";

/** What `registerV1` needs. */
export interface RouteDeps {
  /** The services' Register (its verbs are Effects that need nothing more). */
  readonly register: RegisterShape;
  /** Whether reads need an API key with the read scope. */
  readonly readsRequireKey: boolean;
  /**
   * Calls `listener` with the new data version after changes are committed (by this
   * process or, on a server, any). Returns an unsubscribe function. Used by the SSE stream;
   * absent = the stream polls.
   */
  readonly onChange?: (listener: (dataVersion: number) => void) => () => void;
  /** Serialised answers of current-state reads (a fresh one per app when absent). */
  readonly cache?: ReadCache;
  /** Aborted when the server shuts down: long-lived streams end. */
  readonly shutdown?: AbortSignal;
}
