/**
 * @module register
 * Registers every /v1 route.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import type { RouteDeps } from "./deps.js";

/** Adds the /v1 routes. */
export const registerV1 = (_app: OpenAPIHono<AppEnv>, _deps: RouteDeps): void => {};
