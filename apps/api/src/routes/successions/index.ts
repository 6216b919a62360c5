/**
 * @module successions
 * Registers the succession write: `POST /v1/successions` (successions are listed and read
 * like every other resource, from the resources table).
 */
import { runVerb } from "@care-atlas/services";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.js";
import { requireScope } from "../../middleware/auth.js";
import { ProblemError } from "../../problem.js";
import type { RouteDeps } from "../deps.js";
import { actorOfRequest, changeMeta } from "../resource/writeRoutes.js";
import { guarded } from "../shared/reads.js";
import { createSuccession, revisionsOf } from "./create.js";

/** Adds the succession write route. */
export const registerSuccessionWrite = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  app.openapi(guarded(createSuccession, requireScope("write")), async (c) => {
    const actor = actorOfRequest(c);
    const revisions = revisionsOf(c.req.valid("header")["if-match"]);
    const { reason, source, ...input } = c.req.valid("json");
    const missing = input.predecessorIds.filter((id) => revisions[id] === undefined);
    if (missing.length > 0) {
      throw new ProblemError("precondition-required", {
        detail: `If-Match names no revision for ${missing.join(", ")}`,
      });
    }
    const result = await runVerb(deps.runtime, (register) =>
      register.recordSuccession(
        { ...input, expectedRevisions: revisions },
        changeMeta(actor, { reason, source }),
      ),
    );
    c.header("Location", `/v1/successions/${result.succession.id}`);
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        data: result.succession,
        dataVersion: result.dataVersion,
        warnings: [...result.warnings],
      },
      201,
    );
  });
};
