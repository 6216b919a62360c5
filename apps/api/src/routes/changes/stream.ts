/**
 * @module changes/stream
 * `GET /v1/changes/stream`: the same feed as server-sent events. Each event is `change`,
 * its `id` the cursor after it (so `Last-Event-ID` resumes), its data one Change as JSON.
 */
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { problemResponses, readSecurity } from "../shared/openapi.js";
import { ChangeCursor } from "./schemas.js";

export const streamChanges = createRoute({
  method: "get",
  path: "/v1/changes/stream",
  tags: ["Changes"],
  operationId: "streamChanges",
  summary: "The change feed as server-sent events",
  security: readSecurity,
  request: {
    query: z.object({ after: ChangeCursor.optional() }),
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
      content: { "text/event-stream": { schema: z.string() } },
    },
    ...problemResponses(400, 401, 403, 503),
  },
});
