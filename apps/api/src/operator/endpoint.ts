/**
 * @module endpoint
 * `POST /operator/commands`: runs a CLI command in this server (the CLI of an embedded
 * database sends it here, since the database is open in this process only). Answers only a
 * request from this machine (loopback, or the server's own address) carrying
 * `Authorization: Operator <token>` — the token of the operator file, which only the
 * server's OS user can read. Not part of the public API (not in the OpenAPI document).
 *
 * Asked with `Accept: application/x-ndjson`, it answers a stream of {@link OperatorLine}s:
 * the command's progress as it goes (an import's phases and rows), then its answer.
 */
import { timingSafeEqual } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../context.js";
import { problem } from "../problem.js";
import { CommandAnswer } from "./answer.js";

/** How often a streamed answer repeats its last progress while nothing new happens. */
export const heartbeatMs = 15_000;

/** The operator's path. */
export const operatorPath = "/operator/commands";

/** What the CLI sends. */
export const OperatorRequest = z.object({
  argv: z.array(z.string().max(10_000)).max(200),
  stdin: z.string().max(1_000_000),
  /** The CLI's OS user (the actor its changes are recorded as: `cli:<user>`). */
  user: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .catch("unknown"),
});
export type OperatorRequest = z.infer<typeof OperatorRequest>;

/** Where a long command is. */
export const OperatorProgress = z.object({
  phase: z.enum(["reading", "planning", "checking", "writing", "done"]),
  done: z.number().int().min(0),
  total: z.number().int().min(0).nullable(),
});
export type OperatorProgress = z.infer<typeof OperatorProgress>;

/** One line of a streamed answer: progress, or (last) the command's answer. */
export const OperatorLine = z.union([
  z.object({ progress: OperatorProgress }),
  z.object({ answer: CommandAnswer }),
]);
export type OperatorLine = z.infer<typeof OperatorLine>;

/** What the server needs to take commands. */
export interface OperatorEndpoint {
  readonly token: string;
  readonly run: (
    request: OperatorRequest,
    onProgress?: (progress: OperatorProgress) => void,
  ) => Promise<CommandAnswer>;
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

interface SocketLike {
  readonly remoteAddress?: string | undefined;
  readonly localAddress?: string | undefined;
}

/** Whether a request came from this machine. */
const fromThisMachine = (env: unknown): boolean => {
  const socket = (env as { incoming?: { socket?: SocketLike } } | undefined)?.incoming?.socket;
  const remote = socket?.remoteAddress;
  if (remote === undefined) return false;
  return loopback.test(remote) || remote === socket?.localAddress;
};

const tokenMatches = (presented: string, token: string): boolean => {
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Adds the operator's route. */
export const registerOperator = (app: OpenAPIHono<AppEnv>, endpoint: OperatorEndpoint): void => {
  app.post(operatorPath, async (c) => {
    // Anyone else is told there is nothing here.
    if (!fromThisMachine(c.env))
      return problem(c, "not-found", { detail: `no route for ${c.req.path}` });
    const presented = /^Operator\s+(\S+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    if (presented === undefined || !tokenMatches(presented, endpoint.token)) {
      return problem(c, "unauthorized", {
        detail: "send Authorization: Operator <token of the operator file>",
      });
    }
    const length = Number(c.req.header("content-length") ?? "0");
    if (length > 2_000_000) return problem(c, "payload-too-large");
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return problem(c, "malformed-json");
    }
    const parsed = OperatorRequest.safeParse(body);
    if (!parsed.success) {
      return problem(c, "invalid-request", {
        detail: parsed.error.issues[0]?.message ?? "invalid",
      });
    }
    c.header("Cache-Control", "no-store");
    if (!(c.req.header("accept") ?? "").includes("application/x-ndjson")) {
      return c.json(await endpoint.run(parsed.data), 200);
    }
    const encoder = new TextEncoder();
    const lines = new ReadableStream<Uint8Array>({
      start: async (controller) => {
        const send = (line: OperatorLine) =>
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        let last: OperatorProgress | undefined;
        const tell = (progress: OperatorProgress) => {
          try {
            send({ progress });
          } catch {
            // The CLI went away: the command still runs to its end.
          }
        };
        // A long step (writing a million postcodes) says nothing new for a while: the last
        // progress again, so that the connection is not taken for idle.
        const heartbeat = setInterval(() => {
          if (last !== undefined) tell(last);
        }, heartbeatMs);
        const answer = await endpoint
          .run(parsed.data, (progress) => {
            last = progress;
            tell(progress);
          })
          .finally(() => clearInterval(heartbeat));
        try {
          send({ answer });
          controller.close();
        } catch {
          // As above.
        }
      },
    });
    return new Response(lines, {
      status: 200,
      headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" },
    });
  });
};
