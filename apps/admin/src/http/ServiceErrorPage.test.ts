import type { Finding } from "@care-atlas/domain";
import {
  Conflict,
  errorInfo,
  invalidInput,
  isServiceError,
  NotFound,
  StoreUnavailable,
  serviceErrorExamples,
  ValidationFailed,
} from "@care-atlas/services";
import { describe, expect, it } from "vitest";
import { outcomeOf, serviceErrorReport } from "./ServiceErrorPage.js";

describe("serviceErrorReport", () => {
  it("takes the status and title of every service error from the services' table", () => {
    for (const error of serviceErrorExamples) {
      const { status, title } = errorInfo(error);
      expect(serviceErrorReport(error), error.message).toMatchObject({ status, title });
    }
  });

  it("places field issues on the form's fields, the reason's on the reason, rules in the summary", () => {
    const finding: Finding = {
      rule: "dangling-reference",
      severity: "error",
      subjects: ["tea_synthetic01"],
      message: "team tea_synthetic01 names a neighbourhood that does not exist",
    };
    const report = serviceErrorReport(
      new ValidationFailed({
        about: "change",
        issues: [
          { path: "version.name", message: "Too small: expected string to have >=1 characters" },
          { path: "meta.reason", message: "required" },
          { path: "date", message: "is before the record starts" },
        ],
        findings: [finding],
        message: "refused",
      }),
    );
    expect(report.status).toBe(422);
    expect(report.fields).toEqual([
      { path: "name", message: "must not be empty" },
      { path: "date", message: "is before the record starts" },
    ]);
    expect(report.reason).toBe("required");
    expect(report.summary).toEqual([{ message: `${finding.message} (rule: dangling-reference)` }]);
    expect(report.conflict).toBeUndefined();
  });

  it("says a stale revision was saved over by someone else, with both revisions", () => {
    const report = serviceErrorReport(
      new Conflict({ id: "org_synthetic01", expected: 3, actual: 4, message: "stale" }),
    );
    expect(report.status).toBe(412);
    expect(report.conflict).toContain("now at revision 4; you started from revision 3");
    expect(report.summary).toEqual([]);
  });

  it("names what was not found, and nothing internal when the store failed", () => {
    const missing = serviceErrorReport(
      new NotFound({
        what: "team",
        key: "tea_synthetic01",
        message: "team tea_synthetic01 does not exist",
      }),
    );
    expect(missing.summary).toEqual([{ message: "team tea_synthetic01 does not exist." }]);
    const down = serviceErrorReport(
      new StoreUnavailable({
        operation: "apply",
        cause: new Error("ECONNREFUSED"),
        message: "apply failed: ECONNREFUSED",
      }),
    );
    expect(down.status).toBe(503);
    expect(down.message).not.toContain("ECONNREFUSED");
  });

  it("puts a malformed input with no field on the form in the summary", () => {
    const report = serviceErrorReport(
      invalidInput([{ path: "version", message: "not an object" }]),
    );
    expect(report.status).toBe(400);
    expect(report.summary).toEqual([{ message: "not an object" }]);
  });
});

describe("outcomeOf", () => {
  it("gives the value, or the service error, and rethrows anything else", async () => {
    expect(await outcomeOf(Promise.resolve(7))).toEqual({ ok: true, value: 7 });
    const error = serviceErrorExamples[0];
    const failed = await outcomeOf(Promise.reject(error));
    expect(failed.ok === false && isServiceError(failed.error)).toBe(true);
    const defect = new TypeError("a bug");
    await expect(outcomeOf(Promise.reject(defect))).rejects.toBe(defect);
  });
});
