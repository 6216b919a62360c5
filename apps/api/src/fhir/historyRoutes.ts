/**
 * @module fhir/historyRoutes
 * `_history` of each resource type: one entry per change of the change log, newest first,
 * each the resource as the change left it — on today's date when it is valid today, else on
 * the first day of its latest version.
 */
import {
  contains,
  type Entity,
  type EntityKind,
  type EntityOf,
  History,
  kindOfId,
} from "@care-atlas/domain";
import { NotFound, runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../context.js";
import { today } from "../http/today.js";
import { guarded } from "../routes/shared/reads.js";
import { fhirHeaders } from "./answers.js";
import type { Facade } from "./Facade.js";
import {
  type MappingContext,
  toAffiliation,
  toCareTeam,
  toNeighbourhoodLocation,
  toOrganization,
  toPlaceLocation,
} from "./mapping.js";
import { contextOf } from "./organizations.js";
import { base, fhirRoutes, type Type } from "./routeTable.js";
import type { FhirBundle, FhirResource } from "./schemas.js";

/** Whether a version is of `kind` (by its id's prefix). */
const isOf = <K extends EntityKind>(kind: K, version: Entity): version is EntityOf[K] =>
  kindOfId(version.id) === kind;

/** The resource a version maps to in the history of its type. */
const resourceOf = (version: Entity, ctx: MappingContext): FhirResource | undefined => {
  if (isOf("organisation", version)) {
    return toOrganization(version, ctx, { partOf: version.parentId, successions: [] });
  }
  if (isOf("relationship", version)) return toAffiliation(version, ctx);
  if (isOf("team", version)) return toCareTeam(version, ctx);
  if (isOf("neighbourhood", version)) return toNeighbourhoodLocation(version, ctx);
  if (isOf("place", version)) return toPlaceLocation(version, ctx);
  return undefined;
};

/** Registers `_history` of every resource type. */
export const registerHistoryRoutes = ({
  app,
  runtime,
  middleware,
  lastUpdated,
  readsRequireKey,
}: Facade) => {
  const history =
    (type: Type, kinds: ReadonlyArray<EntityKind>) => async (c: Context<AppEnv>, id: string) => {
      const updated = await lastUpdated();
      const read = await runVerb(runtime, (register) =>
        Effect.gen(function* () {
          const recorded = yield* register.history(id);
          if (!kinds.includes(recorded.kind)) {
            return yield* new NotFound({ what: type, key: id, message: `${id} is not a ${type}` });
          }
          const directory = yield* register.directory();
          const now = today();
          const entries: z.infer<typeof FhirBundle>["entry"] = [];
          for (const change of [...recorded.changes].reverse()) {
            const url = `${base}/${type}/${id}/_history/${change.revision}`;
            const method =
              change.after.length === 0 ? "DELETE" : change.before.length === 0 ? "POST" : "PUT";
            const response = {
              status: method === "POST" ? "201" : method === "DELETE" ? "204" : "200",
              lastModified: change.recordedAt,
            };
            const current = History.versionAt(change.after, now);
            const shown = current ?? change.after.at(-1);
            if (shown === undefined) {
              entries.push({ request: { method, url }, response });
              continue;
            }
            const date =
              current !== undefined && contains(shown.valid, now) ? now : shown.valid.from;
            const resource = resourceOf(shown, {
              ...contextOf(directory, updated, date),
              lastUpdated: () => change.recordedAt,
            });
            entries.push({
              fullUrl: `${base}/${type}/${id}`,
              ...(resource === undefined
                ? {}
                : {
                    resource: {
                      ...resource,
                      meta: { ...resource.meta, versionId: String(change.revision) },
                    },
                  }),
              request: { method, url },
              response,
            });
          }
          return { entries, dataVersion: recorded.dataVersion };
        }),
      );
      const body = {
        resourceType: "Bundle" as const,
        type: "history" as const,
        total: read.entries.length,
        link: [{ relation: "self", url: new URL(c.req.url).pathname }],
        entry: read.entries,
      };
      return c.json(body, 200, fhirHeaders(c, body, read.dataVersion, readsRequireKey));
    };

  const organisations = history("Organization", ["organisation"]);
  const affiliations = history("OrganizationAffiliation", ["relationship"]);
  const teams = history("CareTeam", ["team"]);
  const locations = history("Location", ["place", "neighbourhood"]);
  app.openapi(guarded(fhirRoutes.historyOrganization, ...middleware), (c) =>
    organisations(c, c.req.valid("param").id),
  );
  app.openapi(guarded(fhirRoutes.historyAffiliation, ...middleware), (c) =>
    affiliations(c, c.req.valid("param").id),
  );
  app.openapi(guarded(fhirRoutes.historyCareTeam, ...middleware), (c) =>
    teams(c, c.req.valid("param").id),
  );
  app.openapi(guarded(fhirRoutes.historyLocation, ...middleware), (c) =>
    locations(c, c.req.valid("param").id),
  );
};
