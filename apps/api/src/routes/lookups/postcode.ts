/**
 * @module lookups/postcode
 * `GET /v1/lookup/postcode/{postcode}`: LSOA, MSOA, ward, neighbourhoods per scheme,
 * place, sub-ICB location and ICB of a postcode, on a date.
 */
import { createRoute } from "@hono/zod-openapi";
import { isValid, toNormalised } from "postcode";
import { z } from "zod";
import { RepresentationQuery } from "../../representation/representation.js";
import { DataVersion, etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { TimeQuery } from "../shared/query.js";
import { PostcodeLookup } from "./schemas.js";

/** A postcode, normalised and validated with the `postcode` library. */
export const normalisePostcodeText = (text: string): string | null => {
  const trimmed = text.trim();
  if (trimmed.length > 10 || !isValid(trimmed)) return null;
  return toNormalised(trimmed);
};

export const lookupPostcode = createRoute({
  method: "get",
  path: "/v1/lookup/postcode/{postcode}",
  tags: ["Lookups"],
  operationId: "lookupPostcode",
  summary: "Look up which neighbourhood, place, sub-ICB location and ICB serve a postcode",
  description:
    "The postcode's LSOA, MSOA and ward, the geographic neighbourhoods whose footprint lists the LSOA (one per scheme), and the place, sub-ICB location, ICB and system above it, on `validAt` as recorded at `asOf`. Coverage: the postcodes loaded into the register (the GM dataset carries Trafford's, from ONS's postcode directory); any other postcode is a 404. Only geographic footprints apply: an address does not say which GP list someone is on.",
  security: readSecurity,
  request: {
    params: z.object({
      postcode: z
        .string()
        .max(16)
        .meta({ description: "A UK postcode, any case and spacing.", example: "M32 0JG" }),
    }),
    query: TimeQuery.extend(RepresentationQuery.shape),
  },
  responses: {
    200: {
      description: "Where the postcode sits.",
      headers: etagHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ data: PostcodeLookup, dataVersion: DataVersion })
            .meta({ id: "PostcodeLookupResponse" }),
        },
      },
    },
    ...readProblems,
  },
});
