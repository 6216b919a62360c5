import { describe, expect, it } from "vitest";
import { Succession, SuccessionKind } from "./Succession.js";

const base = {
  id: "suc_00000001",
  valid: { from: "2017-04-01", to: null },
  provenance: { sources: ["synthetic"] },
};
const a = "org_0000000a";
const b = "org_0000000b";
const c = "org_0000000c";

const issuesOf = (value: unknown) => {
  const result = Succession.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("Succession", () => {
  it.each([
    ["merge", [a, b], [c]],
    ["merge", [a, b, "org_0000000d"], [c]],
    ["split", [a], [b, c]],
    ["rename", [a], [b]],
    ["transfer", [a], [b]],
  ])("accepts a %s of %j into %j", (kind, predecessorIds, successorIds) => {
    const succession = { ...base, kind, predecessorIds, successorIds };
    expect(Succession.parse(succession)).toEqual(succession);
  });

  it("has four kinds", () => {
    expect(SuccessionKind.options).toEqual(["merge", "split", "rename", "transfer"]);
  });

  it.each([
    [
      "a merge of one",
      "merge",
      [a],
      [c],
      "predecessorIds",
      "wrong number of predecessors for a merge: two or more predecessors, one successor",
    ],
    [
      "a merge into two",
      "merge",
      [a, b],
      [c, "org_0000000d"],
      "successorIds",
      "wrong number of successors for a merge: two or more predecessors, one successor",
    ],
    [
      "a split into one",
      "split",
      [a],
      [b],
      "successorIds",
      "wrong number of successors for a split: one predecessor, two or more successors",
    ],
    [
      "a split of two",
      "split",
      [a, b],
      [c, "org_0000000d"],
      "predecessorIds",
      "wrong number of predecessors for a split: one predecessor, two or more successors",
    ],
    [
      "a rename of two",
      "rename",
      [a, b],
      [c],
      "predecessorIds",
      "wrong number of predecessors for a rename: one predecessor, one successor",
    ],
    [
      "a rename into two",
      "rename",
      [a],
      [b, c],
      "successorIds",
      "wrong number of successors for a rename: one predecessor, one successor",
    ],
    [
      "a transfer into two",
      "transfer",
      [a],
      [b, c],
      "successorIds",
      "wrong number of successors for a transfer: one predecessor, one successor",
    ],
    ["a rename onto itself", "rename", [a], [a], "successorIds", "an entity cannot succeed itself"],
    [
      "a merge into one of its predecessors",
      "merge",
      [a, b],
      [b],
      "successorIds",
      "an entity cannot succeed itself",
    ],
    [
      "no predecessors",
      "rename",
      [],
      [b],
      "predecessorIds",
      "Too small: expected array to have >=1 items",
    ],
    [
      "no successors",
      "rename",
      [a],
      [],
      "successorIds",
      "Too small: expected array to have >=1 items",
    ],
  ])("rejects %s, naming the field", (_, kind, predecessorIds, successorIds, path, message) => {
    expect(issuesOf({ ...base, kind, predecessorIds, successorIds })).toContainEqual({
      path,
      message,
    });
  });

  it.each([
    ["a successor that is not an id", { successorIds: ["99Z"] }, "successorIds.0", /entity id/],
    ["a place id as the id", { id: "plc_00000001" }, "id", /succession id \(suc_…\)/],
    ["an unknown kind", { kind: "absorb" }, "kind", /merge/],
    [
      "a bad date of change",
      { valid: { from: "2017-04-00", to: null } },
      "valid.from",
      /YYYY-MM-DD/,
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(
      issuesOf({ ...base, kind: "rename", predecessorIds: [a], successorIds: [b], ...patch }),
    ).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });
});
