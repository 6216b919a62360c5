/**
 * @module resourceRoutes
 * A resource's routes, built once from its spec — list and get one, and, where the spec says
 * how a version is written, create, update and end — and their registration on the app.
 */
import type { EntityKind } from "@care-atlas/domain";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import type { AppEnv } from "../../context.js";
import type { RouteDeps } from "../deps.js";
import type { ResourceSpec } from "./ResourceSpec.js";
import { readRoutes, registerReadRoutes } from "./readRoutes.js";
import { isWritable, registerWriteRoutes, writeRoutes } from "./writeRoutes.js";

/**
 * A resource's routes and how to register them. The response schemas are the routes'
 * own (tests parse answers with them).
 */
export const resourceRoutes = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape,
  L,
>(
  spec: ResourceSpec<K, F, X, L>,
) => {
  const reads = readRoutes(spec);
  const writes = isWritable(spec) ? { spec, routes: writeRoutes(spec) } : undefined;
  return {
    reads,
    writes: writes?.routes,
    register: (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
      registerReadRoutes(app, deps, spec, reads);
      if (writes !== undefined) registerWriteRoutes(app, deps, writes.spec, writes.routes);
    },
  };
};
