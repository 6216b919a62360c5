/**
 * @module changes/stream
 * `GET /v1/changes/stream`: the same feed as server-sent events, with the same filters.
 * Each event is `change`, its `id` the cursor after it (so `Last-Event-ID` resumes), its
 * data one Change as JSON.
 */
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { problemResponses, readSecurity } from "../shared/openapi.js";
import { ChangeCursor, ChangeFilters } from "./schemas.js";

export const streamChanges = createRoute({
  method: "get",
  path: "/v1/changes/stream",
  tags: ["Changes"],
  operationId: "streamChanges",
  summary: "Stream the changes as server-sent events",
  description:
    "The change feed as server-sent events: the changes after `cursor` (or `Last-Event-ID`, or the filters' start), then each new one as it is recorded. Each event is `event: change`, `id: <cursor>` and `data: <Change as JSON>`; the filters and the audit rule are those of `GET /v1/changes`.",
  security: readSecurity,
  request: {
    query: ChangeFilters.extend({ cursor: ChangeCursor.optional() }),
    headers: z.object({
      "last-event-id": ChangeCursor.optional().meta({
        description: "Resume after this event (sent by EventSource on reconnect).",
      }),
    }),
  },
  responses: {
    200: {
      description:
        "An event stream: `event: change`, `id: <cursor>`, `data: <FeedEntry JSON>` (a Change, or a ReferenceChange).",
      content: {
        "text/event-stream": {
          schema: z.string().meta({
            description: "Server-sent events.",
            example: 'event: change\nid: 1x2y3z.c2VxOjQ1\ndata: {"seq":45,…}\n\n',
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 503),
  },
});
