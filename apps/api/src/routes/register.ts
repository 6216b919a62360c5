/**
 * @module register
 * Registers every /v1 route: the resources, successions, lookups, areas and the change feed.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { registerChanges } from "./changes/index.js";
import { registerCollaboratives } from "./collaboratives/index.js";
import { registerCommissioningBodies } from "./commissioningBodies/index.js";
import { registerDecisions } from "./decisions/index.js";
import type { RouteDeps } from "./deps.js";
import { registerGovernanceBodies } from "./governanceBodies/index.js";
import { registerLookups } from "./lookups/index.js";
import { registerNeighbourhoodSchemes } from "./neighbourhoodSchemes/index.js";
import { registerNeighbourhoods } from "./neighbourhoods/index.js";
import { registerOrganisations } from "./organisations/index.js";
import { registerPlaces } from "./places/index.js";
import { registerPooledBudgets } from "./pooledBudgets/index.js";
import { registerRelationships } from "./relationships/index.js";
import { registerStrategyElements } from "./strategyElements/index.js";
import { registerStrategyOutcomes } from "./strategyOutcomes/index.js";
import { registerSuccessions } from "./successions/index.js";
import { registerSystems } from "./systems/index.js";
import { registerTeams } from "./teams/index.js";

/** Adds the /v1 routes. */
export const registerV1 = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  registerSystems(app, deps);
  registerPlaces(app, deps);
  registerNeighbourhoodSchemes(app, deps);
  registerNeighbourhoods(app, deps);
  registerOrganisations(app, deps);
  registerRelationships(app, deps);
  registerSuccessions(app, deps);
  registerCollaboratives(app, deps);
  registerTeams(app, deps);
  registerGovernanceBodies(app, deps);
  registerCommissioningBodies(app, deps);
  registerPooledBudgets(app, deps);
  registerDecisions(app, deps);
  registerStrategyElements(app, deps);
  registerStrategyOutcomes(app, deps);
  registerLookups(app, deps);
  registerChanges(app, deps);
};
