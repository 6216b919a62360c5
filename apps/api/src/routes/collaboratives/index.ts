/**
 * @module collaboratives
 * Registers the collaboratives routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createCollaboratives } from "./create.js";
import { endCollaboratives } from "./end.js";
import { getCollaboratives } from "./get.js";
import { listCollaboratives } from "./list.js";
import { collaboratives } from "./spec.js";
import { updateCollaboratives } from "./update.js";

/** Adds the collaboratives routes. */
export const registerCollaboratives = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, collaboratives, {
    list: listCollaboratives,
    get: getCollaboratives,
    create: createCollaboratives,
    update: updateCollaboratives,
    end: endCollaboratives,
  });
