import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FinancialYear, formatPence, Pence } from "./Money.js";

const messages = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("Pence", () => {
  it.each([0, 1, 120_000_000_000, Number.MAX_SAFE_INTEGER])("accepts %d", (value) => {
    expect(Pence.parse(value)).toBe(value);
  });

  it.each([
    [1.5, /whole number of pence/],
    [0.1, /whole number of pence/],
    [-1, />=0/],
    [Number.MAX_SAFE_INTEGER + 1, /<=|whole number|safe/],
    [Number.NaN, /number|NaN/i],
    [Number.POSITIVE_INFINITY, /number|whole|Infinity/i],
    ["100", /number/],
  ])("rejects %s", (value, message) => {
    const result = Pence.safeParse(value);
    expect(result.success).toBe(false);
    expect(messages(result).join("; ")).toMatch(message);
  });
});

describe("FinancialYear", () => {
  it.each(["2016/17", "2023/24", "1999/00", "2099/00"])("accepts %s", (year) => {
    expect(FinancialYear.parse(year)).toBe(year);
  });

  it.each([
    ["2016/18", "the second year must follow the first, as in 2016/17"],
    ["2016/16", "the second year must follow the first, as in 2016/17"],
    ["1999/01", "the second year must follow the first, as in 2016/17"],
    ["2016-17", "must be a financial year such as 2016/17"],
    ["16/17", "must be a financial year such as 2016/17"],
    ["2016/7", "must be a financial year such as 2016/17"],
    ["2016/2017", "must be a financial year such as 2016/17"],
    ["", "must be a financial year such as 2016/17"],
  ])("rejects %j", (year, message) => {
    expect(messages(FinancialYear.safeParse(year))).toContain(message);
  });

  it("accepts every year followed by the next", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9998 }), (start) => {
        const year = `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
        expect(FinancialYear.safeParse(year).success).toBe(true);
      }),
    );
  });
});

describe("formatPence", () => {
  it.each([
    [0, "£0.00"],
    [5, "£0.05"],
    [123_456, "£1,234.56"],
    [120_000_000_000, "£1,200,000,000.00"],
  ])("formats %d as %s", (pence, text) => {
    expect(formatPence(pence)).toBe(text);
  });
});
