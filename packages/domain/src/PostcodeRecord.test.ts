import { describe, expect, it } from "vitest";
import { monthStart, PostcodeRecord, postcodeStatusOn, YearMonth } from "./PostcodeRecord.js";

const record = {
  postcode: "ZZ9 9ZZ",
  lsoaCode: "E01999001",
  introduced: "1980-01",
  terminated: "2024-01",
  point: { lat: 53.4, lon: -2.3 },
  wardCode: "E05999001",
  districtCode: "E08999001",
  source: "synthetic",
};

describe("PostcodeRecord", () => {
  it("accepts a directory's postcode with its months, point and areas", () => {
    expect(PostcodeRecord.parse(record)).toEqual(record);
  });

  it("refuses a termination before the introduction, naming the field", () => {
    const result = PostcodeRecord.safeParse({ ...record, introduced: "2025-01" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["terminated"]);
  });

  it("takes months as YYYY-MM only", () => {
    expect(YearMonth.safeParse("198001").success).toBe(false);
    expect(YearMonth.safeParse("1980-00").success).toBe(false);
    expect(monthStart("1980-01")).toBe("1980-01-01");
  });
});

describe("postcodeStatusOn", () => {
  it("is live from the first of the introduction month to the first of the termination month", () => {
    expect(postcodeStatusOn(record, "1979-12-31")).toBe("not-introduced");
    expect(postcodeStatusOn(record, "1980-01-01")).toBe("live");
    expect(postcodeStatusOn(record, "2023-12-31")).toBe("live");
    expect(postcodeStatusOn(record, "2024-01-01")).toBe("terminated");
  });

  it("treats an unrecorded introduction as no lower bound", () => {
    expect(postcodeStatusOn({ introduced: null, terminated: null }, "1900-01-01")).toBe("live");
  });
});
