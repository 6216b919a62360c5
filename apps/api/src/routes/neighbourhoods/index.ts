/**
 * @module neighbourhoods
 * Registers the neighbourhoods routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createNeighbourhoods } from "./create.js";
import { endNeighbourhoods } from "./end.js";
import { getNeighbourhoods } from "./get.js";
import { listNeighbourhoods } from "./list.js";
import { neighbourhoods } from "./spec.js";
import { updateNeighbourhoods } from "./update.js";

/** Adds the neighbourhoods routes. */
export const registerNeighbourhoods = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, neighbourhoods, {
    list: listNeighbourhoods,
    get: getNeighbourhoods,
    create: createNeighbourhoods,
    update: updateNeighbourhoods,
    end: endNeighbourhoods,
  });
