/**
 * @module fhir/locationRoutes
 * `Location` read and search: the places and neighbourhoods on `valid-at`, as areas
 * (`mode: kind`), by `type` (place or neighbourhood).
 */
import { runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import { guarded } from "../routes/shared/reads.js";
import { dateOf, fhirHeaders, pageAfter, searchset } from "./answers.js";
import type { Facade } from "./Facade.js";
import { toNeighbourhoodLocation, toPlaceLocation } from "./mapping.js";
import { contextOf } from "./organizations.js";
import { fhirRoutes } from "./routeTable.js";

/** Registers Location read and search. */
export const registerLocationRoutes = ({
  app,
  runtime,
  middleware,
  lastUpdated,
  readsRequireKey,
}: Facade) => {
  app.openapi(guarded(fhirRoutes.readLocation, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const date = dateOf(c.req.valid("query"));
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const directory = yield* register.directory();
        const ctx = contextOf(directory, updated, date);
        if (id.startsWith("plc_")) {
          const entity = yield* register.getEntity("place", id, { validAt: date });
          return {
            resource: toPlaceLocation(entity.version, ctx),
            dataVersion: entity.dataVersion,
          };
        }
        const entity = yield* register.getEntity("neighbourhood", id, { validAt: date });
        return {
          resource: toNeighbourhoodLocation(entity.version, ctx),
          dataVersion: entity.dataVersion,
        };
      }),
    );
    const body = read.resource;
    return c.json(body, 200, fhirHeaders(c, body, read.dataVersion, readsRequireKey));
  });

  app.openapi(guarded(fhirRoutes.searchLocation, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const date = dateOf(query);
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const directory = yield* register.directory();
        const ctx = contextOf(directory, updated, date);
        const places =
          query.type === "neighbourhood"
            ? []
            : (yield* register.listAll("place", { validAt: date })).items.map((p) =>
                toPlaceLocation(p, ctx),
              );
        const neighbourhoods =
          query.type === "place"
            ? []
            : (yield* register.listAll("neighbourhood", { validAt: date })).items.map((n) =>
                toNeighbourhoodLocation(n, ctx),
              );
        const all = [...places, ...neighbourhoods].sort((a, b) => (a.id < b.id ? -1 : 1));
        const { items, more } = pageAfter(all, query._cursor, query._count);
        return { resources: items, more, dataVersion: directory.dataVersion };
      }),
    );
    const body = searchset(c, read.resources, read.more);
    return c.json(body, 200, fhirHeaders(c, body, read.dataVersion, readsRequireKey));
  });
};
