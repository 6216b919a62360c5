/**
 * @module commissioningBodies
 * Registers the commissioningBodies routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { getCommissioningBodies } from "./get.js";
import { listCommissioningBodies } from "./list.js";
import { commissioningBodies } from "./spec.js";

/** Adds the commissioningBodies routes. */
export const registerCommissioningBodies = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, commissioningBodies, {
    list: listCommissioningBodies,
    get: getCommissioningBodies,
  });
