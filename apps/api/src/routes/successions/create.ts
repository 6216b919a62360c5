/**
 * @module successions/create
 * `POST /v1/successions`: records a merge, split, rename or transfer and ends the
 * predecessors on its date, in one audited change. `If-Match` names the revision of every
 * predecessor: `If-Match: "org_…:3", "org_…:5"`.
 */
import {
  EntityId,
  Finding,
  IsoDate,
  Provenance,
  Succession,
  SuccessionKind,
} from "@care-atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { ProblemError } from "../../problem.js";
import { Reason, SourceRef } from "../resource/writeRoutes.js";
import { DataVersion, problemResponses, writeSecurity } from "../shared/openapi.js";

export const createSuccession = createRoute({
  method: "post",
  path: "/v1/successions",
  tags: ["Organisations", "Writes"],
  operationId: "createSuccession",
  summary: "Record a succession and end its predecessors",
  description:
    "A merge, split, rename or transfer on a date: the succession is recorded and each predecessor, with its relationships, ends on that date, in one audited change.",
  security: writeSecurity,
  request: {
    headers: z.object({
      "if-match": z.string().optional().meta({
        description:
          'The revision of every predecessor, as `"<id>:<revision>"` entity tags separated by commas. Required: 428 when missing, 412 when stale.',
        example: '"org_0000000001:3", "org_0000000002:5"',
      }),
    }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              id: z.string().optional().describe("Leave out to get a new id."),
              kind: SuccessionKind,
              predecessorIds: z
                .array(EntityId)
                .min(1)
                .describe(
                  "The entities that end on the date (their If-Match revisions are required).",
                ),
              successorIds: z
                .array(EntityId)
                .min(1)
                .describe("The entities that carry them on from the date."),
              date: IsoDate.describe("The day the successors took over."),
              note: z.string().max(2000).optional().describe("What happened, in words."),
              provenance: Provenance,
              reason: Reason,
              source: SourceRef,
            })
            .meta({ id: "SuccessionInput" }),
        },
      },
    },
  },
  responses: {
    201: {
      description: "Recorded.",
      headers: z.object({ Location: z.string() }),
      content: {
        "application/json": {
          schema: z
            .object({
              data: Succession,
              dataVersion: DataVersion,
              warnings: z.array(Finding).describe("Rule warnings the change introduced."),
            })
            .meta({ id: "SuccessionWriteResult" }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 412, 413, 415, 422, 428, 503),
  },
});

/** The revisions an If-Match header names, by id: 428 when missing, 400 when malformed. */
export const revisionsOf = (ifMatch: string | undefined): Record<string, number> => {
  if (ifMatch === undefined || ifMatch.trim() === "") {
    throw new ProblemError("precondition-required", {
      detail: 'send If-Match with each predecessor\'s revision, e.g. If-Match: "org_…:3"',
    });
  }
  const revisions: Record<string, number> = {};
  for (const tag of ifMatch.split(",")) {
    const match = /^\s*"([a-z]{3}_[0-9a-z]{8,40}):(\d{1,9})"\s*$/.exec(tag);
    if (match?.[1] === undefined || match[2] === undefined || Number(match[2]) < 1) {
      throw new ProblemError("invalid-request", {
        detail: 'If-Match must list "<id>:<revision>" entity tags',
        errors: [{ path: "header.if-match", message: 'must be like "org_0000000001:3"' }],
      });
    }
    revisions[match[1]] = Number(match[2]);
  }
  return revisions;
};
