import { describe, expect, it } from "vitest";
import { type EntityKind, entityKinds, idPrefixes, kindOfId } from "./Id.js";
import { collections, emptySnapshot, entitiesOf, entitySchemas, Snapshot } from "./Snapshot.js";

const record = { valid: { from: "2023-04-01", to: null }, provenance: { sources: ["synthetic"] } };

// One valid, synthetic version of each entity kind.
const samples: Record<EntityKind, Record<string, unknown>> = {
  system: { id: "sys_00000001", name: "Synthetic ICS", ...record },
  place: { id: "plc_00000001", name: "Synthetic Borough", systemId: "sys_00000001", ...record },
  neighbourhoodScheme: {
    id: "nsc_00000001",
    name: "Synthetic scheme",
    systemId: "sys_00000001",
    basis: "geographic",
    status: "proposed",
    ...record,
  },
  neighbourhood: {
    id: "nbh_00000001",
    name: "Synthetic North",
    placeId: "plc_00000001",
    schemeId: "nsc_00000001",
    footprint: { lsoas: ["E01999001"] },
    ...record,
  },
  organisation: {
    id: "org_00000001",
    kind: "pcn",
    name: "Synthetic PCN",
    codes: [{ system: "ods", value: "U99999" }],
    ...record,
  },
  relationship: {
    id: "rel_00000001",
    kind: "part-of",
    subjectId: "nbh_00000001",
    objectId: "plc_00000001",
    ...record,
  },
  succession: {
    id: "suc_00000001",
    kind: "rename",
    predecessorIds: ["org_00000001"],
    successorIds: ["org_00000002"],
    ...record,
  },
  governanceBody: {
    id: "gov_00000001",
    kind: "locality-board",
    name: "Synthetic Locality Board",
    level: "place",
    placeId: "plc_00000001",
    ...record,
  },
  collaborative: {
    id: "col_00000001",
    name: "Synthetic Collaborative",
    level: "system",
    systemId: "sys_00000001",
    purposes: ["integration"],
    ...record,
  },
  team: { id: "int_00000001", name: "Synthetic INT", neighbourhoodId: "nbh_00000001", ...record },
  pooledBudget: { id: "pbg_00000001", name: "Synthetic Pool", hostId: "org_00000001", ...record },
  decision: {
    id: "dec_00000001",
    bodyId: "gov_00000001",
    title: "Synthetic decision",
    date: "2023-04-01",
    valuePence: 100,
    serviceArea: "synthetic",
    ...record,
  },
  strategyElement: {
    id: "str_00000001",
    kind: "aim",
    framework: "Synthetic strategy",
    text: "A synthetic aim",
    order: 0,
    ...record,
  },
};

const sampleSnapshot = () => {
  const snapshot: Record<string, unknown[]> = { ...emptySnapshot() };
  for (const kind of entityKinds) snapshot[collections[kind]] = [samples[kind]];
  snapshot.lsoas = [
    {
      code: "E01999001",
      name: "Synthetic 001A",
      msoa: { code: "E02999001", name: "Synthetic 001" },
      districtCode: "E08999001",
    },
  ];
  snapshot.sources = [
    {
      key: "synthetic",
      publisher: "Synthetic",
      dataset: "Synthetic",
      licence: "CC0-1.0",
      dataDate: null,
    },
  ];
  return snapshot;
};

describe("entitySchemas and collections", () => {
  it("cover every entity kind, and the snapshot holds exactly those collections plus lsoas and sources", () => {
    expect(Object.keys(entitySchemas).sort()).toEqual([...entityKinds].sort());
    expect(Object.keys(collections).sort()).toEqual([...entityKinds].sort());
    expect(Object.keys(Snapshot.shape).sort()).toEqual(
      [...Object.values(collections), "lsoas", "sources"].sort(),
    );
    expect(new Set(Object.values(collections)).size).toBe(entityKinds.length);
  });

  it.each(entityKinds)(
    "%s: accepts a sample, and rejects it with another kind's id at `id`",
    (kind) => {
      const schema = entitySchemas[kind];
      expect(schema.safeParse(samples[kind]).success).toBe(true);
      for (const other of entityKinds.filter((k) => k !== kind)) {
        const result = schema.safeParse({ ...samples[kind], id: `${idPrefixes[other]}_00000001` });
        expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["id"]);
      }
    },
  );

  it.each(entityKinds)(
    "%s: rejects a version without provenance or with an empty period",
    (kind) => {
      const schema = entitySchemas[kind];
      const noProvenance = schema.safeParse({ ...samples[kind], provenance: { sources: [] } });
      expect(noProvenance.error?.issues.map((i) => i.path.join("."))).toEqual([
        "provenance.sources",
      ]);
      const emptyPeriod = schema.safeParse({
        ...samples[kind],
        valid: { from: "2023-04-01", to: "2023-04-01" },
      });
      expect(emptyPeriod.error?.issues.map((i) => i.path.join("."))).toEqual(["valid.to"]);
    },
  );
});

describe("Snapshot", () => {
  it("accepts an empty snapshot, and each call gives fresh arrays", () => {
    expect(Snapshot.parse(emptySnapshot())).toEqual(emptySnapshot());
    const filled = emptySnapshot();
    filled.places.push(...Snapshot.parse(sampleSnapshot()).places);
    expect(filled.places).toHaveLength(1);
    expect(emptySnapshot().places).toEqual([]);
  });

  it("accepts one of everything", () => {
    const parsed = Snapshot.parse(sampleSnapshot());
    for (const kind of entityKinds) expect(parsed[collections[kind]]).toHaveLength(1);
  });

  it("names the collection, index and field of a bad record", () => {
    const snapshot = sampleSnapshot();
    snapshot.neighbourhoods = [
      samples.neighbourhood,
      { ...samples.neighbourhood, id: "nbh_00000002", footprint: { lsoas: ["E02999001"] } },
    ];
    snapshot.lsoas = [
      {
        code: "E01999001",
        name: "",
        msoa: { code: "E02999001", name: "Synthetic 001" },
        districtCode: "E08999001",
      },
    ];
    const result = Snapshot.safeParse(snapshot);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([
      "neighbourhoods.1.footprint.lsoas.0",
      "lsoas.0.name",
    ]);
  });

  it("needs every collection, even when empty", () => {
    const { places: _, ...withoutPlaces } = emptySnapshot();
    expect(Snapshot.safeParse(withoutPlaces).error?.issues.map((i) => i.path.join("."))).toEqual([
      "places",
    ]);
  });

  it("rejects an entity in the wrong collection", () => {
    const snapshot = sampleSnapshot();
    snapshot.places = [samples.system];
    expect(Snapshot.safeParse(snapshot).error?.issues.map((i) => i.path.join("."))).toContain(
      "places.0.id",
    );
  });
});

describe("entitiesOf", () => {
  it("yields every entity version once, with its kind", () => {
    const snapshot = Snapshot.parse(sampleSnapshot());
    snapshot.places.push(
      ...snapshot.places.map((place) => ({ ...place, valid: { from: "2024-04-01", to: null } })),
    );
    const yielded = [...entitiesOf(snapshot)];
    expect(yielded).toHaveLength(entityKinds.length + 1);
    for (const { kind, entity } of yielded) expect(kindOfId(entity.id)).toBe(kind);
    expect(yielded.filter((y) => y.kind === "place")).toHaveLength(2);
    expect([...entitiesOf(emptySnapshot())]).toEqual([]);
  });
});
