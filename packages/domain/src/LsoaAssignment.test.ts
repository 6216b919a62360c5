import { describe, expect, it } from "vitest";
import { assignmentKey, LsoaAssignment, vintageOn, vintagePeriod } from "./LsoaAssignment.js";

const assignment = {
  lsoaCode: "E01999001",
  lsoaName: "Synthetic 001A",
  kind: "commissioner",
  valid: { from: "2022-07-01", to: null },
  vintage: { year: 2022, from: "2022-07-01" },
  areaKind: "sub-icb-location",
  area: { code: "99Z", gssCode: "E38999001", name: "Synthetic ICB - 99Z" },
  icb: { code: "QZZ", gssCode: "E54999001", name: "Synthetic ICB" },
  districtCode: "E08999001",
  source: "synthetic",
} as const;

describe("LsoaAssignment", () => {
  it("accepts a commissioner assignment with its ICB", () => {
    expect(LsoaAssignment.parse(assignment)).toEqual(assignment);
    expect(assignmentKey(assignment)).toBe("E01999001|commissioner|2022-07-01");
  });

  it("refuses a ward assignment that names a commissioner", () => {
    const result = LsoaAssignment.safeParse({ ...assignment, kind: "ward" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["areaKind"]);
  });

  it("refuses an assignment that starts before its vintage", () => {
    const result = LsoaAssignment.safeParse({
      ...assignment,
      valid: { from: "2020-01-01", to: null },
    });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["valid.from"]);
  });
});

describe("vintages", () => {
  const vintages = [
    { year: 2016, from: "2016-04-01" },
    { year: 2022, from: "2022-07-01" },
    { year: 2020, from: "2020-04-01" },
  ];
  it("finds the vintage in force on a date, whatever their order", () => {
    expect(vintageOn(vintages, "2016-03-31")).toBeUndefined();
    expect(vintageOn(vintages, "2016-04-01")?.year).toBe(2016);
    expect(vintageOn(vintages, "2022-06-30")?.year).toBe(2020);
    expect(vintageOn(vintages, "2030-01-01")?.year).toBe(2022);
  });

  it("gives each vintage the period up to the next", () => {
    expect(vintagePeriod(vintages, { year: 2016, from: "2016-04-01" })).toEqual({
      from: "2016-04-01",
      to: "2020-04-01",
    });
    expect(vintagePeriod(vintages, { year: 2022, from: "2022-07-01" })).toEqual({
      from: "2022-07-01",
      to: null,
    });
  });
});
