/**
 * @module strategyOutcomes
 * Registers the strategyOutcomes routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { getStrategyOutcomes } from "./get.js";
import { listStrategyOutcomes } from "./list.js";
import { strategyOutcomes } from "./spec.js";

/** Adds the strategyOutcomes routes. */
export const registerStrategyOutcomes = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, strategyOutcomes, {
    list: listStrategyOutcomes,
    get: getStrategyOutcomes,
  });
