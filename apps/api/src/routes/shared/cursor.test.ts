import { describe, expect, it } from "vitest";
import { ProblemError } from "../../problem.js";
import { cursorPattern, openCursor, queryDigest, sealCursor } from "./cursor.js";

describe("cursors tied to their query", () => {
  it("opens a cursor with the query it was given for, whatever the limit", () => {
    const digest = queryDigest("/v1/organisations", { kind: "pcn", limit: 10, cursor: "x" });
    expect(queryDigest("/v1/organisations", { limit: 500, kind: "pcn" })).toBe(digest);
    const cursor = sealCursor("b3JnXzE", digest);
    expect(cursor).toMatch(cursorPattern);
    expect(openCursor(cursor, digest)).toBe("b3JnXzE");
  });

  it("refuses it with another query, another list, or none of ours", () => {
    const digest = queryDigest("/v1/organisations", { kind: "pcn" });
    const cursor = sealCursor("b3JnXzE", digest);
    for (const other of [
      queryDigest("/v1/organisations", { kind: "gp-practice" }),
      queryDigest("/v1/organisations", { kind: "pcn", validAt: "2020-01-01" }),
      queryDigest("/v1/places", { kind: "pcn" }),
    ]) {
      expect(() => openCursor(cursor, other)).toThrow(ProblemError);
    }
    expect(() => openCursor("b3JnXzE", digest)).toThrow(/another query/);
  });
});
