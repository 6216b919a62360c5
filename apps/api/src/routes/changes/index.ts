/**
 * @module changes
 * Registers the change feed and its event stream.
 */
import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../../context.js";
import { readGuard, run, sendRead } from "../common.js";
import type { RouteDeps } from "../deps.js";
import { guarded } from "../resource.js";
import { listChanges } from "./list.js";
import { decodeChangeCursor, encodeChangeCursor } from "./schemas.js";
import { streamChanges } from "./stream.js";

type Handler = (c: Context<AppEnv>) => Promise<Response>;
type Valid = { valid(target: string): Record<string, unknown> };

/** How often an idle stream sends a comment, so proxies keep it open. */
const heartbeatMs = 15_000;
/** How often an idle stream checks for changes when nobody tells it. */
const pollMs = 1_000;

/** Adds the change feed routes. */
export const registerChanges = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  const read = readGuard(deps.readsRequireKey);
  const openapi = app.openapi as unknown as (route: RouteConfig, handler: Handler) => void;

  openapi(guarded(listChanges, read), async (c) => {
    const query = (c.req as unknown as Valid).valid("query") as { after?: string; limit?: number };
    const after = query.after === undefined ? 0 : (decodeChangeCursor(query.after) ?? 0);
    const page = await run(
      deps.register.changes({
        after,
        ...(query.limit === undefined ? {} : { limit: query.limit }),
      }),
    );
    return sendRead(c, page.lastSeq, {
      data: page.changes,
      nextCursor: encodeChangeCursor(page.next),
      lastSeq: page.lastSeq,
    });
  });

  openapi(guarded(streamChanges, read), async (c) => {
    const query = (c.req as unknown as Valid).valid("query") as { after?: string };
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
          const page = await run(deps.register.changes({ after, limit: 100 }));
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
