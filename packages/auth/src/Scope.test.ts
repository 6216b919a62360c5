import { describe, expect, it } from "vitest";
import { grants, parseScopes } from "./Scope.js";

describe("scopes", () => {
  it("a higher scope grants the lower ones, not the reverse", () => {
    expect(grants(["admin"], "write")).toBe(true);
    expect(grants(["write"], "read")).toBe(true);
    expect(grants(["read"], "write")).toBe(false);
    expect(grants([], "read")).toBe(false);
  });
  it("parses comma lists and rejects unknown scopes", () => {
    expect(parseScopes("write, read,read")).toEqual(["read", "write"]);
    expect(() => parseScopes("read,root")).toThrow();
    expect(() => parseScopes(" , ")).toThrow();
  });
});
