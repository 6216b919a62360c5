/**
 * @module fhir/outcome
 * Every failure of the FHIR facade as an `OperationOutcome`: a service error with the status
 * the services' table (`errorInfo`) gives it, a problem of the HTTP layer (authentication,
 * validation) with its own status, anything else as a 500 — each with the FHIR issue code
 * that matches.
 */
import { errorInfo, isServiceError } from "@care-atlas/services";
import type { Context } from "hono";
import { z } from "zod";
import { type ProblemCode, ProblemError, problemTypes } from "../problem.js";
import type { FhirOperationOutcome } from "./schemas.js";

/** The FHIR issue type of each problem code. */
const issueCodes: Readonly<Record<ProblemCode, string>> = {
  "not-found": "not-found",
  "outside-coverage": "not-found",
  conflict: "conflict",
  "precondition-failed": "conflict",
  "invalid-request": "invalid",
  "validation-failed": "processing",
  forbidden: "forbidden",
  "service-unavailable": "transient",
  "malformed-json": "structure",
  unauthorized: "login",
  "method-not-allowed": "not-supported",
  "payload-too-large": "too-costly",
  "unsupported-media-type": "not-supported",
  "precondition-required": "required",
  "rate-limited": "throttled",
  internal: "exception",
};

/** An OperationOutcome of one error issue. */
export const outcome = (
  code: ProblemCode,
  diagnostics: string,
  expression?: ReadonlyArray<string>,
): FhirOperationOutcome => ({
  resourceType: "OperationOutcome",
  issue: [
    {
      severity: "error",
      code: issueCodes[code],
      diagnostics,
      ...(expression === undefined || expression.length === 0
        ? {}
        : { expression: [...expression] }),
    },
  ],
});

export const fhirJson = "application/fhir+json; fhirVersion=4.0";

/** Answers an OperationOutcome. */
export const outcomeResponse = (
  c: Context,
  status: number,
  body: FhirOperationOutcome,
  headers: Readonly<Record<string, string>> = {},
): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      ...headers,
      "Content-Type": fhirJson,
      "Cache-Control": "no-store",
      "X-Request-Id": (c.get("requestId") as string | undefined) ?? "",
    },
  });

/** The outcome of any thrown error. */
export const errorOutcome = (error: unknown, c: Context): Response => {
  if (isServiceError(error)) {
    const { status, code, retryAfterSeconds } = errorInfo(error);
    return outcomeResponse(
      c,
      status,
      outcome(code, error.message),
      retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) },
    );
  }
  if (error instanceof ProblemError) {
    const { status } = problemTypes[error.code];
    const paths = (error.extras.errors ?? []).map((e) => e.path);
    return outcomeResponse(
      c,
      status,
      outcome(error.code, error.message, paths),
      error.extras.headers,
    );
  }
  return outcomeResponse(
    c,
    500,
    outcome("internal", "An unexpected error occurred; quote the X-Request-Id."),
  );
};

/** The validation hook of the FHIR routes: a bad parameter is a 400 OperationOutcome. */
export const fhirValidationHook = (
  result: { success: boolean; error?: unknown },
  c: Context,
): Response | undefined => {
  if (result.success) return undefined;
  const issues =
    result.error instanceof z.ZodError
      ? result.error.issues.map((issue) => {
          const name = issue.path.map(String).join(".");
          return {
            path: name,
            message:
              issue.code === "unrecognized_keys"
                ? `unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
                : `${name === "" ? "" : `${name}: `}${issue.message}`,
          };
        })
      : [{ path: "", message: "invalid request" }];
  return outcomeResponse(
    c,
    400,
    outcome(
      "invalid-request",
      issues.map((issue) => issue.message).join("; "),
      issues.map((issue) => issue.path).filter((path) => path !== ""),
    ),
  );
};
