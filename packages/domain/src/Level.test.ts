import { describe, expect, it } from "vitest";
import { Level } from "./Level.js";

describe("Level", () => {
  it("is system, place or neighbourhood", () => {
    expect(Level.options).toEqual(["system", "place", "neighbourhood"]);
    for (const level of Level.options) expect(Level.parse(level)).toBe(level);
  });

  it.each(["region", "System", ""])("rejects %j", (level) => {
    expect(Level.safeParse(level).success).toBe(false);
  });
});
