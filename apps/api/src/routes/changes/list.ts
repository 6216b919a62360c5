/**
 * @module changes/list
 * `GET /v1/changes?after=<cursor>`: the change log a page at a time, oldest first. The
 * cursor is stable: keep the last `nextCursor` and ask again later for what came after.
 */
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { wholeNumber } from "../shared/query.js";
import { ChangeCursor, FeedEntry } from "./schemas.js";

export const listChanges = createRoute({
  method: "get",
  path: "/v1/changes",
  tags: ["Changes"],
  operationId: "listChanges",
  summary: "The change feed, a page at a time",
  security: readSecurity,
  request: {
    query: z.object({
      after: ChangeCursor.optional(),
      limit: wholeNumber(1, 1000, "must be a whole number from 1 to 1000")
        .optional()
        .meta({ description: "Changes per page, 1–1000 (default 100)." }),
    }),
  },
  responses: {
    200: {
      description: "A page of changes.",
      headers: etagHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              data: z
                .array(FeedEntry)
                .describe(
                  "Entity changes, one per entity a write changed, and one entry per write of reference data (kind reference).",
                ),
              nextCursor: z
                .string()
                .describe("Pass as `after` for what comes next (also when empty)."),
              lastSeq: z
                .number()
                .int()
                .nonnegative()
                .describe("The newest change at the time of the read."),
            })
            .meta({ id: "ChangePage" }),
        },
      },
    },
    ...readProblems,
  },
});
