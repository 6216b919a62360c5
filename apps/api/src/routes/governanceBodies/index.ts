/**
 * @module governanceBodies
 * Registers the governanceBodies routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createGovernanceBodies } from "./create.js";
import { endGovernanceBodies } from "./end.js";
import { getGovernanceBodies } from "./get.js";
import { listGovernanceBodies } from "./list.js";
import { governanceBodies } from "./spec.js";
import { updateGovernanceBodies } from "./update.js";

/** Adds the governanceBodies routes. */
export const registerGovernanceBodies = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, governanceBodies, {
    list: listGovernanceBodies,
    get: getGovernanceBodies,
    create: createGovernanceBodies,
    update: updateGovernanceBodies,
    end: endGovernanceBodies,
  });
