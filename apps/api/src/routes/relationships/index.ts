/**
 * @module relationships
 * Registers the relationships routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createRelationships } from "./create.js";
import { endRelationships } from "./end.js";
import { getRelationships } from "./get.js";
import { listRelationships } from "./list.js";
import { relationships } from "./spec.js";
import { updateRelationships } from "./update.js";

/** Adds the relationships routes. */
export const registerRelationships = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, relationships, {
    list: listRelationships,
    get: getRelationships,
    create: createRelationships,
    update: updateRelationships,
    end: endRelationships,
  });
