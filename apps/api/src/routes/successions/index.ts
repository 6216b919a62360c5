/**
 * @module successions
 * Registers the succession routes.
 */
import type { SuccessionInput } from "@care-atlas/services";
import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../context.js";
import { actorOf, requireScope } from "../../middleware/auth.js";
import { ProblemError } from "../../problem.js";
import { run } from "../common.js";
import type { RouteDeps } from "../deps.js";
import { guarded, registerResource } from "../resource.js";
import { createSuccession, revisionsOf } from "./create.js";
import { getSuccessions } from "./get.js";
import { listSuccessions } from "./list.js";
import { successions } from "./spec.js";

type Handler = (c: Context<AppEnv>) => Promise<Response>;

/** Adds the succession routes. */
export const registerSuccessions = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  registerResource(app, deps, successions, { list: listSuccessions, get: getSuccessions });
  const openapi = app.openapi as unknown as (route: RouteConfig, handler: Handler) => void;
  openapi(guarded(createSuccession, requireScope("write")), async (c) => {
    const principal = c.get("principal");
    if (principal === undefined) throw new ProblemError("unauthorized");
    const revisions = revisionsOf(c.req.header("if-match"));
    const body = (
      c.req as unknown as {
        valid(t: "json"): SuccessionInput & { reason: string; source?: string };
      }
    ).valid("json");
    const missing = body.predecessorIds.filter((id) => revisions[id] === undefined);
    if (missing.length > 0) {
      throw new ProblemError("precondition-required", {
        detail: `If-Match names no revision for ${missing.join(", ")}`,
      });
    }
    const { reason, source, ...input } = body;
    const result = await run(
      deps.register.recordSuccession(
        { ...input, expectedRevisions: revisions },
        { actor: actorOf(principal), reason, ...(source === undefined ? {} : { source }) },
      ),
      { conflictAs: "precondition-failed", invalidAs: "validation-failed" },
    );
    c.header("Location", `/v1/successions/${result.succession.id}`);
    c.header("Cache-Control", "no-store");
    return c.json(
      { data: result.succession, dataVersion: result.dataVersion, warnings: result.warnings },
      201,
    );
  });
};
