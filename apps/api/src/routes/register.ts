/**
 * @module register
 * Registers every /v1 route: the resources (from their table), the succession write, the
 * lookups and areas, the change feed, and the access routes (API keys, the audit trail).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { registerAccess } from "./access/index.js";
import { registerChanges } from "./changes/index.js";
import type { RouteDeps } from "./deps.js";
import { registerLookups } from "./lookups/index.js";
import { registerResources } from "./resources/index.js";
import { registerSuccessionWrite } from "./successions/index.js";

/** Adds the /v1 routes. */
export const registerV1 = (
  app: OpenAPIHono<AppEnv>,
  deps: RouteDeps & { readonly trustProxy?: boolean },
): void => {
  registerResources(app, deps);
  registerSuccessionWrite(app, deps);
  registerLookups(app, deps);
  registerChanges(app, deps);
  registerAccess(app, deps);
};
