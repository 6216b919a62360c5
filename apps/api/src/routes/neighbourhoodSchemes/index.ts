/**
 * @module neighbourhoodSchemes
 * Registers the neighbourhoodSchemes routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createNeighbourhoodSchemes } from "./create.js";
import { endNeighbourhoodSchemes } from "./end.js";
import { getNeighbourhoodSchemes } from "./get.js";
import { listNeighbourhoodSchemes } from "./list.js";
import { neighbourhoodSchemes } from "./spec.js";
import { updateNeighbourhoodSchemes } from "./update.js";

/** Adds the neighbourhoodSchemes routes. */
export const registerNeighbourhoodSchemes = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, neighbourhoodSchemes, {
    list: listNeighbourhoodSchemes,
    get: getNeighbourhoodSchemes,
    create: createNeighbourhoodSchemes,
    update: updateNeighbourhoodSchemes,
    end: endNeighbourhoodSchemes,
  });
