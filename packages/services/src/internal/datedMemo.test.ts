import { describe, expect, it } from "vitest";
import { datedMemo } from "./datedMemo.js";

describe("datedMemo", () => {
  it("makes each owner's memo of a date once, and keeps the last few dates", () => {
    const made: string[] = [];
    const memo = datedMemo(2, (owner: { name: string }, date: string) => {
      made.push(`${owner.name} ${date}`);
      return { date };
    });
    const a = { name: "a" };
    const b = { name: "b" };
    expect(memo(a, "2024-01-01")).toBe(memo(a, "2024-01-01"));
    expect(memo(b, "2024-01-01")).not.toBe(memo(a, "2024-01-01"));
    memo(a, "2024-01-02");
    // A third date for `a`: its older dates are made again when asked.
    memo(a, "2024-01-03");
    memo(a, "2024-01-01");
    expect(made).toEqual([
      "a 2024-01-01",
      "b 2024-01-01",
      "a 2024-01-02",
      "a 2024-01-03",
      "a 2024-01-01",
    ]);
  });
});
