import { describe, expect, it } from "vitest";
import { displayName } from "./DisplayName.js";
import type { Entity } from "./Snapshot.js";

const provenance = { sources: ["synthetic"] };
const valid = { from: "2020-04-01", to: null };

describe("displayName", () => {
  it("is the name, the title or the text of a record", () => {
    expect(
      displayName({
        id: "org_synthetic1",
        kind: "pcn",
        name: "Synthetic PCN",
        codes: [],
        roles: [],
        valid,
        provenance,
      } as Entity),
    ).toBe("Synthetic PCN");
    const text = "Synthetic outcome ".repeat(10).trim();
    const outcome: Entity = {
      id: "str_synthetic1",
      kind: "outcome",
      framework: "Synthetic strategy",
      text,
      order: 1,
      valid,
      provenance,
    };
    const shown = displayName(outcome);
    expect(shown).toHaveLength(78); // 77 characters and the ellipsis
    expect(shown.endsWith("…")).toBe(true);
  });

  it("says what a relationship or succession is when it has no name", () => {
    expect(
      displayName({
        id: "rel_synthetic1",
        kind: "member-of",
        subjectId: "org_synthetic1",
        objectId: "org_synthetic2",
        valid,
        provenance,
      } as Entity),
    ).toBe("member-of relationship");
    expect(
      displayName({
        id: "suc_synthetic1",
        kind: "merge",
        predecessorIds: ["org_synthetic1"],
        successorIds: ["org_synthetic2"],
        valid,
        provenance,
      } as Entity),
    ).toBe("merge on 2020-04-01");
  });
});
