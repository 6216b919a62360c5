import { describe, expect, it } from "vitest";
import { checkedDate, earliest, inclusivePeriod, nextDay, previousDay } from "./dates.js";

describe("nextDay", () => {
  it.each([
    ["2017-03-31", "2017-04-01"],
    ["2020-02-28", "2020-02-29"],
    ["2021-02-28", "2021-03-01"],
    ["2022-12-31", "2023-01-01"],
  ])("%s → %s", (date, next) => {
    expect(nextDay(date)).toBe(next);
  });

  it("rejects a date that does not exist", () => {
    expect(() => nextDay("2021-02-30")).toThrow(/not a date/);
  });
});

describe("previousDay", () => {
  it.each([
    ["2017-10-01", "2017-09-30"],
    ["2020-03-01", "2020-02-29"],
    ["2021-03-01", "2021-02-28"],
    ["2023-01-01", "2022-12-31"],
  ])("%s → %s", (date, previous) => {
    expect(previousDay(date)).toBe(previous);
    expect(nextDay(previousDay(date))).toBe(date);
  });

  it("rejects a date that does not exist", () => {
    expect(() => previousDay("2021-02-30")).toThrow(/previousDay: "2021-02-30" is not a date/);
  });
});

describe("checkedDate", () => {
  it("accepts a real date and rejects other shapes", () => {
    expect(checkedDate("2019-10-01", "open")).toBe("2019-10-01");
    expect(() => checkedDate("01/10/2019", "open")).toThrow(/open: "01\/10\/2019" is not a date/);
    expect(() => checkedDate("", "open")).toThrow(/not a date/);
  });
});

describe("inclusivePeriod", () => {
  it("turns an inclusive close date into a half-open end", () => {
    expect(inclusivePeriod("2013-04-01", "2017-03-31")).toEqual({
      from: "2013-04-01",
      to: "2017-04-01",
    });
  });

  it("is open-ended without a close date", () => {
    expect(inclusivePeriod("2017-04-01", "")).toEqual({ from: "2017-04-01", to: null });
  });
});

describe("earliest", () => {
  it("finds the first date, or none", () => {
    expect(earliest(["2019-10-01", "1974-04-01", "2013-04-01"])).toBe("1974-04-01");
    expect(earliest([])).toBeUndefined();
  });
});
