/**
 * @module ServiceErrorPage
 * The one place where a service error becomes what the admin answers. The status and the
 * title come from the services' table (`errorInfo`: a stale revision is 412, a change the
 * register refuses 422, malformed input 400…), the words from the error itself. The app's
 * error handler shows a report as an error page ({@link serviceErrorPage}); the forms show
 * the same report in their error summary and beside their fields, with the status of the
 * table and the user's input kept ({@link serviceErrorReport}), after running their verbs
 * with {@link outcomeOf}.
 */
import type { Finding } from "@care-atlas/domain";
import { type ErrorInfo, errorInfo, isServiceError, type ServiceError } from "@care-atlas/services";
import type { Context } from "hono";
import { friendlyMessage, type PathIssue } from "../forms/FormErrors.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import { ErrorPage } from "../views/pages/ErrorPage.js";
import type { AdminEnv } from "./AdminEnv.js";
import { page } from "./Render.js";

/** What the admin says about a service error. */
export interface ServiceErrorReport {
  /** The status of the page: the services' table. */
  readonly status: ErrorInfo["status"];
  /** When to try again, in seconds (`Retry-After`): the services' table. */
  readonly retryAfterSeconds: number | undefined;
  /** The heading of an error page: the services' table. */
  readonly title: string;
  /** What went wrong, in a sentence (nothing internal when the service itself failed). */
  readonly message: string;
  /** Problems with the fields of a form, by value path (`version.name` → `name`, `date`). */
  readonly fields: ReadonlyArray<PathIssue>;
  /** The problem with the reason given for a change, if any. */
  readonly reason: string | undefined;
  /** Problems about no one field (the rules a change breaks, the error itself). */
  readonly summary: ReadonlyArray<FieldError>;
  /** For a stale revision: that someone else saved first (a form says so on its own). */
  readonly conflict: string | undefined;
}

const unavailable =
  "The register could not be reached, so nothing was changed. Try again in a few minutes.";

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * What the admin says about `error`: the status and title of the services' table, and the
 * messages a form or an error page shows.
 *
 * @example
 * ```ts
 * import { Conflict } from "@care-atlas/services";
 * serviceErrorReport(new Conflict({ id: "org_0000000001", expected: 3, actual: 4, message: "stale" }));
 * // { status: 412, title: "The resource has changed", conflict: "Someone else saved a change…", … }
 * ```
 */
export const serviceErrorReport = (error: ServiceError): ServiceErrorReport => {
  const { status, title, code, retryAfterSeconds } = errorInfo(error);
  const message = status >= 500 ? unavailable : sentence(error.message);
  const report = {
    status,
    title,
    message,
    retryAfterSeconds,
    fields: [],
    reason: undefined,
    conflict: undefined,
  };
  switch (error._tag) {
    case "ValidationFailed": {
      const fields: PathIssue[] = [];
      const summary: FieldError[] = [];
      let reason: string | undefined;
      for (const issue of error.issues) {
        const text = friendlyMessage(issue.message);
        if (issue.path === "meta.reason") reason = text;
        else if (issue.path === "version") summary.push({ message: text });
        else if (issue.path.startsWith("version."))
          fields.push({ path: issue.path.slice("version.".length), message: text });
        else fields.push({ path: issue.path, message: text });
      }
      for (const finding of error.findings)
        summary.push({ message: `${finding.message} (rule: ${finding.rule})` });
      return {
        ...report,
        fields,
        reason,
        summary:
          summary.length === 0 && fields.length === 0 && reason === undefined
            ? [{ message }]
            : summary,
      };
    }
    case "Conflict":
      return code === "precondition-failed"
        ? {
            ...report,
            summary: [],
            conflict: `Someone else saved a change to this record after you opened it (it is now at revision ${error.actual ?? "none"}; you started from revision ${error.expected ?? "none"}).`,
          }
        : { ...report, summary: [{ message }] };
    case "NotFound":
    case "OutsideCoverage":
    case "Forbidden":
    case "StoreUnavailable":
      return { ...report, summary: [{ message }] };
  }
};

/**
 * The error page of a service error (the app's error handler answers every service error a
 * page raises with it).
 *
 * @example
 * ```ts
 * app.onError((error, c) => (isServiceError(error) ? serviceErrorPage(c, error) : …));
 * ```
 */
export const serviceErrorPage = (c: Context<AdminEnv>, error: ServiceError): Response => {
  const report = serviceErrorReport(error);
  if (report.retryAfterSeconds !== undefined) {
    c.header("Retry-After", String(report.retryAfterSeconds));
  }
  return page(
    c,
    <ErrorPage ctx={c.get("view")} title={report.title}>
      <p>{report.message}</p>
    </ErrorPage>,
    report.status,
  );
};

/**
 * The rules a refused change breaks (a `ValidationFailed` about the change: an import the
 * register refuses whole), each naming its records; none for any other error.
 *
 * @example
 * ```ts
 * const findings = refusedFindings(error);
 * if (findings.length > 0) return page(c, <ImportRefusedPage findings={findings} … />, 422);
 * ```
 */
export const refusedFindings = (error: ServiceError): ReadonlyArray<Finding> =>
  error._tag === "ValidationFailed" && error.about === "change"
    ? error.findings.filter((finding) => finding.severity === "error")
    : [];

/** A verb's value, or the service error it failed with. */
export type Outcome<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly error: ServiceError };

/**
 * The outcome of a running verb (`runVerb`'s promise), for a form that answers a service
 * error itself; anything else (a defect) is rethrown for the app's error page.
 *
 * @example
 * ```ts
 * const saved = await outcomeOf(runVerb(runtime, (register) => register.saveChange(request, meta)));
 * if (!saved.ok) return renderForm({ ...serviceErrorReport(saved.error) });
 * ```
 */
export const outcomeOf = async <A,>(running: Promise<A>): Promise<Outcome<A>> => {
  try {
    return { ok: true, value: await running };
  } catch (error) {
    if (isServiceError(error)) return { ok: false, error };
    throw error;
  }
};
