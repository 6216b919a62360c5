/**
 * @module fhir/Facade
 * What each resource's routes are registered with: the facade's own app (its validation
 * hook answers OperationOutcomes), the services' runtime, the read middleware, and when each
 * record was last recorded.
 */
import type { RegisterRuntime } from "@care-atlas/services";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";

/** The facade's app and what its handlers share. */
export interface Facade {
  readonly app: OpenAPIHono<AppEnv>;
  readonly runtime: RegisterRuntime;
  readonly middleware: MiddlewareHandler<AppEnv>[];
  /** Whether reads need a key (their answers are then private to the caller). */
  readonly readsRequireKey: boolean;
  /** Id → when it was last recorded (ISO), for the current data version. */
  readonly lastUpdated: () => Promise<ReadonlyMap<string, string>>;
}
