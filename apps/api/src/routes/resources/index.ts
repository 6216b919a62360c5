/**
 * @module resources
 * The table of the register's resources: one spec per resource, each turned into its
 * routes by `registerResource` (list and get one; create, update and end where the spec
 * says how a version is written).
 */
import type { EntityKind } from "@care-atlas/domain";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import type { ResourceSpec } from "../resource/ResourceSpec.js";
import { resourceRoutes } from "../resource/resourceRoutes.js";
import { collaboratives } from "./collaboratives.js";
import { commissioningBodies } from "./commissioningBodies.js";
import { decisions } from "./decisions.js";
import { governanceBodies } from "./governanceBodies.js";
import { neighbourhoodSchemes } from "./neighbourhoodSchemes.js";
import { neighbourhoods } from "./neighbourhoods.js";
import { organisations } from "./organisations.js";
import { places } from "./places.js";
import { pooledBudgets } from "./pooledBudgets.js";
import { relationships } from "./relationships.js";
import { strategyElements } from "./strategyElements.js";
import { strategyOutcomes } from "./strategyOutcomes.js";
import { successions } from "./successions.js";
import { systems } from "./systems.js";
import { teams } from "./teams.js";

/** A resource of the table: its spec's kind and path, its routes, and their registration. */
const resource = <K extends EntityKind, F extends z.ZodRawShape, X extends z.ZodRawShape, L>(
  spec: ResourceSpec<K, F, X, L>,
) => {
  const routes = resourceRoutes(spec);
  return {
    kind: spec.kind,
    path: spec.path,
    /** Whether it has create, update and end routes. */
    writable: routes.writes !== undefined,
    /** Its routes (their response schemas are what the tests parse answers with). */
    routes: { ...routes.reads, ...routes.writes },
    register: routes.register,
  };
};

/** Every resource, in the order of the OpenAPI document. */
export const resources = {
  systems: resource(systems),
  places: resource(places),
  neighbourhoodSchemes: resource(neighbourhoodSchemes),
  neighbourhoods: resource(neighbourhoods),
  organisations: resource(organisations),
  relationships: resource(relationships),
  successions: resource(successions),
  collaboratives: resource(collaboratives),
  teams: resource(teams),
  governanceBodies: resource(governanceBodies),
  commissioningBodies: resource(commissioningBodies),
  pooledBudgets: resource(pooledBudgets),
  decisions: resource(decisions),
  strategyElements: resource(strategyElements),
  strategyOutcomes: resource(strategyOutcomes),
};

/** Registers every resource's routes. */
export const registerResources = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  for (const { register } of Object.values(resources)) register(app, deps);
};
