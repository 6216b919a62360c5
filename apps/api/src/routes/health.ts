/**
 * @module health
 * `/healthz`: the process is up. `/readyz`, for load balancers and orchestrators: `ready`
 * when the database answers and the read model holds what it holds; `degraded` (still 200:
 * keep sending reads) while the database does not answer — reads are answered from the
 * read model, writes get 503 with `Retry-After` — or the replica fails (the primary serves
 * in its place); 503 problem+json when the read model cannot catch up.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../context.js";
import { problem } from "../problem.js";
import { problemResponses } from "./shared/openapi.js";
import { guarded } from "./shared/reads.js";

/** The result of a readiness check. */
export interface Readiness {
  readonly ready: boolean;
  /** Ready to serve reads, but something is away (the database, the replica): see `checks`. */
  readonly degraded?: boolean;
  /** One entry per dependency: `ok` or what is wrong. */
  readonly checks: Readonly<Record<string, string>>;
  /** The read model's data version (last change seq), when loaded. */
  readonly dataVersion?: number;
}

export const Health = z
  .object({ status: z.literal("ok").describe("Always `ok` when the process answers.") })
  .meta({ id: "Health", description: "The process is up." });

export const Ready = z
  .object({
    status: z
      .enum(["ready", "degraded"])
      .describe(
        "`ready`: everything answers. `degraded`: reads are served (from memory) but something is away — the database (writes get 503 until it returns) or the replica — see `checks`.",
      ),
    checks: z
      .record(z.string(), z.string())
      .describe(
        "Each dependency checked (`database`, `readModel`, `replica`…) and `ok` or what is wrong.",
      ),
    dataVersion: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe("The read model's data version, when loaded."),
  })
  .meta({
    id: "Ready",
    description: "Reads are served: the read model is loaded (and, when ready, current).",
  });

const healthz = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["Operations"],
  summary: "Check that the process is up",
  description:
    "Liveness for load balancers and orchestrators: 200 whenever the process answers; it reads nothing.",
  operationId: "healthz",
  security: [],
  responses: {
    200: { description: "Up", content: { "application/json": { schema: Health } } },
    ...problemResponses(400),
  },
});

const readyz = createRoute({
  method: "get",
  path: "/readyz",
  tags: ["Operations"],
  summary: "Check that the register is ready to answer",
  description:
    "Readiness: 200 `ready` when the database answers within 2 s and the read model holds every change the store has (it catches up first); 200 `degraded` when reads are served from memory while the database or the replica is away (writes get 503 with Retry-After); 503 naming what is wrong when the read model is not loaded.",
  operationId: "readyz",
  security: [],
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: Ready } } },
    ...problemResponses(400, 503),
  },
});

/** Adds the health routes. */
export const registerHealth = (
  app: OpenAPIHono<AppEnv>,
  readiness: () => Promise<Readiness>,
): void => {
  app.openapi(guarded(healthz), (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" as const }, 200);
  });
  app.openapi(guarded(readyz), async (c) => {
    c.header("Cache-Control", "no-store");
    let result: Readiness;
    try {
      result = await readiness();
    } catch (error) {
      result = { ready: false, checks: { readiness: String(error) } };
    }
    if (!result.ready) {
      return problem(c, "service-unavailable", {
        detail: Object.entries(result.checks)
          .filter(([, value]) => value !== "ok")
          .map(([name, value]) => `${name}: ${value}`)
          .join("; "),
      }) as never;
    }
    return c.json(
      {
        status: result.degraded === true ? ("degraded" as const) : ("ready" as const),
        checks: { ...result.checks },
        ...(result.dataVersion === undefined ? {} : { dataVersion: result.dataVersion }),
      },
      200,
    );
  });
};
