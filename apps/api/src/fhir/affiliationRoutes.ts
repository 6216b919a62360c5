/**
 * @module fhir/affiliationRoutes
 * `OrganizationAffiliation` read and search: the relationships between two organisations
 * on `valid-at` (PCN memberships, an organisation's membership of another), by
 * `organization` and `participating-organization`. A relationship with anything else at
 * either end (a governance body, a place) has no FHIR resource here: both ends of an
 * affiliation must be `Organization`s this facade serves.
 */
import { NotFound, runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import { guarded } from "../routes/shared/reads.js";
import { dateOf, fhirHeaders, pageAfter, searchset } from "./answers.js";
import type { Facade } from "./Facade.js";
import { betweenOrganisations, toAffiliation } from "./mapping.js";
import { contextOf } from "./organizations.js";
import { fhirRoutes } from "./routeTable.js";

/** Registers OrganizationAffiliation read and search. */
export const registerAffiliationRoutes = ({
  app,
  runtime,
  middleware,
  lastUpdated,
  readsRequireKey,
}: Facade) => {
  app.openapi(guarded(fhirRoutes.readAffiliation, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const date = dateOf(c.req.valid("query"));
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const entity = yield* register.getEntity("relationship", id, { validAt: date });
        if (!betweenOrganisations(entity.version)) {
          return yield* new NotFound({
            what: "relationship",
            key: id,
            message: `no OrganizationAffiliation ${id}: the relationship is not between two organisations`,
          });
        }
        const directory = yield* register.directory();
        return {
          resource: toAffiliation(entity.version, contextOf(directory, updated, date)),
          dataVersion: entity.dataVersion,
        };
      }),
    );
    const body = read.resource;
    return c.json(body, 200, fhirHeaders(c, body, read.dataVersion, readsRequireKey));
  });

  app.openapi(guarded(fhirRoutes.searchAffiliation, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const date = dateOf(query);
    const updated = await lastUpdated();
    const organization = query.organization?.replace(/^Organization\//, "");
    const participating = query["participating-organization"]?.replace(/^Organization\//, "");
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const directory = yield* register.directory();
        const all = yield* register.listAll("relationship", {
          validAt: date,
          filter: (r) =>
            betweenOrganisations(r) &&
            (organization === undefined || r.objectId === organization) &&
            (participating === undefined || r.subjectId === participating),
        });
        const { items, more } = pageAfter(all.items, query._cursor, query._count);
        const ctx = contextOf(directory, updated, date);
        return {
          resources: items.map((r) => toAffiliation(r, ctx)),
          more,
          dataVersion: all.dataVersion,
        };
      }),
    );
    const body = searchset(c, read.resources, read.more);
    return c.json(body, 200, fhirHeaders(c, body, read.dataVersion, readsRequireKey));
  });
};
