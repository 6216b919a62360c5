import { describe, expect, it } from "vitest";
import { canonicalJson, parseEntity, toInt, toIntOrNull, toKind } from "./codec.js";

describe("toInt", () => {
  it("reads int8 as either driver returns it", () => {
    expect(toInt(42)).toBe(42);
    expect(toInt("42")).toBe(42);
    expect(toInt(42n)).toBe(42);
    expect(toInt("-7")).toBe(-7);
    expect(toInt(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses what is not a safe integer rather than lose precision", () => {
    expect(() => toInt("9007199254740993")).toThrow(TypeError);
    expect(() => toInt(2n ** 60n)).toThrow(TypeError);
    expect(() => toInt(1.5)).toThrow(TypeError);
    expect(() => toInt("1e3")).toThrow(TypeError);
    expect(() => toInt(null)).toThrow(TypeError);
  });

  it("maps SQL null to null only in toIntOrNull", () => {
    expect(toIntOrNull(null)).toBeNull();
    expect(toIntOrNull("3")).toBe(3);
  });
});

describe("canonicalJson", () => {
  it("ignores key order at every depth but not array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, 2] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
  });
});

describe("reading entities back", () => {
  const practice = {
    id: "org_synthetic1",
    kind: "gp-practice",
    name: "Synthetic Practice",
    valid: { from: "2020-01-01", to: null },
    provenance: { sources: ["synthetic"] },
  };

  it("validates with the kind's schema, from a parsed value or JSON text", () => {
    const parsed = parseEntity("organisation", JSON.stringify(practice));
    expect(parsed).toEqual({ ...practice, codes: [], roles: [] });
    expect(parseEntity("organisation", practice)).toEqual(parsed);
    expect(() =>
      parseEntity("organisation", { ...practice, valid: { from: "2020-13-01", to: null } }),
    ).toThrow();
    expect(() => parseEntity("place", practice)).toThrow();
  });

  it("accepts only the known kinds", () => {
    expect(toKind("place")).toBe("place");
    expect(() => toKind("planet")).toThrow(TypeError);
  });
});
