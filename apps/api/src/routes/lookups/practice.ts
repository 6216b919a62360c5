/**
 * @module lookups/practice
 * `GET /v1/lookup/practice/{odsCode}`: a GP practice → its PCN → neighbourhood → place.
 */
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { RepresentationQuery } from "../../representation/representation.js";
import { etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { TimeQuery } from "../shared/query.js";
import { PracticeLookup } from "./schemas.js";

export const lookupPractice = createRoute({
  method: "get",
  path: "/v1/lookup/practice/{odsCode}",
  tags: ["Lookups"],
  operationId: "lookupPractice",
  summary: "A GP practice's PCN, neighbourhood and place",
  security: readSecurity,
  request: {
    params: z.object({
      odsCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]\d{5}$/, { error: "must be a GP practice ODS code: a letter and 5 digits" })
        .meta({ example: "P82001" }),
    }),
    query: TimeQuery.extend(RepresentationQuery.shape),
  },
  responses: {
    200: {
      description: "The practice and what it belongs to.",
      headers: etagHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ data: PracticeLookup, dataVersion: z.number().int().nonnegative() })
            .meta({ id: "PracticeLookupResponse" }),
        },
      },
    },
    ...readProblems,
  },
});
