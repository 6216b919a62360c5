import { describe, expect, it } from "vitest";
import { PopulationFigure } from "./Population.js";

const figure = { value: 41_000, basis: "resident", date: "2021-03-21", source: "synthetic" };

describe("PopulationFigure", () => {
  it("accepts a resident or registered figure, with an optional derivation", () => {
    expect(PopulationFigure.parse(figure)).toEqual(figure);
    const registered = {
      ...figure,
      basis: "registered",
      derivation: "sum of synthetic practice lists",
    };
    expect(PopulationFigure.parse(registered)).toEqual(registered);
    expect(PopulationFigure.parse({ ...figure, value: 0 }).value).toBe(0);
  });

  it.each([
    ["a negative value", { value: -1 }, "value"],
    ["a fractional value", { value: 41_000.5 }, "value"],
    ["an unknown basis", { basis: "workday" }, "basis"],
    ["a bad date", { date: "2021-02-29" }, "date"],
    ["a bad source key", { source: "Synthetic Source" }, "source"],
    ["an empty derivation", { derivation: "" }, "derivation"],
  ])("rejects %s, naming the field", (_, patch, path) => {
    const result = PopulationFigure.safeParse({ ...figure, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([path]);
  });
});
