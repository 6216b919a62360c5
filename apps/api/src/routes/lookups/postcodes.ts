/**
 * @module lookups/postcodes
 * `POST /v1/lookup/postcodes`: up to 20,000 postcodes in one request, an answer or an error
 * for each, in the order sent.
 */
import { IsoDate } from "@care-atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { DataVersion, problemResponses, readSecurity } from "../shared/openapi.js";
import { BulkIncluded, BulkPostcodeItem } from "./schemas.js";

/** The most postcodes one bulk request may carry. */
export const maxBulkPostcodes = 20_000;

export const lookupPostcodes = createRoute({
  method: "post",
  path: "/v1/lookup/postcodes",
  tags: ["Lookups"],
  operationId: "lookupPostcodes",
  summary: `Look up to ${maxBulkPostcodes.toLocaleString("en-GB")} postcodes at once`,
  description:
    "One answer or error per postcode sent, in order, each referring by key to the records in `included` (each sent once). One date for the whole request. Coverage as for the one-postcode lookup. Not cached (a POST).",
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
                .describe("The postcodes, any case and spacing; each is answered in this order.")
                .min(1, { error: "send at least one postcode" })
                .max(maxBulkPostcodes, { error: `send at most ${maxBulkPostcodes} postcodes` }),
              validAt: IsoDate.optional().describe(
                "The date the facts were true, YYYY-MM-DD (default: today), for every postcode.",
              ),
              asOf: z.iso
                .datetime({ offset: true })
                .optional()
                .describe("What the register had recorded at this time (default: now)."),
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
              data: z
                .array(BulkPostcodeItem)
                .describe("One item per postcode sent, in the order sent."),
              included: BulkIncluded,
              found: z.number().int().nonnegative().describe("How many postcodes were found."),
              failed: z
                .number()
                .int()
                .nonnegative()
                .describe("How many were not valid or not found."),
              dataVersion: DataVersion,
            })
            .meta({ id: "BulkPostcodeResponse" }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 413, 415, 503),
  },
});
