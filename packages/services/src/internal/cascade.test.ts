import type { Relationship } from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import { emptyReference, ReadModel } from "../ReadModel.js";
import { endLinks, endRelationshipsOf } from "./cascade.js";

const provenance = { sources: ["synthetic"] };
const link = (
  id: string,
  subjectId: string,
  objectId: string,
  from: string,
  to: string | null,
): Relationship => ({
  id,
  kind: "member-of",
  subjectId,
  objectId,
  valid: { from, to },
  provenance,
});

const A = "org_synthcasa01";
const B = "org_synthcasb01";
const C = "org_synthcasc01";

describe("endLinks", () => {
  it("closes the versions that involve an ended entity and keeps the others", () => {
    const versions = [
      link("rel_synthcas001", A, B, "2020-01-01", "2022-01-01"),
      link("rel_synthcas001", C, B, "2022-01-01", null),
    ];
    // A ended in 2021: only A's version is cut; C's later version stays.
    expect(
      endLinks(versions, new Set([A]), "2021-01-01").map((v) => [v.subjectId, v.valid]),
    ).toEqual([
      [A, { from: "2020-01-01", to: "2021-01-01" }],
      [C, { from: "2022-01-01", to: null }],
    ]);
    // B (the object of both) ended in 2023: the open version ends; the closed one stays.
    expect(endLinks(versions, new Set([B]), "2023-01-01").map((v) => v.valid)).toEqual([
      { from: "2020-01-01", to: "2022-01-01" },
      { from: "2022-01-01", to: "2023-01-01" },
    ]);
    // A version that starts on or after the date is dropped.
    expect(endLinks(versions, new Set([C]), "2022-01-01")).toEqual([versions[0]]);
  });
});

describe("endRelationshipsOf", () => {
  const history = (versions: Relationship[], revision = 3) => ({
    kind: "relationship" as const,
    id: versions[0]?.id ?? "",
    revision,
    versions,
  });
  const model = ReadModel.make(
    9,
    null,
    [
      history([link("rel_synthopen01", A, B, "2020-01-01", null)]),
      history([link("rel_synthpast01", C, A, "2019-01-01", "2020-06-01")]),
      history([link("rel_synthlate01", A, C, "2031-01-01", null)], 1),
      history([link("rel_synthothr01", B, C, "2020-01-01", null)]),
    ],
    emptyReference,
  );

  it("ends what is still valid on the date, removes what starts later, skips the rest", () => {
    const writes = endRelationshipsOf(model, [A], "2030-04-01");
    expect(writes.map((w) => [w.id, w.expectedRevision, w.versions.map((v) => v.valid)])).toEqual([
      ["rel_synthlate01", 1, []],
      ["rel_synthopen01", 3, [{ from: "2020-01-01", to: "2030-04-01" }]],
    ]);
  });

  it("lists a link between two ended entities once, and leaves out ids already written", () => {
    expect(endRelationshipsOf(model, [A, C], "2030-04-01").map((w) => w.id)).toEqual([
      "rel_synthlate01",
      "rel_synthopen01",
      "rel_synthothr01",
    ]);
    expect(
      endRelationshipsOf(model, [A], "2030-04-01", new Set(["rel_synthopen01"])).map((w) => w.id),
    ).toEqual(["rel_synthlate01"]);
  });
});
