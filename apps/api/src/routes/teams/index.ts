/**
 * @module teams
 * Registers the teams routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createTeams } from "./create.js";
import { endTeams } from "./end.js";
import { getTeams } from "./get.js";
import { listTeams } from "./list.js";
import { teams } from "./spec.js";
import { updateTeams } from "./update.js";

/** Adds the teams routes. */
export const registerTeams = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, teams, {
    list: listTeams,
    get: getTeams,
    create: createTeams,
    update: updateTeams,
    end: endTeams,
  });
