import { describe, expect, it } from "vitest";
import { StrategyElement, StrategyElementKind } from "./StrategyElement.js";

const outcome = {
  id: "str_00000001",
  kind: "outcome",
  framework: "Synthetic strategy",
  text: "A synthetic outcome",
  order: 1,
  valid: { from: "2022-07-01", to: null },
  provenance: { sources: ["synthetic"] },
};
const commitment = {
  ...outcome,
  id: "str_00000002",
  kind: "commitment",
  text: "A synthetic commitment",
  parentId: "str_00000001",
};

const issuesOf = (value: unknown) => {
  const result = StrategyElement.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("StrategyElement", () => {
  it("accepts an outcome and a commitment under it", () => {
    expect(StrategyElement.parse(outcome)).toEqual(outcome);
    expect(StrategyElement.parse(commitment)).toEqual(commitment);
    expect(StrategyElement.parse({ ...outcome, title: "Synthetic title", order: 0 }).title).toBe(
      "Synthetic title",
    );
  });

  it("accepts every kind but commitment without a parent", () => {
    expect(StrategyElementKind.options).toEqual([
      "aim",
      "theme",
      "vision",
      "outcome",
      "commitment",
    ]);
    for (const kind of ["aim", "theme", "vision", "outcome"]) {
      expect(StrategyElement.safeParse({ ...outcome, kind }).success).toBe(true);
    }
  });

  const message = "a commitment needs a parent outcome, and only a commitment has one";
  it.each([
    ["a commitment without a parent", { ...commitment, parentId: undefined }, "parentId", message],
    ["an outcome with a parent", { ...outcome, parentId: "str_00000003" }, "parentId", message],
    [
      "a theme with a parent",
      { ...outcome, kind: "theme", parentId: "str_00000003" },
      "parentId",
      message,
    ],
    [
      "a parent of the wrong kind",
      { ...commitment, parentId: "col_00000001" },
      "parentId",
      "must be a strategyElement id (str_…)",
    ],
    ["an unknown kind", { ...outcome, kind: "goal" }, "kind", expect.stringMatching(/outcome/)],
    [
      "an empty framework",
      { ...outcome, framework: " " },
      "framework",
      expect.stringMatching(/>=1/),
    ],
    ["an empty text", { ...outcome, text: "" }, "text", expect.stringMatching(/>=1/)],
    ["an empty title", { ...outcome, title: "" }, "title", expect.stringMatching(/>=1/)],
    ["a negative order", { ...outcome, order: -1 }, "order", expect.stringMatching(/>=0/)],
    ["a fractional order", { ...outcome, order: 1.5 }, "order", expect.stringMatching(/int/)],
    [
      "an organisation id",
      { ...outcome, id: "org_00000001" },
      "id",
      "must be a strategyElement id (str_…)",
    ],
  ])("rejects %s, naming the field", (_, value, path, expected) => {
    expect(issuesOf(value)).toContainEqual({ path, message: expected });
  });
});
