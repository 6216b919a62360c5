/**
 * @module lookups/point
 * `GET /v1/lookup/point?lat=&lon=`: a coordinate → the LSOA whose (generalised) boundary
 * contains it → its neighbourhoods, place, sub-ICB location and ICB on the date (the
 * services' `lsoa` verb), with the postcodes nearest the point. A point in no LSOA of the
 * loaded boundaries is a 404 problem that says so.
 */
import { PostcodeRecord } from "@care-atlas/domain";
import { NotFound, runVerb } from "@care-atlas/services";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { Effect } from "effect";
import { z } from "zod";
import type { AppEnv } from "../../context.js";
import type { Boundaries } from "../../geography/Boundaries.js";
import type { RouteDeps } from "../deps.js";
import { etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { TimeQuery, timeOptions, wholeNumber } from "../shared/query.js";
import { guarded, readHeaders, readMiddleware } from "../shared/reads.js";
import { LsoaLookup } from "./schemas.js";

/** A decimal number in a query string (no exponents, hex or spaces). */
const decimal = (min: number, max: number, error: string) =>
  z.preprocess(
    (value) =>
      typeof value === "string" && /^-?\d{1,3}(\.\d{1,12})?$/.test(value) ? Number(value) : value,
    z.number({ error }).min(min, { error }).max(max, { error }),
  );

export const PointQuery = TimeQuery.extend({
  lat: decimal(-90, 90, "must be a latitude in decimal degrees, -90 to 90").meta({
    description: "Latitude, WGS84 decimal degrees.",
    example: 53.4577,
  }),
  lon: decimal(-180, 180, "must be a longitude in decimal degrees, -180 to 180").meta({
    description: "Longitude, WGS84 decimal degrees.",
    example: -2.3096,
  }),
  radius: wholeNumber(1, 5000, "must be a whole number of metres from 1 to 5000").optional().meta({
    description: "How far to look for postcodes, metres (1–5,000; default 500).",
    example: 500,
  }),
  postcodes: wholeNumber(0, 100, "must be a whole number from 0 to 100").optional().meta({
    description: "How many of the nearest postcodes to give (0–100; default 10).",
    example: 10,
  }),
});

export const PointLookup = z
  .object({
    point: z
      .object({
        lat: z.number().describe("Latitude, WGS84 degrees."),
        lon: z.number().describe("Longitude, WGS84 degrees."),
      })
      .describe("The point asked about."),
    ...LsoaLookup.shape,
    postcodes: z
      .array(
        z.object({
          postcode: PostcodeRecord,
          distanceMetres: z
            .number()
            .int()
            .nonnegative()
            .describe("How far the postcode's point is from the point asked about, in metres."),
        }),
      )
      .describe("The register's postcodes within the radius, nearest first."),
  })
  .meta({
    id: "PointLookup",
    description: "Where a point sits in the system on a date, and the postcodes near it.",
  });

export const lookupPoint = createRoute({
  method: "get",
  path: "/v1/lookup/point",
  tags: ["Lookups"],
  operationId: "lookupPoint",
  summary: "Which LSOA, neighbourhood, place, sub-ICB location and ICB a point is in",
  description:
    "The LSOA whose boundary (LSOA December 2021, generalised) contains the point, then what the LSOA sits in on `validAt` — as `GET /v1/areas/lsoas/{code}` answers — and the postcodes nearest the point. A point outside every loaded LSOA is a 404 problem naming the area the boundaries cover.",
  security: readSecurity,
  request: { query: PointQuery },
  responses: {
    200: {
      description: "Where the point sits.",
      headers: etagHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              data: PointLookup,
              dataVersion: z
                .number()
                .int()
                .nonnegative()
                .describe("The data version (last change seq) the answer was read at."),
            })
            .meta({ id: "PointLookupResponse" }),
        },
      },
    },
    ...readProblems,
  },
});

const degrees = (value: number): string => value.toFixed(4);

/** Adds the point lookup. */
export const registerPointLookup = (
  app: OpenAPIHono<AppEnv>,
  deps: RouteDeps,
  boundaries: Boundaries,
): void => {
  app.openapi(guarded(lookupPoint, ...readMiddleware(deps)), async (c) => {
    const query = c.req.valid("query");
    const time = timeOptions(query);
    const point = { lat: query.lat, lon: query.lon };
    const index = boundaries.lsoaIndex();
    const [area] = index.containing([point.lon, point.lat]);
    if (area === undefined) {
      const bounds = index.bounds;
      throw new NotFound({
        what: "point",
        key: `${point.lat},${point.lon}`,
        message:
          bounds === undefined
            ? "no boundaries are loaded"
            : `the point ${degrees(point.lat)}, ${degrees(point.lon)} lies in none of the loaded LSOAs (they cover longitude ${degrees(bounds[0])} to ${degrees(bounds[2])}, latitude ${degrees(bounds[1])} to ${degrees(bounds[3])})`,
      });
    }
    const read = await runVerb(deps.runtime, (register) =>
      Effect.all({
        lsoa: register.lsoa(area.code, time),
        near:
          query.postcodes === 0
            ? Effect.succeed({ items: [] })
            : register.postcodesNear(point, {
                radiusMetres: query.radius,
                limit: query.postcodes,
                asOf: time.asOf,
              }),
      }),
    );
    const { dataVersion, ...lsoa } = read.lsoa;
    const body = {
      data: {
        point,
        ...lsoa,
        postcodes: read.near.items.map((item) => ({ ...item })),
      },
      dataVersion,
    };
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200);
  });
};
