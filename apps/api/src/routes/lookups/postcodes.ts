/**
 * @module lookups/postcodes
 * `POST /v1/lookup/postcodes`: up to 20,000 postcodes in one request, an answer or an error
 * for each, in the order sent.
 */
import { IsoDate } from "@care-atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { problemResponses, readSecurity } from "../shared/openapi.js";
import { BulkIncluded, BulkPostcodeItem } from "./schemas.js";

/** The most postcodes one bulk request may carry. */
export const maxBulkPostcodes = 20_000;

export const lookupPostcodes = createRoute({
  method: "post",
  path: "/v1/lookup/postcodes",
  tags: ["Lookups"],
  operationId: "lookupPostcodes",
  summary: `Look up to ${maxBulkPostcodes.toLocaleString("en-GB")} postcodes at once`,
  security: readSecurity,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              postcodes: z
                .array(z.string().max(32))
                .min(1, { error: "send at least one postcode" })
                .max(maxBulkPostcodes, { error: `send at most ${maxBulkPostcodes} postcodes` }),
              validAt: IsoDate.optional(),
              asOf: z.iso.datetime({ offset: true }).optional(),
            })
            .meta({ id: "BulkPostcodeRequest" }),
        },
      },
    },
  },
  responses: {
    200: {
      description:
        "One item per postcode sent, in order; each refers by key to the records in `included` (each sent once).",
      content: {
        "application/json": {
          schema: z
            .object({
              data: z.array(BulkPostcodeItem),
              included: BulkIncluded,
              found: z.number().int().nonnegative(),
              failed: z.number().int().nonnegative(),
              dataVersion: z.number().int().nonnegative(),
            })
            .meta({ id: "BulkPostcodeResponse" }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 413, 415, 503),
  },
});
