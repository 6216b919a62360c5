/**
 * @module changes/list
 * `GET /v1/changes`: the change log a page at a time, oldest first, optionally only some
 * kinds, one entity, or what was recorded since a time or after a data version. The cursor
 * is stable: keep the last `nextCursor` and ask again later (with the same filters) for
 * what came after.
 */
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { wholeNumber } from "../shared/query.js";
import { ChangeCursor, ChangeFilters, FeedEntry } from "./schemas.js";

export const listChanges = createRoute({
  method: "get",
  path: "/v1/changes",
  tags: ["Changes"],
  operationId: "listChanges",
  summary: "List the changes recorded in the register, oldest first",
  description:
    "The change log a page at a time, oldest first: pass `nextCursor` back as `cursor` (with the same filters) for what came after — also later, to sync. Filter by `kind`, `id`, `since` (a time) or `afterVersion` (the `dataVersion` of a read). Who made each change and why are shown only to keys with the `audit` scope; everyone sees `actorKind`.",
  security: readSecurity,
  request: {
    query: ChangeFilters.extend({
      cursor: ChangeCursor.optional(),
      limit: wholeNumber(1, 1000, "must be a whole number from 1 to 1000")
        .optional()
        .meta({ description: "Changes per page, 1–1000 (default 100).", example: 100 }),
    }),
  },
  responses: {
    200: {
      description: "A page of changes, oldest first.",
      headers: etagHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              data: z
                .array(FeedEntry)
                .describe(
                  "The entries of the page, oldest first: entity changes, one per entity a write changed, and one entry per write of reference data (`kind: reference`), unless `kind` or `id` asks only for entities.",
                ),
              nextCursor: z
                .string()
                .describe(
                  "Pass as `cursor` (with the same filters) for what comes next, also when the page is empty.",
                ),
              dataVersion: z
                .number()
                .int()
                .nonnegative()
                .describe("The newest change of the register at the time of the read."),
            })
            .meta({ id: "ChangePage", description: "A page of the change feed." }),
        },
      },
    },
    ...readProblems,
  },
});
