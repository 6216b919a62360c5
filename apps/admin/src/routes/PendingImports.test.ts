import { describe, expect, it } from "vitest";
import { PendingImports } from "./PendingImports.js";

const upload = (userId: string, name = "etr.csv") => ({
  kind: "ods-etr" as const,
  name,
  published: "2025-12-01",
  bytes: new Uint8Array([1, 2, 3]),
  sha256: "0".repeat(64),
  userId,
});

describe("uploads waiting to be applied", () => {
  it("are kept for their uploader only, under an unguessable id, until applied", () => {
    const pending = new PendingImports();
    const id = pending.add(upload("usr_a"));
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(pending.get(id, "usr_a")?.name).toBe("etr.csv");
    expect(pending.get(id, "usr_b")).toBeUndefined();
    expect(pending.get("not-an-id", "usr_a")).toBeUndefined();
    pending.delete(id);
    expect(pending.get(id, "usr_a")).toBeUndefined();
  });

  it("expire after their time, and the oldest goes when too many wait", () => {
    let now = 0;
    const pending = new PendingImports({ max: 2, ttlMs: 1000, now: () => now });
    const first = pending.add(upload("usr_a", "1.csv"));
    now = 500;
    const second = pending.add(upload("usr_a", "2.csv"));
    const third = pending.add(upload("usr_a", "3.csv"));
    expect(pending.get(first, "usr_a")).toBeUndefined();
    expect(pending.get(second, "usr_a")?.name).toBe("2.csv");
    now = 1600;
    expect(pending.get(second, "usr_a")).toBeUndefined();
    expect(pending.get(third, "usr_a")).toBeUndefined();
  });
});
