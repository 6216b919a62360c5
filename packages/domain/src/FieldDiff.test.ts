import { describe, expect, it } from "vitest";
import { diffFields, diffHistories, flattenFields } from "./FieldDiff.js";
import type { Entity } from "./Snapshot.js";

const org = (name: string, from: string, to: string | null, extra: Record<string, unknown> = {}) =>
  ({
    id: "org_0000000001",
    kind: "gp-practice",
    name,
    codes: [{ system: "ods", value: "Z99999" }],
    roles: [],
    valid: { from, to },
    provenance: { sources: ["synthetic"] },
    ...extra,
  }) as unknown as Entity; // `extra` may add any field: the diff compares whatever is there

describe("flattenFields", () => {
  it("flattens nested values to dotted paths", () => {
    expect(flattenFields({ a: 1, b: { c: null, d: ["x", "y"] }, e: [{ f: "g" }], h: [] })).toEqual({
      a: "1",
      "b.c": "none",
      "b.d": "x, y",
      "e.0.f": "g",
      h: "(empty)",
    });
  });
});

describe("diffFields", () => {
  it("lists only the fields that differ, with both values", () => {
    expect(diffFields({ name: "A", postcode: "M1 1AA" }, { name: "B" })).toEqual([
      { path: "name", before: "A", after: "B" },
      { path: "postcode", before: "M1 1AA", after: undefined },
    ]);
  });
});

describe("diffHistories", () => {
  it("shows a sequenced update as a trimmed version and a new one with its changed fields", () => {
    const before = [org("Synthetic Surgery", "2020-01-01", null)];
    const after = [
      org("Synthetic Surgery", "2020-01-01", "2024-04-01"),
      org("Synthetic Medical Centre", "2024-04-01", null),
    ];
    const diffs = diffHistories(before, after);
    expect(diffs).toEqual([
      {
        kind: "changed",
        valid: { from: "2020-01-01", to: "2024-04-01" },
        fields: [{ path: "valid.to", before: "none", after: "2024-04-01" }],
      },
      {
        kind: "added",
        valid: { from: "2024-04-01", to: null },
        fields: [
          { path: "name", before: "Synthetic Surgery", after: "Synthetic Medical Centre" },
          { path: "valid.from", before: "2020-01-01", after: "2024-04-01" },
        ],
      },
    ]);
  });

  it("shows a correction of one version in place", () => {
    const diffs = diffHistories(
      [org("Synthetic Surgry", "2020-01-01", null)],
      [org("Synthetic Surgery", "2020-01-01", null)],
    );
    expect(diffs).toEqual([
      {
        kind: "changed",
        valid: { from: "2020-01-01", to: null },
        fields: [{ path: "name", before: "Synthetic Surgry", after: "Synthetic Surgery" }],
      },
    ]);
  });

  it("shows a created entity as added and a removed version as removed", () => {
    expect(diffHistories([], [org("Synthetic", "2020-01-01", null)])[0]?.kind).toBe("added");
    const removed = diffHistories(
      [org("Old", "2010-01-01", "2011-01-01"), org("New", "2015-01-01", null)],
      [org("New", "2015-01-01", null)],
    );
    expect(removed.map((d) => d.kind)).toEqual(["removed"]);
  });
});
