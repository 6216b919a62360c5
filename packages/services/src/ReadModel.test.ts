import { checkSnapshot, type Finding, RegisterCheck } from "@care-atlas/domain";
import { type Change, PostcodeTable } from "@care-atlas/store";
import fc from "fast-check";
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

  it("passes its indexes on over changes, equal to the indexes built afresh (random changes)", () => {
    const all = histories();
    const ends = [...new Set(all.map((h) => h.id)), "org_synthother"];
    const [relationship] = snapshot.relationships;
    const [neighbourhood] = snapshot.neighbourhoods;
    if (relationship === undefined || neighbourhood === undefined) throw new Error("fixture");
    const lsoas = ["E01999001", "E01999002", "E01999003"];
    /** A change of one entity: renamed (same ends), removed, re-pointed or new. */
    const change = fc.oneof(
      fc.record({ op: fc.constant("rename" as const), at: fc.nat() }),
      fc.record({ op: fc.constant("remove" as const), at: fc.nat() }),
      fc.record({
        op: fc.constant("relate" as const),
        id: fc.constantFrom("rel_synthmem01", "rel_synthnew01", "rel_synthnew02"),
        subject: fc.constantFrom(...ends),
        object: fc.constantFrom(...ends),
      }),
      fc.record({
        op: fc.constant("succeed" as const),
        id: fc.constantFrom("suc_synthnew01", "suc_synthnew02"),
        predecessor: fc.constantFrom(...ends),
        successor: fc.constantFrom(...ends),
      }),
      fc.record({
        op: fc.constant("footprint" as const),
        id: fc.constantFrom(neighbourhood.id, "nbh_synthnew01"),
        lsoas: fc.subarray(lsoas),
        pcnIds: fc.subarray(ends.slice(0, 3)),
      }),
    );
    const base = { recordedAt: "2026-01-02T00:00:00.000Z", actor: "a", reason: "r", source: null };
    const indexesOf = (m: ReadModel) => ({
      ids: (["place", "organisation", "neighbourhood", "relationship", "succession"] as const).map(
        (k) => [...m.ids(k)],
      ),
      links: ends.map((id) => [...m.relationshipsOf(id)]),
      successions: ends.map((id) => [...m.successionsOf(id)]),
      memberships: ends.map((id) => [...m.membershipsOf(id)]),
      byPcn: ends.map((id) => [...m.neighbourhoodsOfPcn(id)]),
      byLsoa: lsoas.map((code) => [...m.neighbourhoodsOfLsoa(code)]),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
        (writes) => {
          let current = ReadModel.make(7, null, all, reference);
          indexesOf(current);
          for (const write of writes) {
            const changes: Change[] = write.map((c, k) => {
              const seq = current.seq + k + 1;
              const held = [...current.histories.values()];
              if (c.op === "rename" || c.op === "remove") {
                const history = held[c.at % held.length] ?? held[0];
                if (history === undefined) throw new Error("empty");
                const after =
                  c.op === "remove"
                    ? []
                    : history.versions.map((v) => ({
                        ...v,
                        name: `${"name" in v ? v.name : ""}!`,
                      }));
                return {
                  ...base,
                  seq,
                  operation: "update",
                  kind: history.kind,
                  id: history.id,
                  revision: 2,
                  before: [],
                  after,
                } as Change;
              }
              if (c.op === "relate") {
                const after = [
                  { ...relationship, id: c.id, subjectId: c.subject, objectId: c.object },
                ];
                return {
                  ...base,
                  seq,
                  operation: "update",
                  kind: "relationship",
                  id: c.id,
                  revision: 2,
                  before: [],
                  after,
                } as Change;
              }
              if (c.op === "succeed") {
                const after = [
                  {
                    id: c.id,
                    kind: "rename",
                    predecessorIds: [c.predecessor],
                    successorIds: [c.successor],
                    valid: { from: "2024-04-01", to: null },
                    provenance: { sources: ["synthetic"] },
                  },
                ];
                return {
                  ...base,
                  seq,
                  operation: "update",
                  kind: "succession",
                  id: c.id,
                  revision: 2,
                  before: [],
                  after,
                } as Change;
              }
              const after = [
                {
                  ...neighbourhood,
                  id: c.id,
                  footprint: { lsoas: c.lsoas, pcnIds: c.pcnIds, practiceIds: [] },
                },
              ];
              return {
                ...base,
                seq,
                operation: "update",
                kind: "neighbourhood",
                id: c.id,
                revision: 2,
                before: [],
                after,
              } as Change;
            });
            current = current.withChanges(changes);
            const afresh = ReadModel.make(current.seq, null, current.histories.values(), reference);
            expect(indexesOf(current)).toEqual(indexesOf(afresh));
          }
        },
      ),
    );
  });
});
