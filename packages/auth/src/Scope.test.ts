import { describe, expect, it } from "vitest";
import { grants, parseScopes } from "./Scope.js";

describe("scopes", () => {
  it("a higher scope grants the lower ones, not the reverse", () => {
    expect(grants(["admin"], "write")).toBe(true);
    expect(grants(["write"], "read")).toBe(true);
    expect(grants(["read"], "write")).toBe(false);
    expect(grants([], "read")).toBe(false);
  });
  it("audit grants read, admin grants audit, write does not", () => {
    expect(grants(["audit"], "read")).toBe(true);
    expect(grants(["audit"], "write")).toBe(false);
    expect(grants(["admin"], "audit")).toBe(true);
    expect(grants(["write"], "audit")).toBe(false);
    expect(grants(["read"], "audit")).toBe(false);
    expect(parseScopes("audit,read")).toEqual(["read", "audit"]);
  });
  it("parses comma lists and rejects unknown scopes", () => {
    expect(parseScopes("write, read,read")).toEqual(["read", "write"]);
    expect(() => parseScopes("read,root")).toThrow();
    expect(() => parseScopes(" , ")).toThrow();
  });
});
