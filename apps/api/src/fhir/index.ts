/**
 * @module fhir
 * The read-only FHIR R4 facade at `/fhir/R4`: `metadata`; `Organization`,
 * `OrganizationAffiliation`, `CareTeam` and `Location` read and search; `_history` per
 * resource from the change log. Every route runs the services' verbs with `runVerb`; every
 * failure is an `OperationOutcome`. `valid-at` (YYYY-MM-DD, default today) is the date the
 * facts were true, as `validAt` is for `/v1`, on every read and search.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import type { RouteDeps } from "../routes/deps.js";
import { guarded, readMiddleware } from "../routes/shared/reads.js";
import { registerAffiliationRoutes } from "./affiliationRoutes.js";
import { capabilityStatement } from "./capability.js";
import { registerCareTeamRoutes } from "./careTeamRoutes.js";
import type { Facade } from "./Facade.js";
import { registerHistoryRoutes } from "./historyRoutes.js";
import { lastUpdatedOf } from "./lastUpdated.js";
import { registerLocationRoutes } from "./locationRoutes.js";
import { registerOrganizationRoutes } from "./organizationRoutes.js";
import { errorOutcome, fhirJson, fhirValidationHook, outcome, outcomeResponse } from "./outcome.js";
import { base, fhirRoutes } from "./routeTable.js";

/** Adds the FHIR facade under /fhir/R4. */
export const registerFhir = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  const facade: Facade = {
    app: new OpenAPIHono<AppEnv>({ defaultHook: fhirValidationHook }),
    runtime: deps.runtime,
    middleware: readMiddleware(deps),
    readsRequireKey: deps.readsRequireKey,
    lastUpdated: lastUpdatedOf(deps.runtime),
  };
  const fhir = facade.app;
  // The CapabilityStatement changes with the code, not the data: the read guard only.
  fhir.openapi(guarded(fhirRoutes.metadata, ...facade.middleware.slice(0, 1)), (c) =>
    c.json(capabilityStatement(), 200, { "Content-Type": fhirJson }),
  );
  registerOrganizationRoutes(facade);
  registerAffiliationRoutes(facade);
  registerCareTeamRoutes(facade);
  registerLocationRoutes(facade);
  registerHistoryRoutes(facade);
  fhir.all(`${base}/*`, (c) =>
    outcomeResponse(
      c,
      404,
      outcome(
        "not-found",
        `the FHIR facade has no ${c.req.method} ${c.req.path}; see ${base}/metadata`,
      ),
    ),
  );
  fhir.onError(errorOutcome);
  app.route("/", fhir);
};
