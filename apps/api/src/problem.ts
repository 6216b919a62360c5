/**
 * @module problem
 * One error model for every failure: RFC 9457 `application/problem+json` with a stable
 * `type` and `code`, the request id, and for validation failures the list of field errors.
 * Every error path of the app (validation hook, not found, method not allowed, malformed
 * JSON, body too large, auth, service errors, unexpected throws) ends here. A service error
 * is answered as the services' own table says (`errorInfo`): this module adds the HTTP-only
 * problems and writes the document.
 */

import { Finding } from "@care-atlas/domain";
import {
  errorInfo,
  isServiceError,
  type ServiceError,
  serviceProblems,
} from "@care-atlas/services";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";

/** The problems this API reports, by code: HTTP status and a short, stable title. */
export const problemTypes = {
  ...serviceProblems,
  "malformed-json": { status: 400, title: "The request body is not valid JSON" },
  unauthorized: { status: 401, title: "Authentication is required" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "payload-too-large": { status: 413, title: "The request body is too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "precondition-required": { status: 428, title: "If-Match is required" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
} as const;

/** A problem code. */
export type ProblemCode = keyof typeof problemTypes;

/** One field error of an invalid request. */
export const FieldError = z
  .object({
    path: z
      .string()
      .describe("Where the error is: `query.limit`, `body.valid.from`, `header.if-match`…"),
    message: z.string().describe("What is wrong with it."),
  })
  .meta({ id: "FieldError", description: "A field of the request and what is wrong with it." });
export type FieldError = z.infer<typeof FieldError>;

/** The body of every error response (RFC 9457). */
export const Problem = z
  .object({
    type: z
      .string()
      .describe(
        "A URI reference naming the problem type, e.g. /problems/not-found: a page of this server that explains it.",
      ),
    code: z
      .enum(Object.keys(problemTypes) as [ProblemCode, ...ProblemCode[]])
      .describe("The problem's stable code (the last segment of `type`)."),
    title: z.string().describe("A short, stable summary of the problem type."),
    status: z.number().int().min(400).max(599).describe("The HTTP status."),
    detail: z.string().optional().describe("What went wrong with this request, in words."),
    instance: z.string().optional().describe("The request path."),
    requestId: z.string().describe("The X-Request-Id of the request, for support."),
    errors: z
      .array(FieldError)
      .optional()
      .describe("For an invalid request: each field that is wrong."),
    findings: z.array(Finding).optional().describe("Rule findings, for validation-failed."),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem detail." });
export type Problem = z.infer<typeof Problem>;

/** Extra members of a problem. */
export interface ProblemExtras {
  readonly detail?: string;
  readonly errors?: ReadonlyArray<FieldError>;
  readonly findings?: ReadonlyArray<Finding>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An error that becomes a problem response when thrown from a handler or middleware. */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly extras: ProblemExtras;
  constructor(code: ProblemCode, extras: ProblemExtras = {}) {
    super(extras.detail ?? problemTypes[code].title);
    this.name = "ProblemError";
    this.code = code;
    this.extras = extras;
  }
}

/** The problem body for a code. */
export const problemBody = (
  code: ProblemCode,
  requestId: string,
  instance: string,
  extras: ProblemExtras = {},
): Problem => {
  const { status, title } = problemTypes[code];
  const body: Problem = { type: `/problems/${code}`, code, title, status, instance, requestId };
  if (extras.detail !== undefined) body.detail = extras.detail;
  if (extras.errors !== undefined) body.errors = [...extras.errors];
  if (extras.findings !== undefined) body.findings = [...extras.findings];
  return body;
};

/** Writes a problem response. */
export const problem = (c: Context, code: ProblemCode, extras: ProblemExtras = {}): Response => {
  const requestId = (c.get("requestId") as string | undefined) ?? "";
  const body = problemBody(code, requestId, c.req.path, extras);
  return c.body(JSON.stringify(body), body.status as 400, {
    ...extras.headers,
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
  });
};

/** Field errors from a zod error, each path prefixed by where the value came from. */
export const fieldErrors = (error: z.ZodError, target?: string): FieldError[] =>
  error.issues.map((issue) => ({
    path: [target, ...issue.path.map(String)].filter((part) => part !== undefined).join("."),
    message: issue.message,
  }));

const targetName: Record<string, string> = {
  json: "body",
  form: "body",
  query: "query",
  param: "path",
  header: "header",
  cookie: "cookie",
};

/** The validation hook for every route: an invalid request becomes a 400 problem. */
export const validationHook = (
  result: { success: boolean; error?: unknown; target?: string },
  c: Context,
): Response | undefined => {
  if (result.success) return undefined;
  const target = targetName[result.target ?? ""] ?? result.target;
  const errors =
    result.error instanceof z.ZodError
      ? fieldErrors(result.error, target)
      : [{ path: target ?? "", message: "invalid" }];
  return problem(c, "invalid-request", {
    detail: errors.map((e) => `${e.path}: ${e.message}`).join("; "),
    errors,
  });
};

/**
 * The problem a service error is answered with: its status and code from the services'
 * table, its message as the detail, `Retry-After` when the table says when to try again,
 * and for a `ValidationFailed` the field errors and the rule findings.
 */
export const problemOfServiceError = (
  error: ServiceError,
): { code: ProblemCode; extras: ProblemExtras } => {
  const { code, retryAfterSeconds } = errorInfo(error);
  const detail = error.message === "" ? {} : { detail: error.message };
  if (retryAfterSeconds !== undefined) {
    return { code, extras: { ...detail, headers: { "Retry-After": String(retryAfterSeconds) } } };
  }
  if (error._tag !== "ValidationFailed") return { code, extras: detail };
  return {
    code,
    extras: {
      ...detail,
      ...(error.issues.length > 0 || code === "invalid-request"
        ? { errors: error.issues.map(({ path, message }) => ({ path, message })) }
        : {}),
      ...(code === "validation-failed" ? { findings: error.findings } : {}),
    },
  };
};

/**
 * The app's `onError`: every thrown error becomes a problem. Unknown errors are 500s with a
 * generic detail (the log has the stack).
 */
export const errorToProblem = (error: unknown, c: Context): Response => {
  if (error instanceof ProblemError) return problem(c, error.code, error.extras);
  if (isServiceError(error)) {
    const mapped = problemOfServiceError(error);
    return problem(c, mapped.code, mapped.extras);
  }
  if (error instanceof HTTPException) {
    const message = error.message;
    if (error.status === 400 && /json/i.test(message)) {
      return problem(c, "malformed-json", { detail: message });
    }
    if (error.status === 413) return problem(c, "payload-too-large");
    if (error.status === 415) {
      return problem(c, "unsupported-media-type", { detail: "send application/json" });
    }
    if (error.status === 401) return problem(c, "unauthorized");
    if (error.status === 403) return problem(c, "forbidden");
    if (error.status === 404) return problem(c, "not-found");
    if (error.status >= 400 && error.status < 500) {
      return problem(c, "invalid-request", { detail: message });
    }
  }
  return problem(c, "internal", { detail: "An unexpected error occurred; quote the requestId." });
};
