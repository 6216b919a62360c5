/**
 * @module AccessWatcher
 * Follows the audit trail of access (`@care-atlas/auth`'s `auth_event`) so that what
 * another process changed takes effect here: a revoked key leaves this process's key cache.
 * Woken by NOTIFY on the auth channel (every event is announced), and by a poll every
 * `pollMs` in case a notification was lost (e.g. while the database restarted), so a
 * revocation anywhere takes effect everywhere within about a second.
 */
import { type AuthEvent, type AuthStore, authChannel } from "@care-atlas/auth";
import type { Logger } from "../logger.js";

/** What the watcher needs. */
export interface AccessWatcherDeps {
  readonly auth: Pick<AuthStore, "eventsAfter" | "listEvents">;
  /** Subscribes to a NOTIFY channel of the database (the store's `subscribe`). */
  readonly subscribe?: (
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ) => Promise<() => Promise<void>>;
  /** Called for every new event, in order. */
  readonly onEvent: (event: AuthEvent) => void;
  readonly logger: Pick<Logger, "debug" | "warn">;
  /** How often to read the trail without being woken, in ms (default 1,000). */
  readonly pollMs?: number;
}

/** A running watcher. */
export interface AccessWatcher {
  /** Reads the trail now (resolves once this process has seen every event so far). */
  readonly catchUp: () => Promise<void>;
  readonly stop: () => Promise<void>;
}

/**
 * Starts following the trail from its current end.
 *
 * @example
 * ```ts
 * const watcher = await watchAccess({ auth, subscribe: store.subscribe, logger,
 *   onEvent: (e) => { if (e.action === "key.revoked") keyCache.revoke(e.subject); } });
 * ```
 */
export const watchAccess = async (deps: AccessWatcherDeps): Promise<AccessWatcher> => {
  let last = (await deps.auth.listEvents({ limit: 1 }))[0]?.id ?? 0;
  let running: Promise<void> | undefined;
  let again = false;
  let failing = false;
  const read = async (): Promise<void> => {
    do {
      again = false;
      for (;;) {
        const events = await deps.auth.eventsAfter(last, 500);
        for (const event of events) {
          last = event.id;
          deps.onEvent(event);
        }
        if (events.length < 500) break;
      }
    } while (again);
  };
  const catchUp = (): Promise<void> => {
    if (running !== undefined) {
      // Whatever woke us may have committed after the read in flight began: read once more.
      again = true;
      return running;
    }
    running = read()
      .then(
        () => {
          if (failing) deps.logger.debug("access trail readable again");
          failing = false;
        },
        (error: unknown) => {
          if (!failing) deps.logger.warn("access trail unreadable", { error: String(error) });
          failing = true;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const unsubscribe =
    deps.subscribe === undefined
      ? undefined
      : await deps.subscribe(
          authChannel,
          () => void catchUp(),
          () => void catchUp(),
        );
  const timer = setInterval(() => void catchUp(), deps.pollMs ?? 1000);
  timer.unref();
  return {
    catchUp,
    stop: async () => {
      clearInterval(timer);
      await unsubscribe?.();
      await running;
    },
  };
};
