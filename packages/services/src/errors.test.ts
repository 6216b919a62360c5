import { describe, expect, it } from "vitest";
import {
  Conflict,
  errorInfo,
  invalidInput,
  isServiceError,
  NotFound,
  refusedChange,
  type ServiceError,
  serviceErrorExamples,
  serviceProblems,
} from "./errors.js";

describe("isServiceError", () => {
  it("recognises every service error by its type id, not by its tag", () => {
    for (const error of serviceErrorExamples) expect(isServiceError(error)).toBe(true);
    expect(isServiceError({ _tag: "NotFound", message: "look-alike" })).toBe(false);
    expect(isServiceError(new Error("plain"))).toBe(false);
    expect(isServiceError(null)).toBe(false);
    expect(isServiceError("NotFound")).toBe(false);
  });
});

describe("errorInfo", () => {
  it("maps each error to one status, code and title", () => {
    const rows = serviceErrorExamples.map((error) => {
      const info = errorInfo(error);
      return [error._tag, info.status, info.code];
    });
    expect(rows).toEqual([
      ["NotFound", 404, "not-found"],
      ["OutsideCoverage", 404, "outside-coverage"],
      ["Conflict", 409, "conflict"],
      ["Conflict", 412, "precondition-failed"],
      ["ValidationFailed", 400, "invalid-request"],
      ["ValidationFailed", 422, "validation-failed"],
      ["Forbidden", 403, "forbidden"],
      ["StoreUnavailable", 503, "service-unavailable"],
    ]);
  });

  it("says when to try again after a 503, and only then", () => {
    for (const error of serviceErrorExamples) {
      const info = errorInfo(error);
      if (info.status === 503) expect(info.retryAfterSeconds).toBeGreaterThan(0);
      else expect(info.retryAfterSeconds).toBeUndefined();
    }
  });

  it("gives every problem code its own title, and the examples cover every code", () => {
    const codes = serviceErrorExamples.map((error) => errorInfo(error).code);
    expect(new Set(codes)).toEqual(new Set(Object.keys(serviceProblems)));
    for (const error of serviceErrorExamples) {
      const info = errorInfo(error);
      expect(info.title).toBe(serviceProblems[info.code].title);
    }
  });

  it("tells an existing entity from a stale revision, and malformed input from a refused change", () => {
    const exists = new Conflict({ id: "x", expected: null, actual: 1, message: "exists" });
    const gone = new Conflict({ id: "x", expected: 3, actual: null, message: "gone" });
    expect([errorInfo(exists).status, errorInfo(gone).status]).toEqual([409, 412]);
    const input: ServiceError = invalidInput([{ path: "cursor", message: "not a cursor" }]);
    const change: ServiceError = refusedChange([{ path: "date", message: "too early" }]);
    expect([errorInfo(input).status, errorInfo(change).status]).toEqual([400, 422]);
    expect(errorInfo(new NotFound({ what: "code", key: "Q", message: "none" })).title).toBe(
      "Not found",
    );
  });
});
