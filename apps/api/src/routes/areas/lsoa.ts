/**
 * @module areas/lsoa
 * `GET /v1/areas/lsoas/{code}`: an LSOA with its MSOA, ward, district, population,
 * neighbourhoods and the chain above it.
 */
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { RepresentationQuery } from "../../representation/representation.js";
import { LsoaLookup } from "../lookups/schemas.js";
import { DataVersion, etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { TimeQuery } from "../shared/query.js";

export const getLsoa = createRoute({
  method: "get",
  path: "/v1/areas/lsoas/{code}",
  tags: ["Areas"],
  operationId: "getLsoa",
  summary: "Get an LSOA and where it sits",
  description:
    "The LSOA (2021) with its MSOA, ward, district and population, the geographic neighbourhoods whose footprint lists it (one per scheme), and the place, sub-ICB location, ICB and system above it on `validAt`.",
  security: readSecurity,
  request: {
    params: z.object({
      code: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^E01\d{6}$/, { error: "must be an LSOA code, E01 + 6 digits" })
        .meta({ example: "E01006112" }),
    }),
    query: TimeQuery.extend(RepresentationQuery.shape),
  },
  responses: {
    200: {
      description: "The LSOA.",
      headers: etagHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ data: LsoaLookup, dataVersion: DataVersion })
            .meta({ id: "LsoaResponse" }),
        },
      },
    },
    ...readProblems,
  },
});
