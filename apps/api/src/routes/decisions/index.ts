/**
 * @module decisions
 * Registers the decisions routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createDecisions } from "./create.js";
import { endDecisions } from "./end.js";
import { getDecisions } from "./get.js";
import { listDecisions } from "./list.js";
import { decisions } from "./spec.js";
import { updateDecisions } from "./update.js";

/** Adds the decisions routes. */
export const registerDecisions = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, decisions, {
    list: listDecisions,
    get: getDecisions,
    create: createDecisions,
    update: updateDecisions,
    end: endDecisions,
  });
