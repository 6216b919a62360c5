/**
 * @module systems
 * Registers the systems routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createSystems } from "./create.js";
import { endSystems } from "./end.js";
import { getSystems } from "./get.js";
import { listSystems } from "./list.js";
import { systems } from "./spec.js";
import { updateSystems } from "./update.js";

/** Adds the systems routes. */
export const registerSystems = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, systems, {
    list: listSystems,
    get: getSystems,
    create: createSystems,
    update: updateSystems,
    end: endSystems,
  });
