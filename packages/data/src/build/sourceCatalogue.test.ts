import { describe, expect, it } from "vitest";
import { openDataSources, seedSources, sourceKeys } from "./sourceCatalogue.js";

describe("the source catalogue", () => {
  it("gives every source its own key", () => {
    const keys = Object.values(sourceKeys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("describes every keyed file exactly once", () => {
    const described = [...openDataSources, ...seedSources].map((spec) => spec.file);
    expect(described.sort()).toEqual(Object.keys(sourceKeys).sort());
  });
});
