import { describe, expect, it } from "vitest";
import { problemOfTagged } from "./problem.js";

describe("problemOfTagged", () => {
  it("maps each tagged service error to its problem", () => {
    expect(problemOfTagged({ _tag: "NotFound", message: "no place" })).toEqual({
      code: "not-found",
      extras: { detail: "no place" },
    });
    expect(problemOfTagged({ _tag: "Conflict", message: "stale" })?.code).toBe(
      "precondition-failed",
    );
    expect(problemOfTagged({ _tag: "Conflict", message: "exists" }, "conflict")?.code).toBe(
      "conflict",
    );
    expect(problemOfTagged({ _tag: "Forbidden", message: "no" })?.code).toBe("forbidden");
    expect(problemOfTagged({ _tag: "StoreUnavailable", message: "down" })?.code).toBe(
      "service-unavailable",
    );
    const invalid = problemOfTagged({
      _tag: "ValidationFailed",
      message: "bad",
      issues: [{ path: "valid.to", message: "to must be after from" }],
      findings: [
        { rule: "population-band", severity: "error", subjects: ["nbh_00000001"], message: "x" },
      ],
    });
    expect(invalid?.code).toBe("validation-failed");
    expect(invalid?.extras.errors).toEqual([
      { path: "valid.to", message: "to must be after from" },
    ]);
    expect(invalid?.extras.findings).toHaveLength(1);
  });

  it("leaves anything else alone (an internal error)", () => {
    expect(problemOfTagged(new Error("boom"))).toBeUndefined();
    expect(problemOfTagged({ _tag: "Surprise" })).toBeUndefined();
    expect(problemOfTagged("text")).toBeUndefined();
  });
});
