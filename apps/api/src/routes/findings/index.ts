/**
 * @module findings
 * `GET /v1/findings`: what the register's rule checks find — by rule, severity, subject,
 * about records valid on a date, as recorded at `asOf` — a page at a time (or whole, as
 * JSON, CSV or NDJSON); `GET /v1/findings/rules`: the rule catalogue.
 */
import { Finding, RuleId, RuleInfo, ruleCatalogue, Severity } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../context.js";
import { ProblemError } from "../../problem.js";
import type { RouteDeps } from "../deps.js";
import { openCursor, queryDigest, sealCursor } from "../shared/cursor.js";
import { etagHeaders, readProblems, readSecurity } from "../shared/openapi.js";
import { PageQuery, TimeQuery, timeOptions, wholeList } from "../shared/query.js";
import {
  answerHeaders,
  guarded,
  readHeaders,
  readMiddleware,
  streamHeaders,
} from "../shared/reads.js";
import { columnsOf, formatOf, listContent, streamList } from "../shared/representations.js";

const findingColumns = columnsOf(Finding);

/** The cursor after the finding at `offset` of the list at `dataVersion`. */
const encodeCursor = (dataVersion: number, offset: number): string =>
  Buffer.from(`findings:${dataVersion}:${offset}`, "utf8").toString("base64url");

const decodeCursor = (cursor: string): { dataVersion: number; offset: number } | undefined => {
  const match = /^findings:(\d{1,15}):(\d{1,9})$/.exec(
    Buffer.from(cursor, "base64url").toString("utf8"),
  );
  return match?.[1] === undefined || match[2] === undefined
    ? undefined
    : { dataVersion: Number(match[1]), offset: Number(match[2]) };
};

export const FindingsQuery = TimeQuery.extend(PageQuery.shape).extend({
  rule: RuleId.optional().meta({ description: "Only findings of this rule." }),
  severity: Severity.optional().meta({ description: "Only errors, or only warnings." }),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_]+$/, { error: "must be an id or a code" })
    .optional()
    .meta({
      description: "Only findings about this id (or LSOA code).",
      example: "nbh_0000000001",
    }),
});

export const listFindings = createRoute({
  method: "get",
  path: "/v1/findings",
  tags: ["Findings"],
  operationId: "listFindings",
  summary: "What the register's rule checks find",
  description:
    "The findings of every rule over the register as recorded at `asOf` (default now), in the rules' order. `validAt` keeps the findings about a record valid on that date (an LSOA always is); without it, findings about any date. Paged like every list (`limit`, `cursor`, `all`); CSV and NDJSON answer the whole list.",
  security: readSecurity,
  request: { query: FindingsQuery },
  responses: {
    200: {
      description: "A page of findings, with the counts of the whole filtered list.",
      headers: etagHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              data: z.array(Finding).describe("The findings of this page, in the rules' order."),
              nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page."),
              errors: z.number().int().nonnegative().describe("Errors in the whole list."),
              warnings: z.number().int().nonnegative().describe("Warnings in the whole list."),
              dataVersion: z
                .number()
                .int()
                .nonnegative()
                .describe("The data version (last change seq) the rules were checked at."),
            })
            .meta({ id: "FindingPage", description: "A page of rule findings." }),
        },
        ...listContent(findingColumns, "finding"),
      },
    },
    ...readProblems,
  },
});

export const listRules = createRoute({
  method: "get",
  path: "/v1/findings/rules",
  tags: ["Findings"],
  operationId: "listRules",
  summary: "The rule catalogue",
  description: "Every rule the register checks, in the order it runs them.",
  security: readSecurity,
  request: {},
  responses: {
    200: {
      description: "The rules.",
      headers: etagHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ data: z.array(RuleInfo).describe("Every rule, in the order they run.") })
            .meta({ id: "RuleCatalogue", description: "The rule catalogue." }),
        },
        ...listContent(columnsOf(RuleInfo), "rule"),
      },
    },
    ...readProblems,
  },
});

/** Adds the findings routes. */
export const registerFindings = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  const middleware = readMiddleware(deps);

  app.openapi(guarded(listFindings, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const format = formatOf(c.req.header("accept"));
    const whole = wholeList(query, format !== "json");
    const digest = queryDigest("/v1/findings", query);
    const start =
      query.cursor === undefined ? undefined : decodeCursor(openCursor(query.cursor, digest));
    if (query.cursor !== undefined && start === undefined) {
      throw new ProblemError("invalid-request", {
        detail: "cursor: not a cursor of this list",
        errors: [{ path: "query.cursor", message: "must be a cursor returned by a previous page" }],
      });
    }
    const read = await runVerb(deps.runtime, (register) =>
      register.checkRules({
        ...timeOptions(query),
        rule: query.rule,
        severity: query.severity,
        subject: query.subject,
      }),
    );
    if (format !== "json") {
      streamHeaders(c, read.dataVersion, format, deps.readsRequireKey);
      return streamList(c, format, findingColumns, read.findings, "findings");
    }
    if (start !== undefined && start.dataVersion !== read.dataVersion) {
      throw new ProblemError("invalid-request", {
        detail: "the register has changed since that page was read: start again without a cursor",
        errors: [{ path: "query.cursor", message: "made at another data version" }],
      });
    }
    const offset = start?.offset ?? 0;
    const limit = whole ? read.findings.length : (query.limit ?? 100);
    const data = read.findings.slice(offset, offset + limit);
    const end = offset + data.length;
    const body = {
      data,
      nextCursor:
        end < read.findings.length ? sealCursor(encodeCursor(read.dataVersion, end), digest) : null,
      errors: read.errors,
      warnings: read.warnings,
      dataVersion: read.dataVersion,
    };
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200);
  });

  app.openapi(guarded(listRules, ...middleware), async (c) => {
    const format = formatOf(c.req.header("accept"));
    if (format !== "json") {
      streamHeaders(c, deps.dataVersion(), format, deps.readsRequireKey);
      return streamList(c, format, columnsOf(RuleInfo), ruleCatalogue, "rules");
    }
    const body = { data: [...ruleCatalogue] };
    answerHeaders(c, body, deps.dataVersion(), deps.readsRequireKey);
    return c.json(body, 200);
  });
};
