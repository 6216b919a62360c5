/**
 * @module imports
 * `POST /v1/imports` takes in one official file (the request body, as bytes) through the
 * services' `importFile`: `kind`, `name` and `published` in the query, `dryRun=true` for a
 * plan only. It answers the report (counts and examples of each action, the file as
 * source), or with `Accept: application/x-ndjson` progress lines and then the report. A
 * file of another layout is a 400 naming what is missing, an import that breaks a rule a
 * 422 with the findings, a body over `IMPORT_BODY_LIMIT_BYTES` a 413. `GET /v1/imports`
 * lists the files imported so far. Both need the `admin` scope.
 */
import { type ImportProgress, type ImportReport, runVerb } from "@care-atlas/services";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppEnv } from "../../context.js";
import { requireScope } from "../../middleware/auth.js";
import { heartbeatMs } from "../../operator/endpoint.js";
import { errorToProblem, problem } from "../../problem.js";
import type { RouteDeps } from "../deps.js";
import { actorOfRequest } from "../resource/writeRoutes.js";
import { DataVersion, problemResponses, writeSecurity } from "../shared/openapi.js";
import { guarded } from "../shared/reads.js";
import {
  ImportedFile,
  ImportKind,
  ImportReport as ImportReportSchema,
  reportBody,
} from "./schemas.js";

const tags = ["Imports"];

/** The default largest file `POST /v1/imports` takes (`IMPORT_BODY_LIMIT_BYTES`). */
export const defaultImportBodyLimitBytes = 256 * 1024 * 1024;

const fileContent = (description: string) => ({
  schema: z.string().meta({ format: "binary", description }),
});

export const createImport = createRoute({
  method: "post",
  path: "/v1/imports",
  tags,
  operationId: "createImport",
  summary: "Import an official ODS or ONS file as dated changes (or plan it)",
  description:
    "The body is the file itself, in its official layout (`kind`). It is compared with the register as of `published` and only the differences are written — creations, new versions, ends, successions, postcode records, LSOA assignments — with the file as their source (name, date, licence, SHA-256) and the change reason `import of <name>`. `dryRun=true` plans and checks only. Importing the same file again changes nothing. A file of another layout is a 400 naming what is missing; an import that would break a rule of the register is refused whole (422, with the findings); a body larger than the server's `IMPORT_BODY_LIMIT_BYTES` is a 413. With `Accept: application/x-ndjson` the answer streams progress lines, then the report (or, for a failure after progress began, the problem). Needs the `admin` scope.",
  security: writeSecurity,
  request: {
    query: z.object({
      kind: ImportKind,
      name: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .describe("The file's name (e.g. `etr.csv`): cited in its source and change reason."),
      published: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date, YYYY-MM-DD" })
        .describe("The date the file describes, `YYYY-MM-DD`: changes are dated from it."),
      dryRun: z
        .enum(["true", "false"])
        .optional()
        .describe("`true`: plan and check only, write nothing (default `false`)."),
    }),
    body: {
      required: true,
      description: "The file's bytes.",
      content: {
        "text/csv": fileContent("A CSV file (ODS's files, ONS's directories and lookups)."),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": fileContent(
          "An xlsx workbook (ODS's ePCN).",
        ),
        "application/octet-stream": fileContent("The file, of any of the layouts."),
      },
    },
  },
  responses: {
    200: {
      description: "The import's report (or, in a dry run, its plan).",
      content: {
        "application/json": { schema: z.object({ data: ImportReportSchema }) },
        "application/x-ndjson": {
          schema: z.string().meta({
            description:
              'One JSON object per line: `{"progress":{"phase","done","total"}}` as the import goes (phases `reading`, `planning`, `checking`, `writing`, `done`), then `{"report":…}` (the ImportReport) or, for a failure after progress began, `{"problem":…}` (the Problem it would have answered).',
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 413, 422, 503),
  },
});

export const listImports = createRoute({
  method: "get",
  path: "/v1/imports",
  tags,
  operationId: "listImports",
  summary: "List the files imported so far, with their sources",
  description:
    "Every file the register took in through an import, newest data date first: its layout, its source (publisher, dataset, licence, data date, file name and SHA-256), and how many register entities cite it. Needs the `admin` scope.",
  security: writeSecurity,
  responses: {
    200: {
      description: "The imported files.",
      content: {
        "application/json": {
          schema: z.object({
            data: z.array(ImportedFile).describe("The imported files, newest data date first."),
            dataVersion: DataVersion,
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 503),
  },
});

const wantsNdjson = (c: Context<AppEnv>): boolean =>
  (c.req.header("accept") ?? "").includes("application/x-ndjson");

/** The request body as a stream of chunks (read once, as the verb goes). */
async function* bodyChunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (body === null) return;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Adds the import routes. */
export const registerImports = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  const admin = requireScope("admin");
  const limit = deps.importBodyLimitBytes ?? defaultImportBodyLimitBytes;
  const limitBody = bodyLimit({
    maxSize: limit,
    onError: (c) =>
      problem(c, "payload-too-large", {
        detail: `an imported file may be at most ${limit} bytes (IMPORT_BODY_LIMIT_BYTES)`,
      }),
  });

  app.openapi(guarded(createImport, admin, limitBody), async (c) => {
    const query = c.req.valid("query");
    const actor = actorOfRequest(c);
    c.header("Cache-Control", "no-store");
    const lines: string[] = [];
    let wake: (() => void) | undefined;
    let began: (() => void) | undefined;
    const beginning = new Promise<void>((resolve) => {
      began = resolve;
    });
    const ndjson = wantsNdjson(c);
    let last = "";
    const onProgress = (progress: ImportProgress) => {
      if (!ndjson) return;
      last = `${JSON.stringify({ progress })}\n`;
      lines.push(last);
      // Streaming starts once the file is read (a wrong layout is still a plain 400).
      if (progress.phase !== "reading") began?.();
      wake?.();
    };
    const run = runVerb(deps.runtime, (register) =>
      register.importFile(
        {
          kind: query.kind,
          name: query.name,
          published: query.published,
          bytes: bodyChunks(c.req.raw.body),
        },
        { actor },
        { dryRun: query.dryRun === "true", onProgress },
      ),
    );
    if (!ndjson) return c.json({ data: reportBody(await run) }, 200);
    const first = await Promise.race([
      beginning.then(() => "streaming" as const),
      run.then(
        () => "finished" as const,
        () => "failed" as const,
      ),
    ]);
    // Failed before its progress began: answered as a problem, with its own status.
    if (first === "failed") await run;
    let outcome: ImportReport | { error: unknown } | undefined;
    const settled = run.then(
      (report) => {
        outcome = report;
      },
      (error: unknown) => {
        outcome = { error };
      },
    );
    // A long step says nothing new for a while: the last progress again, so that the
    // connection is not taken for idle.
    const heartbeat = setInterval(() => {
      if (last === "") return;
      lines.push(last);
      wake?.();
    }, heartbeatMs);
    void settled.then(() => {
      clearInterval(heartbeat);
      wake?.();
    });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        while (lines.length === 0 && outcome === undefined) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
        if (lines.length > 0) {
          controller.enqueue(encoder.encode(lines.splice(0).join("")));
          return;
        }
        if (outcome !== undefined && "error" in outcome) {
          const answered = errorToProblem(outcome.error, c);
          controller.enqueue(
            encoder.encode(`${JSON.stringify({ problem: await answered.json() })}\n`),
          );
        } else if (outcome !== undefined) {
          controller.enqueue(
            encoder.encode(`${JSON.stringify({ report: reportBody(outcome) })}\n`),
          );
        }
        controller.close();
      },
    });
    return c.body(body, 200, { "Content-Type": "application/x-ndjson" }) as never;
  });

  app.openapi(guarded(listImports, admin), async (c) => {
    const list = await runVerb(deps.runtime, (register) => register.listImports());
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        data: list.imports.map((file) => ({ ...file, source: { ...file.source } })),
        dataVersion: list.dataVersion,
      },
      200,
    );
  });
};
