/**
 * @module boundaries
 * GeoJSON boundaries: places (their district's outline), neighbourhoods (the footprint's
 * LSOAs on the date, dissolved into one outline) and LSOAs, at a resolution, as recorded
 * at `asOf` — each answer a FeatureCollection carrying the OS/ONS attribution, with an
 * ETag like every read.
 */
import {
  codeOf,
  type Lsoa,
  type Neighbourhood,
  NeighbourhoodId,
  NeighbourhoodSchemeId,
  type Place,
  PlaceId,
} from "@care-atlas/domain";
import { type Area, polygonsArea, unionPolygons } from "@care-atlas/geo";
import { NotFound, runVerb } from "@care-atlas/services";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { Effect } from "effect";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.js";
import { type Boundaries, Resolution } from "../../geography/Boundaries.js";
import { today } from "../../http/today.js";
import type { RouteDeps } from "../deps.js";
import { etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { TimeQuery, timeOptions } from "../shared/query.js";
import { guarded, readHeaders, readMiddleware } from "../shared/reads.js";
import { BoundaryCollection, type BoundaryFeature } from "./schemas.js";

const BoundaryQuery = TimeQuery.extend({
  resolution: Resolution.optional().meta({
    description: "generalised (default) or super-generalised.",
  }),
});

/** What a boundary read's query asks: the time options, the date (today by default), the resolution. */
const boundaryRead = (query: z.infer<typeof BoundaryQuery>) => {
  const time = timeOptions(query);
  return {
    time,
    date: time.validAt ?? today(),
    resolution: query.resolution ?? "generalised",
  };
};

const LsoaCodeParam = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^E01\d{6}$/, { error: "must be an LSOA code, E01 + 6 digits" })
  .meta({ example: "E01006112", param: { name: "code", in: "path" } });

const geoJson = { "application/geo+json": { schema: BoundaryCollection } };

interface RouteText {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
}

const responses = {
  200: { description: "A GeoJSON FeatureCollection.", headers: etagHeaders, content: geoJson },
  ...readProblems,
};

/** A boundary route of a collection. */
const route = <Q extends z.ZodObject>(text: RouteText & { query: Q }) =>
  createRoute({
    method: "get",
    path: text.path,
    tags: ["Boundaries"],
    operationId: text.operationId,
    summary: text.summary,
    description: text.description,
    security: readSecurity,
    request: { query: text.query },
    responses,
  });

/** A boundary route of one record. */
const itemRoute = <P extends z.ZodObject>(text: RouteText & { params: P }) =>
  createRoute({
    method: "get",
    path: text.path,
    tags: ["Boundaries"],
    operationId: text.operationId,
    summary: text.summary,
    description: text.description,
    security: readSecurity,
    request: { params: text.params, query: BoundaryQuery },
    responses,
  });

export const placeBoundaries = route({
  path: "/v1/boundaries/places",
  operationId: "listPlaceBoundaries",
  summary: "The outlines of the places valid on a date",
  description:
    "Each place valid on `validAt` outlined by its local authority district (its GSS code on the date; LAD December 2023 boundaries).",
  query: BoundaryQuery,
});

export const placeBoundary = itemRoute({
  path: "/v1/boundaries/places/{id}",
  operationId: "getPlaceBoundary",
  summary: "The outline of one place",
  description: "The place's district outline on `validAt` (a collection of one feature).",
  params: z.object({ id: PlaceId.meta({ param: { name: "id", in: "path" } }) }),
});

export const neighbourhoodBoundaries = route({
  path: "/v1/boundaries/neighbourhoods",
  operationId: "listNeighbourhoodBoundaries",
  summary: "The footprints of the neighbourhoods valid on a date",
  description:
    "Each neighbourhood valid on `validAt` whose footprint lists LSOAs, outlined by the union of those LSOAs (LSOA December 2021 boundaries). Registered-population neighbourhoods (GP lists, no LSOAs) have no outline and are left out.",
  query: BoundaryQuery.extend({
    placeId: PlaceId.optional().meta({ description: "Only neighbourhoods of this place." }),
    schemeId: NeighbourhoodSchemeId.optional().meta({ description: "Only this scheme." }),
  }),
});

export const neighbourhoodBoundary = itemRoute({
  path: "/v1/boundaries/neighbourhoods/{id}",
  operationId: "getNeighbourhoodBoundary",
  summary: "The footprint of one neighbourhood on a date",
  description:
    "The union of the LSOAs the neighbourhood's version on `validAt` lists (404 when it lists none: a registered-population footprint has no outline).",
  params: z.object({ id: NeighbourhoodId.meta({ param: { name: "id", in: "path" } }) }),
});

export const lsoaBoundaries = route({
  path: "/v1/boundaries/lsoas",
  operationId: "listLsoaBoundaries",
  summary: "The LSOAs of a place",
  description: "Every LSOA of the place's district on `validAt`, outlined.",
  query: BoundaryQuery.extend({
    placeId: PlaceId.meta({ description: "The place whose LSOAs to outline." }),
  }),
});

export const lsoaBoundary = itemRoute({
  path: "/v1/boundaries/lsoas/{code}",
  operationId: "getLsoaBoundary",
  summary: "The outline of one LSOA",
  description: "One LSOA (December 2021 boundaries).",
  params: z.object({ code: LsoaCodeParam }),
});

type Polygons = Area["polygons"];

const feature = (
  kind: BoundaryFeature["properties"]["kind"],
  id: string,
  name: string,
  code: string | null,
  lsoas: ReadonlyArray<string>,
  polygons: Polygons,
): BoundaryFeature => {
  const coordinates = polygons.map((polygon) =>
    polygon.map((ring) => ring.map(([lon, lat]): [number, number] => [lon, lat])),
  );
  return {
    type: "Feature",
    id,
    properties: {
      kind,
      id,
      name,
      code,
      lsoas: [...lsoas],
      areaSquareMetres: Math.round(polygonsArea(polygons)),
    },
    geometry: { type: "MultiPolygon", coordinates },
  };
};

/** A place's feature: its district's outline, or none when it has no GSS code or outline. */
const placeFeature = (
  boundaries: Boundaries,
  resolution: Resolution,
  place: Place,
  date: string,
): BoundaryFeature | undefined => {
  const code = codeOf(place.codes, "gss", date);
  const area = code === undefined ? undefined : boundaries.districts(resolution).get(code);
  return code === undefined || area === undefined
    ? undefined
    : feature("place", place.id, place.name, code, [], area.polygons);
};

/** A neighbourhood's feature: the union of its footprint's LSOAs (none without LSOAs). */
export const neighbourhoodFeature = (
  boundaries: Boundaries,
  resolution: Resolution,
  neighbourhood: Neighbourhood,
): BoundaryFeature | undefined => {
  const lsoas = neighbourhood.footprint.lsoas;
  if (lsoas.length === 0) return undefined;
  const areas = boundaries.lsoas(resolution);
  const union = unionPolygons(lsoas.flatMap((code) => areas.get(code)?.polygons ?? []));
  return feature("neighbourhood", neighbourhood.id, neighbourhood.name, null, lsoas, union);
};

const lsoaFeature = (
  boundaries: Boundaries,
  resolution: Resolution,
  lsoa: Lsoa,
): BoundaryFeature | undefined => {
  const area = boundaries.lsoas(resolution).get(lsoa.code);
  return area === undefined
    ? undefined
    : feature("lsoa", lsoa.code, lsoa.name, lsoa.code, [lsoa.code], area.polygons);
};

const present = <T>(value: T | undefined): value is T => value !== undefined;

/** Adds the boundary routes. */
export const registerBoundaries = (
  app: OpenAPIHono<AppEnv>,
  deps: RouteDeps,
  boundaries: Boundaries,
): void => {
  const middleware = readMiddleware(deps);
  const { runtime } = deps;

  const answer = (
    c: Context<AppEnv>,
    what: "districts" | "lsoas",
    resolution: Resolution,
    date: string,
    features: ReadonlyArray<BoundaryFeature>,
    dataVersion: number,
  ) => {
    const body = {
      type: "FeatureCollection" as const,
      features: [...features],
      resolution,
      validAt: date,
      attribution: [...boundaries.attribution(what)],
      licence: "Open Government Licence v3.0",
      dataVersion,
    };
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200, { "Content-Type": "application/geo+json" });
  };

  app.openapi(guarded(placeBoundaries, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const { time, date, resolution } = boundaryRead(query);
    const places = await runVerb(runtime, (register) => register.listAll("place", time));
    const features = places.items
      .map((place) => placeFeature(boundaries, resolution, place, date))
      .filter(present);
    return answer(c, "districts", resolution, date, features, places.dataVersion);
  });

  app.openapi(guarded(placeBoundary, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const { time, date, resolution } = boundaryRead(query);
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const place = yield* register.getEntity("place", id, time);
        const found = placeFeature(boundaries, resolution, place.version, date);
        if (found === undefined) {
          return yield* new NotFound({
            what: "boundary",
            key: id,
            message: `${place.version.name} has no district outline on ${date}`,
          });
        }
        return { found, dataVersion: place.dataVersion };
      }),
    );
    return answer(c, "districts", resolution, date, [read.found], read.dataVersion);
  });

  app.openapi(guarded(neighbourhoodBoundaries, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const { time, date, resolution } = boundaryRead(query);
    const list = await runVerb(runtime, (register) =>
      register.listAll("neighbourhood", {
        ...time,
        filter: (n) =>
          (query.placeId === undefined || n.placeId === query.placeId) &&
          (query.schemeId === undefined || n.schemeId === query.schemeId),
      }),
    );
    const features = list.items
      .map((n) => neighbourhoodFeature(boundaries, resolution, n))
      .filter(present);
    return answer(c, "lsoas", resolution, date, features, list.dataVersion);
  });

  app.openapi(guarded(neighbourhoodBoundary, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const { time, date, resolution } = boundaryRead(query);
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const neighbourhood = yield* register.getEntity("neighbourhood", id, time);
        const found = neighbourhoodFeature(boundaries, resolution, neighbourhood.version);
        if (found === undefined) {
          return yield* new NotFound({
            what: "boundary",
            key: id,
            message: `${neighbourhood.version.name} lists no LSOAs on ${date}: its footprint is a registered population, which has no outline`,
          });
        }
        return { found, dataVersion: neighbourhood.dataVersion };
      }),
    );
    return answer(c, "lsoas", resolution, date, [read.found], read.dataVersion);
  });

  app.openapi(guarded(lsoaBoundaries, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const { time, date, resolution } = boundaryRead(query);
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const place = yield* register.getEntity("place", query.placeId, time);
        const district = codeOf(place.version.codes, "gss", date);
        const directory = yield* register.directory(
          time.asOf === undefined ? {} : { asOf: time.asOf },
        );
        const lsoas = [...boundaries.lsoas(resolution).keys()]
          .sort()
          .map((code) => directory.lsoa(code))
          .filter((lsoa): lsoa is Lsoa => lsoa !== undefined && lsoa.districtCode === district);
        return { lsoas, dataVersion: place.dataVersion };
      }),
    );
    const features = read.lsoas
      .map((lsoa) => lsoaFeature(boundaries, resolution, lsoa))
      .filter(present);
    return answer(c, "lsoas", resolution, date, features, read.dataVersion);
  });

  app.openapi(guarded(lsoaBoundary, ...middleware), async (c) => {
    const { code } = c.req.valid("param");
    const query = c.req.valid("query");
    const { time, date, resolution } = boundaryRead(query);
    const read = await runVerb(runtime, (register) => register.lsoa(code, time));
    const found = read.lsoa === null ? undefined : lsoaFeature(boundaries, resolution, read.lsoa);
    if (found === undefined) {
      throw new NotFound({ what: "boundary", key: code, message: `no outline for LSOA ${code}` });
    }
    return answer(c, "lsoas", resolution, date, [found], read.dataVersion);
  });
};
