import { describe, expect, it } from "vitest";
import { Relationship, RelationshipKind } from "./Relationship.js";

const relationship = {
  id: "rel_00000001",
  kind: "member-of",
  subjectId: "org_00000001",
  objectId: "org_00000002",
  valid: { from: "2019-07-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = Relationship.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("Relationship", () => {
  it("accepts every kind between any two entities, with an optional role", () => {
    for (const kind of RelationshipKind.options) {
      expect(Relationship.parse({ ...relationship, kind }).kind).toBe(kind);
    }
    const board = {
      ...relationship,
      kind: "accountable-to",
      subjectId: "gov_00000001",
      objectId: "gov_00000002",
      role: "voting member",
    };
    expect(Relationship.parse(board)).toEqual(board);
  });

  it("has the seven relationship kinds", () => {
    expect(RelationshipKind.options).toEqual([
      "member-of",
      "lead-of",
      "chair-of",
      "accountable-to",
      "reports-to",
      "hosted-by",
      "part-of",
    ]);
  });

  it.each([
    ["a succession id", { id: "suc_00000001" }, "id", /relationship id \(rel_…\)/],
    ["an unknown kind", { kind: "owns" }, "kind", /member-of/],
    ["a subject that is not an id", { subjectId: "Z99999" }, "subjectId", /entity id/],
    ["an object with an unknown prefix", { objectId: "abc_00000001" }, "objectId", /entity id/],
    ["a self-relationship", { objectId: "org_00000001" }, "objectId", /cannot relate to itself/],
    ["an empty role", { role: " " }, "role", />=1/],
    [
      "a valid period ending before it starts",
      { valid: { from: "2019-07-01", to: "2019-06-30" } },
      "valid.to",
      /after from/,
    ],
    ["no sources", { provenance: { sources: [] } }, "provenance.sources", /at least one source/],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...relationship, ...patch })).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });
});
