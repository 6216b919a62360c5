/**
 * @module strategyElements
 * Registers the strategyElements routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createStrategyElements } from "./create.js";
import { endStrategyElements } from "./end.js";
import { getStrategyElements } from "./get.js";
import { listStrategyElements } from "./list.js";
import { strategyElements } from "./spec.js";
import { updateStrategyElements } from "./update.js";

/** Adds the strategyElements routes. */
export const registerStrategyElements = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, strategyElements, {
    list: listStrategyElements,
    get: getStrategyElements,
    create: createStrategyElements,
    update: updateStrategyElements,
    end: endStrategyElements,
  });
