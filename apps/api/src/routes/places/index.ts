/**
 * @module places
 * Registers the places routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createPlaces } from "./create.js";
import { endPlaces } from "./end.js";
import { getPlaces } from "./get.js";
import { listPlaces } from "./list.js";
import { places } from "./spec.js";
import { updatePlaces } from "./update.js";

/** Adds the places routes. */
export const registerPlaces = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, places, {
    list: listPlaces,
    get: getPlaces,
    create: createPlaces,
    update: updatePlaces,
    end: endPlaces,
  });
