/**
 * @module pooledBudgets
 * Registers the pooledBudgets routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import { registerResource } from "../resource.js";
import { createPooledBudgets } from "./create.js";
import { endPooledBudgets } from "./end.js";
import { getPooledBudgets } from "./get.js";
import { listPooledBudgets } from "./list.js";
import { pooledBudgets } from "./spec.js";
import { updatePooledBudgets } from "./update.js";

/** Adds the pooledBudgets routes. */
export const registerPooledBudgets = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void =>
  registerResource(app, deps, pooledBudgets, {
    list: listPooledBudgets,
    get: getPooledBudgets,
    create: createPooledBudgets,
    update: updatePooledBudgets,
    end: endPooledBudgets,
  });
