/**
 * @module changes
 * Registers the change feed and its event stream.
 */
import { grants } from "@care-atlas/auth";
import { runVerb } from "@care-atlas/services";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { queryDigest } from "../shared/cursor.js";
import { conditionalRead, guarded, readGuard, readHeaders } from "../shared/reads.js";
import { listChanges } from "./list.js";
import {
  type ChangeFilters,
  decodeChangeCursor,
  encodeChangeCursor,
  filterOptions,
  visibleChange,
} from "./schemas.js";
import { streamChanges } from "./stream.js";

/** Whether the caller may see who made each change and why (the audit scope). */
const mayAudit = (c: Context<AppEnv>): boolean => {
  const principal = c.get("principal");
  return principal !== undefined && grants(principal.scopes, "audit");
};

/** Where the feed starts: after the cursor, else after `afterVersion`, else the start. */
const startOf = (
  filters: ChangeFilters,
  cursor: string | undefined,
  digest: string,
  where: string,
): number =>
  cursor === undefined ? (filters.afterVersion ?? 0) : decodeChangeCursor(cursor, digest, where);

/** The feed's filters of a parsed query (its cursor and limit left out). */
const filtersOf = (query: ChangeFilters): ChangeFilters => ({
  kind: query.kind,
  id: query.id,
  since: query.since,
  afterVersion: query.afterVersion,
});

/** How often an idle stream sends a comment, so proxies keep it open. */
const heartbeatMs = 15_000;
/** How often an idle stream checks for changes when nobody tells it. */
const pollMs = 1_000;

/** Adds the change feed routes. */
export const registerChanges = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  const read = readGuard(deps.readsRequireKey);
  const { runtime } = deps;

  app.openapi(guarded(listChanges, read, conditionalRead), async (c) => {
    const query = c.req.valid("query");
    const filters = filtersOf(query);
    const digest = queryDigest(listChanges.path, filters);
    const after = startOf(filters, query.cursor, digest, "query.cursor");
    const audit = mayAudit(c);
    const page = await runVerb(runtime, (register) =>
      register.changes({
        after,
        ...filterOptions(filters),
        ...(query.limit === undefined ? {} : { limit: query.limit }),
      }),
    );
    const body = {
      data: page.changes.map((change) => visibleChange(change, audit)),
      nextCursor: encodeChangeCursor(page.next, digest),
      dataVersion: page.lastSeq,
    };
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200);
  });

  app.openapi(guarded(streamChanges, read), async (c) => {
    const query = c.req.valid("query");
    const filters = filtersOf(query);
    const digest = queryDigest(listChanges.path, filters);
    const resume = c.req.valid("header")["last-event-id"];
    let after =
      query.cursor !== undefined
        ? startOf(filters, query.cursor, digest, "query.cursor")
        : startOf(filters, resume, digest, "header.last-event-id");
    const audit = mayAudit(c);
    const options = filterOptions(filters);
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
            register.changes({ after, limit: 100, ...options }),
          );
          for (const change of page.changes) {
            await stream.writeSSE({
              event: "change",
              id: encodeChangeCursor(change.seq, digest),
              data: JSON.stringify(visibleChange(change, audit)),
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
