/**
 * @module register
 * Registers every /v1 route: the resources (from their table), the succession write, the
 * lookups and areas, and the change feed.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { registerChanges } from "./changes/index.js";
import type { RouteDeps } from "./deps.js";
import { registerLookups } from "./lookups/index.js";
import { registerResources } from "./resources/index.js";
import { registerSuccessionWrite } from "./successions/index.js";

/** Adds the /v1 routes. */
export const registerV1 = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  registerResources(app, deps);
  registerSuccessionWrite(app, deps);
  registerLookups(app, deps);
  registerChanges(app, deps);
};
