import { describe, expect, it } from "vitest";
import type { ChangeInput } from "../Store.js";
import { StoreInvalidInput } from "../StoreError.js";
import { prepare } from "./apply.js";

const practice = (id: string, from: string, to: string | null, name = "Synthetic Practice") => ({
  id,
  kind: "gp-practice" as const,
  name,
  codes: [],
  roles: [],
  valid: { from, to },
  provenance: { sources: ["synthetic"] },
});

const input = (entities: ChangeInput["entities"]): ChangeInput => ({
  actor: "test",
  reason: "test",
  operation: "update",
  entities,
});

describe("prepare", () => {
  it("parses and sorts each history by valid.from", () => {
    const [prepared] = prepare(
      input([
        {
          kind: "organisation",
          id: "org_synthetic1",
          expectedRevision: 3,
          versions: [
            practice("org_synthetic1", "2021-01-01", null),
            practice("org_synthetic1", "2020-01-01", "2021-01-01"),
          ],
        },
      ]),
    );
    expect(prepared?.versions.map((v) => v.valid.from)).toEqual(["2020-01-01", "2021-01-01"]);
    expect(prepared?.expectedRevision).toBe(3);
  });

  it.each([
    ["a zero revision", { expectedRevision: 0 }],
    ["a fractional revision", { expectedRevision: 1.5 }],
    ["an id of another kind", { id: "plc_synthetic1" }],
    ["a malformed id", { id: "org_X" }],
    ["a version of another entity", { versions: [practice("org_synthetic2", "2020-01-01", null)] }],
    [
      "overlapping versions",
      {
        versions: [
          practice("org_synthetic1", "2020-01-01", null),
          practice("org_synthetic1", "2022-01-01", null),
        ],
      },
    ],
    [
      "a version that does not parse",
      { versions: [{ ...practice("org_synthetic1", "2020-01-01", null), kind: "shop" }] },
    ],
  ])("refuses %s", (_what, override) => {
    const entity = {
      kind: "organisation" as const,
      id: "org_synthetic1",
      expectedRevision: null,
      versions: [practice("org_synthetic1", "2020-01-01", null)],
      ...override,
    } as ChangeInput["entities"][number];
    expect(() => prepare(input([entity]))).toThrow(StoreInvalidInput);
  });

  it("refuses empty actor, reason, operation or source", () => {
    for (const field of ["actor", "reason", "operation", "source"] as const) {
      expect(() => prepare({ ...input([]), [field]: "" })).toThrow(new RegExp(field));
    }
  });
});
