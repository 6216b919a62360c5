/**
 * @module organisations
 * Registers the organisations routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createOrganisations } from "./create.js";
import { endOrganisations } from "./end.js";
import { getOrganisations } from "./get.js";
import { listOrganisations } from "./list.js";
import { organisations } from "./spec.js";
import { updateOrganisations } from "./update.js";

/** Adds the organisations routes. */
export const registerOrganisations = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, organisations, {
    list: listOrganisations,
    get: getOrganisations,
    create: createOrganisations,
    update: updateOrganisations,
    end: endOrganisations,
  });
