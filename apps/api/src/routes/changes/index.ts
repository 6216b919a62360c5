/**
 * @module changes
 * Registers the change feed and its event stream.
 */
import { runVerb } from "@care-atlas/services";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { conditionalRead, guarded, readGuard, readHeaders } from "../shared/reads.js";
import { listChanges } from "./list.js";
import { decodeChangeCursor, encodeChangeCursor } from "./schemas.js";
import { streamChanges } from "./stream.js";

/** How often an idle stream sends a comment, so proxies keep it open. */
const heartbeatMs = 15_000;
/** How often an idle stream checks for changes when nobody tells it. */
const pollMs = 1_000;

/** Adds the change feed routes. */
export const registerChanges = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  const read = readGuard(deps.readsRequireKey);
  const { runtime } = deps;

  app.openapi(guarded(listChanges, read, conditionalRead(deps.dataVersion)), async (c) => {
    const query = c.req.valid("query");
    const after = query.after === undefined ? 0 : (decodeChangeCursor(query.after) ?? 0);
    const page = await runVerb(runtime, (register) =>
      register.changes({
        after,
        ...(query.limit === undefined ? {} : { limit: query.limit }),
      }),
    );
    readHeaders(c, page.lastSeq);
    return c.json(
      {
        data: [...page.changes],
        nextCursor: encodeChangeCursor(page.next),
        lastSeq: page.lastSeq,
      },
      200,
    );
  });

  app.openapi(guarded(streamChanges, read), async (c) => {
    const query = c.req.valid("query");
    const resume = c.req.header("last-event-id");
    const cursor = query.after ?? resume;
    let after = cursor === undefined ? 0 : (decodeChangeCursor(cursor) ?? 0);
    c.header("Cache-Control", "no-store");
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | undefined;
      const unsubscribe = deps.onChange?.(() => wake?.());
      const shutdown = deps.shutdown;
      const onShutdown = () => {
        wake?.();
      };
      shutdown?.addEventListener("abort", onShutdown);
      stream.onAbort(() => wake?.());
      let lastBeat = Date.now();
      try {
        while (!stream.aborted && !stream.closed && shutdown?.aborted !== true) {
          const page = await runVerb(runtime, (register) =>
            register.changes({ after, limit: 100 }),
          );
          for (const change of page.changes) {
            await stream.writeSSE({
              event: "change",
              id: encodeChangeCursor(change.seq),
              data: JSON.stringify(change),
            });
          }
          after = page.next;
          if (page.changes.length > 0) continue;
          if (Date.now() - lastBeat >= heartbeatMs) {
            await stream.write(": heartbeat\n\n");
            lastBeat = Date.now();
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
        }
      } finally {
        unsubscribe?.();
        shutdown?.removeEventListener("abort", onShutdown);
      }
    });
  });
};
