/**
 * @module fhir/careTeamRoutes
 * `CareTeam` read and search: the integrated neighbourhood teams on `valid-at`, each with a
 * participant per role.
 */
import { runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import { guarded } from "../routes/shared/reads.js";
import { dateOf, fhirHeaders, pageAfter, searchset } from "./answers.js";
import type { Facade } from "./Facade.js";
import { toCareTeam } from "./mapping.js";
import { contextOf } from "./organizations.js";
import { fhirRoutes } from "./routeTable.js";

/** Registers CareTeam read and search. */
export const registerCareTeamRoutes = ({
  app,
  runtime,
  middleware,
  lastUpdated,
  readsRequireKey,
}: Facade) => {
  app.openapi(guarded(fhirRoutes.readCareTeam, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const date = dateOf(c.req.valid("query"));
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const entity = yield* register.getEntity("team", id, { validAt: date });
        const directory = yield* register.directory();
        return {
          resource: toCareTeam(entity.version, contextOf(directory, updated, date)),
          dataVersion: entity.dataVersion,
        };
      }),
    );
    const body = read.resource;
    return c.json(body, 200, fhirHeaders(c, body, read.dataVersion, readsRequireKey));
  });

  app.openapi(guarded(fhirRoutes.searchCareTeam, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const date = dateOf(query);
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const directory = yield* register.directory();
        const all = yield* register.listAll("team", { validAt: date });
        const { items, more } = pageAfter(all.items, query._cursor, query._count);
        const ctx = contextOf(directory, updated, date);
        return {
          resources: items.map((t) => toCareTeam(t, ctx)),
          more,
          dataVersion: all.dataVersion,
        };
      }),
    );
    const body = searchset(c, read.resources, read.more);
    return c.json(body, 200, fhirHeaders(c, body, read.dataVersion, readsRequireKey));
  });
};
