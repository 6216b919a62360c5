/**
 * @module register
 * Registers every /v1 route: the resources (from their table), the succession write, the
 * lookups and areas, the boundaries, the findings, the change feed, the access routes
 * (API keys, the audit trail) and the imports of official files.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { dataPackageBoundaries } from "../geography/Boundaries.js";
import { registerAccess } from "./access/index.js";
import { registerBoundaries } from "./boundaries/index.js";
import { registerChanges } from "./changes/index.js";
import type { RouteDeps } from "./deps.js";
import { registerFindings } from "./findings/index.js";
import { registerImports } from "./imports/index.js";
import { registerLookups } from "./lookups/index.js";
import { registerPointLookup } from "./lookups/point.js";
import { registerResources } from "./resources/index.js";
import { registerSuccessionWrite } from "./successions/index.js";

/** Adds the /v1 routes. */
export const registerV1 = (
  app: OpenAPIHono<AppEnv>,
  deps: RouteDeps & { readonly trustProxy?: boolean },
): void => {
  registerResources(app, deps);
  registerSuccessionWrite(app, deps);
  const boundaries = deps.boundaries ?? dataPackageBoundaries();
  registerLookups(app, deps);
  registerPointLookup(app, deps, boundaries);
  registerBoundaries(app, deps, boundaries);
  registerFindings(app, deps);
  registerChanges(app, deps);
  registerAccess(app, deps);
  registerImports(app, deps);
};
