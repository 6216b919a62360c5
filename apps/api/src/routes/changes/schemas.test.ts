import type { ChangeEntry } from "@care-atlas/services";
import { describe, expect, it } from "vitest";
import { Change, visibleChange } from "./schemas.js";

const entry: ChangeEntry = {
  seq: 7,
  recordedAt: "2026-11-30T10:00:00.000Z",
  actor: "someone@example.org",
  actorKind: "admin",
  reason: "Synthetic: corrected the name after a call with someone",
  source: null,
  operation: "update",
  kind: "place",
  id: "plc_synthetic001",
  revision: 2,
  before: [],
  after: [],
};

describe("visibleChange", () => {
  it("keeps an admin's email and reason from callers without the audit scope", () => {
    const shown = visibleChange(entry, false);
    expect(JSON.stringify(shown)).not.toContain("someone");
    expect(shown).toMatchObject({ actorKind: "admin", seq: 7, kind: "place" });
    expect(Change.safeParse(shown).success).toBe(true);
  });

  it("shows them to a caller with it", () => {
    expect(visibleChange(entry, true)).toMatchObject({
      actor: "someone@example.org",
      reason: entry.reason,
    });
  });
});
