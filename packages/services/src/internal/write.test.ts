import type { Finding } from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import { newFindings } from "./write.js";

const finding = (
  rule: string,
  subjects: string[],
  severity: Finding["severity"] = "error",
): Finding => ({
  rule,
  severity,
  subjects,
  message: `${rule} on ${subjects.join(", ")}`,
});

describe("newFindings", () => {
  it("keeps only the findings the change introduced, by rule and subjects in any order", () => {
    const before = [finding("lsoa-overlap", ["nbh_a", "nbh_b"])];
    const after = [
      finding("lsoa-overlap", ["nbh_b", "nbh_a"]),
      finding("dangling-reference", ["nbh_c"]),
    ];
    expect(newFindings(before, after)).toEqual([finding("dangling-reference", ["nbh_c"])]);
  });

  it("counts repeats: a second copy of an existing finding is new", () => {
    const one = finding("code-format", ["org_a"]);
    expect(newFindings([one], [one, one])).toEqual([one]);
  });

  it("tells errors from warnings of the same rule and subjects", () => {
    expect(
      newFindings([finding("x", ["a"], "warning")], [finding("x", ["a"], "error")]),
    ).toHaveLength(1);
  });
});
