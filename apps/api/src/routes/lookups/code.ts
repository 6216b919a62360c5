/**
 * @module lookups/code
 * `GET /v1/lookup/code/{code}`: any ODS or GSS code → the record holding it on the date;
 * for a code nobody holds then, its past holders and their current successors.
 */
import { CodeSystem } from "@care-atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { RepresentationQuery } from "../../representation/representation.js";
import { DataVersion, etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { TimeQuery } from "../shared/query.js";
import { CodeLookup } from "./schemas.js";

export const lookupCode = createRoute({
  method: "get",
  path: "/v1/lookup/code/{code}",
  tags: ["Lookups"],
  operationId: "lookupCode",
  summary: "Look up what an ODS or GSS code names, and who carries it on if it has closed",
  description:
    "The systems, places, organisations and LSOAs holding the code on `validAt`; for a code nobody holds then (a closed CCG, a merged trust), its past holders (`closed: true`) and the bodies carrying them on at the date, through the recorded successions.",
  security: readSecurity,
  request: {
    params: z.object({
      code: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{3,9}$/, { error: "must be an ODS or GSS code" })
        .meta({ example: "00W" }),
    }),
    query: TimeQuery.extend(RepresentationQuery.shape).extend({
      system: CodeSystem.optional().meta({
        description: "Only codes of this system (`ods` or `gss`).",
      }),
    }),
  },
  responses: {
    200: {
      description: "The holders of the code.",
      headers: etagHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ data: CodeLookup, dataVersion: DataVersion })
            .meta({ id: "CodeLookupResponse" }),
        },
      },
    },
    ...readProblems,
  },
});
