import { describe, expect, it } from "vitest";
import { Finding, Severity } from "./Finding.js";

const finding = {
  rule: "population-band",
  severity: "warning",
  subjects: ["nbh_00000001"],
  message: "Synthetic North has 12,000 people, outside 30,000–50,000",
};

describe("Finding", () => {
  it("accepts errors and warnings", () => {
    expect(Finding.parse(finding)).toEqual(finding);
    expect(Finding.parse({ ...finding, severity: "error", subjects: [] }).severity).toBe("error");
    expect(Severity.options).toEqual(["error", "warning"]);
  });

  it.each([
    ["an unknown severity", { severity: "info" }, "severity"],
    ["an empty rule", { rule: "" }, "rule"],
    ["an empty message", { message: "" }, "message"],
    ["subjects that are not strings", { subjects: [1] }, "subjects.0"],
  ])("rejects %s, naming the field", (_, patch, path) => {
    const result = Finding.safeParse({ ...finding, ...patch });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([path]);
  });
});
