/**
 * @module lookups/practice
 * `GET /v1/lookup/practice/{odsCode}`: a GP practice → its PCN → neighbourhood → place.
 */
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { RepresentationQuery } from "../../representation/representation.js";
import { DataVersion, etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { TimeQuery } from "../shared/query.js";
import { PracticeLookup } from "./schemas.js";

export const lookupPractice = createRoute({
  method: "get",
  path: "/v1/lookup/practice/{odsCode}",
  tags: ["Lookups"],
  operationId: "lookupPractice",
  summary: "Look up a GP practice's PCN, neighbourhoods and place",
  description:
    "The practice holding the ODS code on `validAt`, the PCN it is a member of then (null before it joined one), the neighbourhoods whose footprint lists the practice or its PCN, and the place, sub-ICB location, ICB and system above it.",
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
            .object({ data: PracticeLookup, dataVersion: DataVersion })
            .meta({ id: "PracticeLookupResponse" }),
        },
      },
    },
    ...readProblems,
  },
});
