import { checkSnapshot, type Finding, RegisterCheck } from "@care-atlas/domain";
import { type Change, PostcodeTable } from "@care-atlas/store";
import { describe, expect, it } from "vitest";
import { syntheticPostcodes, syntheticSnapshot } from "../test/fixtures.js";
import { ReadModel, type RecordedHistory } from "./ReadModel.js";

const snapshot = syntheticSnapshot();
const histories = (): RecordedHistory[] => [
  ...snapshot.places.map((v) => ({ kind: "place" as const, id: v.id, revision: 1, versions: [v] })),
  ...snapshot.organisations.map((v) => ({
    kind: "organisation" as const,
    id: v.id,
    revision: 1,
    versions: [v],
  })),
  ...snapshot.neighbourhoods.map((v) => ({
    kind: "neighbourhood" as const,
    id: v.id,
    revision: 1,
    versions: [v],
  })),
  ...snapshot.relationships.map((v) => ({
    kind: "relationship" as const,
    id: v.id,
    revision: 1,
    versions: [v],
  })),
];
const reference = {
  seq: 0,
  lsoas: snapshot.lsoas,
  postcodes: PostcodeTable.from(syntheticPostcodes),
  assignments: [],
  sources: snapshot.sources,
};
const model = ReadModel.make(7, "2026-01-01T00:00:00.000Z", histories(), reference);

describe("ReadModel", () => {
  it("orders ids per kind and builds a snapshot in that order", () => {
    const ids = model.ids("organisation");
    expect([...ids]).toEqual([...ids].sort());
    expect(model.snapshot.organisations.map((o) => o.id)).toEqual(ids);
    expect(model.snapshot.lsoas).toEqual(snapshot.lsoas);
    expect(model.ids("team")).toEqual([]);
  });

  it("indexes geography: LSOA, PCN and practice to neighbourhoods, memberships, postcodes", () => {
    expect(model.neighbourhoodsOfLsoa("E01999002")).toEqual(["nbh_synthnorth"]);
    expect(model.neighbourhoodsOfPcn("org_synthpcn01")).toEqual(["nbh_synthpcn01"]);
    expect(model.neighbourhoodsOfPractice("org_synthgp001")).toEqual([]);
    expect(model.membershipsOf("org_synthgp001")).toEqual(["rel_synthmem01"]);
    expect(model.relationshipsOf("org_synthgp001")).toEqual(["rel_synthmem01"]);
    expect(model.relationshipsOf("org_synthpcn01")).toEqual(["rel_synthmem01"]);
    expect(model.relationshipsOf("org_synthicb01")).toEqual([]);
    expect(model.postcode("ZZ9 9ZB")?.lsoaCode).toBe("E01999003");
    expect(model.lsoa("E01999001")?.name).toBe("Synthetic 001A");
  });

  it("adopts changes in order: new histories and revisions, removals, the new data version", () => {
    const place = snapshot.places[0];
    if (place === undefined) throw new Error("fixture has a place");
    const renamed = { ...place, name: "Synthetic Renamed" };
    const base = {
      recordedAt: "2026-01-02T00:00:00.000Z",
      actor: "a",
      reason: "r",
      source: null,
      before: [],
    };
    const changes: Change[] = [
      {
        ...base,
        seq: 8,
        operation: "update",
        kind: "place",
        id: place.id,
        revision: 2,
        after: [renamed],
      },
      {
        ...base,
        seq: 9,
        operation: "delete",
        kind: "relationship",
        id: "rel_synthmem01",
        revision: 2,
        after: [],
      },
    ];
    const next = model.withChanges(changes);
    expect(next.seq).toBe(9);
    expect(next.recordedAt).toBe(base.recordedAt);
    expect(next.history(place.id)).toMatchObject({ revision: 2, versions: [renamed] });
    expect(next.history("rel_synthmem01")).toBeUndefined();
    expect(next.membershipsOf("org_synthgp001")).toEqual([]);
    // The old model is untouched.
    expect(model.history(place.id)?.versions).toEqual([place]);
    expect(model.withChanges(changes.slice(0, 1)).withChanges(changes).seq).toBe(9);
  });

  it("carries the rule check it holds over changes, re-checked when read; not over reference data", () => {
    const key = (f: Finding) => `${f.rule}|${f.subjects.join(",")}|${f.message}`;
    const held = ReadModel.make(7, null, histories(), reference);
    held.holdRuleCheck(RegisterCheck.build(held.index));
    const base = { recordedAt: "2026-01-02T00:00:00.000Z", actor: "a", reason: "r", source: null };
    // The practice removed: its membership now refers to nothing.
    const changes: Change[] = [
      {
        ...base,
        seq: 8,
        operation: "delete",
        kind: "organisation",
        id: "org_synthgp001",
        revision: 2,
        before: [],
        after: [],
      },
    ];
    const next = held.withChanges(changes);
    const carried = next.ruleCheck;
    expect(carried).toBeDefined();
    const whole = checkSnapshot(next.index);
    expect(whole.some((f) => f.rule === "dangling-reference")).toBe(true);
    expect((carried?.findings ?? []).map(key).sort()).toEqual(whole.map(key).sort());
    expect(
      ReadModel.make(7, null, histories(), reference).withChanges(changes).ruleCheck,
    ).toBeUndefined();
    expect(next.withReference(reference).ruleCheck).toBeUndefined();
  });

  it("builds a past model from versions, grouping them by id and sorting by valid.from", () => {
    const [a, b] = [
      { ...snapshot.places[0], valid: { from: "2022-01-01", to: null } },
      { ...snapshot.places[0], valid: { from: "2020-04-01", to: "2022-01-01" } },
    ] as const;
    const past = ReadModel.fromVersions(3, [a, b] as never, reference);
    expect(past.history(a.id ?? "")?.versions.map((v) => v.valid.from)).toEqual([
      "2020-04-01",
      "2022-01-01",
    ]);
    expect(past.history(a.id ?? "")?.revision).toBeNull();
  });
});
