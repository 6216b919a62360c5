/**
 * @module fhir/organizationRoutes
 * `Organization` read and search: an organisation on `valid-at`, and the organisations
 * matching `identifier`, `name`, `name:contains`, `active`, `type`, `partOf` and
 * `_lastUpdated`, a page at a time.
 */
import { NotFound, runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import { guarded } from "../routes/shared/reads.js";
import { dateOf, fhirHeaders, pageAfter, searchset } from "./answers.js";
import type { Facade } from "./Facade.js";
import { systems } from "./mapping.js";
import { organizationsOf, partOfOf } from "./organizations.js";
import { dateMatches, token } from "./params.js";
import { fhirRoutes } from "./routeTable.js";

/** Registers Organization read and search. */
export const registerOrganizationRoutes = ({
  app,
  runtime,
  middleware,
  lastUpdated,
  readsRequireKey,
}: Facade) => {
  app.openapi(guarded(fhirRoutes.readOrganization, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const date = dateOf(c.req.valid("query"));
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const entity = yield* register.getEntity("organisation", id, { validAt: date });
        const { resources } = yield* organizationsOf(
          register,
          [entity.id],
          date,
          undefined,
          updated,
        );
        const [resource] = resources;
        if (resource === undefined) {
          return yield* new NotFound({
            what: "organisation",
            key: id,
            message: `no Organization ${id}`,
          });
        }
        return { resource, dataVersion: entity.dataVersion };
      }),
    );
    const body = read.resource;
    return c.json(body, 200, fhirHeaders(c, body, read.dataVersion, readsRequireKey));
  });

  app.openapi(guarded(fhirRoutes.searchOrganization, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const date = dateOf(query);
    const updated = await lastUpdated();
    const identifier = query.identifier === undefined ? undefined : token(query.identifier);
    const type = query.type === undefined ? undefined : token(query.type);
    const name = query.name?.toLowerCase();
    const contains = query["name:contains"]?.toLowerCase();
    const partOf = query.partOf?.replace(/^Organization\//, "");
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const all = yield* register.listAll("organisation", {
          validAt: date,
          ever: true,
          filter: (o) =>
            (identifier === undefined ||
              o.codes.some(
                (code) =>
                  code.value.toUpperCase() === identifier.value.toUpperCase() &&
                  (identifier.system === undefined ||
                    identifier.system === (code.system === "ods" ? systems.ods : systems.gss)),
              )) &&
            (name === undefined || o.name.toLowerCase().startsWith(name)) &&
            (contains === undefined || o.name.toLowerCase().includes(contains)) &&
            (query.active === undefined ||
              (o.valid.from <= date && (o.valid.to === null || date < o.valid.to)) ===
                (query.active === "true")) &&
            (type === undefined ||
              ((type.system === undefined || type.system === systems.organisationKind) &&
                o.kind === type.value)) &&
            (query._lastUpdated === undefined ||
              dateMatches(query._lastUpdated, updated.get(o.id))),
        });
        let items = [...all.items];
        if (partOf !== undefined) {
          const directory = yield* register.directory();
          const kept = [];
          for (const o of items) {
            if ((yield* partOfOf(register, directory, o, date, undefined)) === partOf) kept.push(o);
          }
          items = kept;
        }
        const { items: chosen, more } = pageAfter(items, query._cursor, query._count);
        const { resources } = yield* organizationsOf(
          register,
          chosen.map((o) => o.id),
          date,
          undefined,
          updated,
        );
        return { resources, more, dataVersion: all.dataVersion };
      }),
    );
    const body = searchset(c, read.resources, read.more);
    return c.json(body, 200, fhirHeaders(c, body, read.dataVersion, readsRequireKey));
  });
};
