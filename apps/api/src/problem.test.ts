import {
  errorInfo,
  invalidInput,
  refusedChange,
  serviceErrorExamples,
  ValidationFailed,
} from "@care-atlas/services";
import { describe, expect, it } from "vitest";
import { problemOfServiceError, problemTypes } from "./problem.js";

describe("problemOfServiceError", () => {
  it("answers every service error with the status and code of the services' table", () => {
    for (const error of serviceErrorExamples) {
      const { code } = problemOfServiceError(error);
      expect(code).toBe(errorInfo(error).code);
      expect(problemTypes[code].status).toBe(errorInfo(error).status);
      expect(problemTypes[code].title).toBe(errorInfo(error).title);
    }
  });

  it("carries the message, the field errors and the findings", () => {
    const refused = new ValidationFailed({
      about: "change",
      message: "bad",
      issues: [{ path: "valid.to", message: "to must be after from" }],
      findings: [
        { rule: "population-band", severity: "error", subjects: ["nbh_00000001"], message: "x" },
      ],
    });
    const mapped = problemOfServiceError(refused);
    expect(mapped.code).toBe("validation-failed");
    expect(mapped.extras).toEqual({
      detail: "bad",
      errors: [{ path: "valid.to", message: "to must be after from" }],
      findings: refused.findings,
    });
    // Malformed input: a 400 with the field errors and no findings.
    const input = problemOfServiceError(invalidInput([{ path: "cursor", message: "not ours" }]));
    expect(input.code).toBe("invalid-request");
    expect(input.extras.findings).toBeUndefined();
    expect(input.extras.errors).toEqual([{ path: "cursor", message: "not ours" }]);
    // A refused change without findings still says which rule-free check refused it.
    expect(
      problemOfServiceError(refusedChange([{ path: "date", message: "too early" }])).extras,
    ).toMatchObject({ errors: [{ path: "date", message: "too early" }], findings: [] });
  });
});
