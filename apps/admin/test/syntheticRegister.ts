/**
 * A small, obviously synthetic register for the admin's tests: two places ("Synthetic
 * Borough A/B", district codes E08999001/2), LSOAs E01999001–8 with square boundaries,
 * neighbourhoods redrawn on 1 April 2023 (so an earlier date shows an earlier structure),
 * organisations with a merger, a team, a board, a collaborative, a pooled budget, decisions
 * and a strategy. Nothing here describes a real place or body.
 */
import { type EntityKind, Snapshot, stableId } from "@care-atlas/domain";

const id = (kind: EntityKind, key: string): string => stableId(kind, `synthetic:${key}`);
const provenance = { sources: ["synthetic"] };
const open = (from: string) => ({ from, to: null });
const span = (from: string, to: string) => ({ from, to });

export const ids = {
  system: id("system", "system"),
  placeA: id("place", "a"),
  placeB: id("place", "b"),
  scheme: id("neighbourhoodScheme", "geo"),
  north: id("neighbourhood", "north"),
  south: id("neighbourhood", "south"),
  west: id("neighbourhood", "west"),
  oldTown: id("neighbourhood", "old-town"),
  icb: id("organisation", "icb"),
  councilA: id("organisation", "council-a"),
  councilB: id("organisation", "council-b"),
  practice1: id("organisation", "practice-1"),
  practice2: id("organisation", "practice-2"),
  pcn: id("organisation", "pcn"),
  trust: id("organisation", "trust"),
  ccgNorth: id("organisation", "ccg-north"),
  ccgSouth: id("organisation", "ccg-south"),
  ccgCity: id("organisation", "ccg-city"),
  merger: id("succession", "ccg-merger"),
  membership: id("relationship", "practice-1-pcn"),
  team: id("team", "north-int"),
  board: id("governanceBody", "jcb"),
  collaborative: id("collaborative", "place-a"),
  budget: id("pooledBudget", "pool-a"),
  decision1: id("decision", "d1"),
  decision2: id("decision", "d2"),
  outcome: id("strategyElement", "outcome"),
  commitment: id("strategyElement", "commitment"),
} as const;

const lsoaCodes = Array.from({ length: 8 }, (_, i) => `E01999${String(i + 1).padStart(3, "0")}`);

/** Square LSOA i of a place: 2×2 grid per place, place A west of place B. */
const lsoaSquare = (i: number): [number, number][] => {
  const place = Math.floor(i / 4);
  const cell = i % 4;
  const x0 = -2.5 + place * 0.2 + (cell % 2) * 0.1;
  const y0 = 53.5 + Math.floor(cell / 2) * 0.05;
  return [
    [x0, y0],
    [x0 + 0.1, y0],
    [x0 + 0.1, y0 + 0.05],
    [x0, y0 + 0.05],
    [x0, y0],
  ];
};

/** GeoJSON boundaries for the synthetic places and LSOAs. */
export const syntheticBoundaries = {
  places: {
    type: "FeatureCollection",
    features: [0, 1].map((p) => ({
      type: "Feature",
      properties: {
        area_code: `E08999${String(p + 1).padStart(3, "0")}`,
        area_name: `Synthetic Borough ${p === 0 ? "A" : "B"}`,
      },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [-2.5 + p * 0.2, 53.5],
            [-2.3 + p * 0.2, 53.5],
            [-2.3 + p * 0.2, 53.6],
            [-2.5 + p * 0.2, 53.6],
            [-2.5 + p * 0.2, 53.5],
          ],
        ],
      },
    })),
  },
  lsoas: {
    type: "FeatureCollection",
    features: lsoaCodes.map((code, i) => ({
      type: "Feature",
      properties: { area_code: code, area_name: `Synthetic ${i + 1}` },
      geometry: { type: "Polygon", coordinates: [lsoaSquare(i)] },
    })),
  },
};

/** The synthetic register. */
export const syntheticSnapshot = (): Snapshot =>
  Snapshot.parse({
    sources: [
      {
        key: "synthetic",
        publisher: "Synthetic publisher",
        dataset: "Synthetic test data",
        licence: "CC0-1.0",
        dataDate: null,
      },
    ],
    lsoas: lsoaCodes.map((code, i) => ({
      code,
      name: `Synthetic ${String(i + 1).padStart(3, "0")}A`,
      msoa: {
        code: `E02999${String(Math.floor(i / 2) + 1).padStart(3, "0")}`,
        name: `Synthetic MSOA ${Math.floor(i / 2) + 1}`,
      },
      districtCode: `E08999${String(Math.floor(i / 4) + 1).padStart(3, "0")}`,
      population: {
        value: 9000 + i * 100,
        basis: "resident",
        date: "2021-03-21",
        source: "synthetic",
      },
    })),
    systems: [
      {
        id: ids.system,
        name: "Synthetic Integrated Care System",
        codes: [{ system: "gss", value: "E54999001" }],
        icbId: ids.icb,
        valid: open("2016-04-01"),
        provenance,
      },
    ],
    places: [
      {
        id: ids.placeA,
        name: "Synthetic Borough A",
        systemId: ids.system,
        codes: [{ system: "gss", value: "E08999001" }],
        councilId: ids.councilA,
        valid: open("2016-04-01"),
        provenance,
      },
      {
        id: ids.placeB,
        name: "Synthetic Borough B",
        systemId: ids.system,
        codes: [{ system: "gss", value: "E08999002" }],
        councilId: ids.councilB,
        valid: open("2016-04-01"),
        provenance,
      },
    ],
    neighbourhoodSchemes: [
      {
        id: ids.scheme,
        name: "Synthetic geographic scheme",
        systemId: ids.system,
        basis: "geographic",
        status: "derived",
        valid: open("2019-04-01"),
        provenance,
      },
    ],
    neighbourhoods: [
      {
        id: ids.north,
        name: "Synthetic North",
        placeId: ids.placeA,
        schemeId: ids.scheme,
        footprint: { lsoas: lsoaCodes.slice(0, 2) },
        valid: span("2019-04-01", "2023-04-01"),
        provenance,
      },
      {
        id: ids.north,
        name: "Synthetic North",
        placeId: ids.placeA,
        schemeId: ids.scheme,
        footprint: { lsoas: lsoaCodes.slice(0, 3) },
        valid: open("2023-04-01"),
        provenance,
      },
      {
        id: ids.south,
        name: "Synthetic South",
        placeId: ids.placeA,
        schemeId: ids.scheme,
        footprint: { lsoas: lsoaCodes.slice(2, 4) },
        valid: span("2019-04-01", "2023-04-01"),
        provenance,
      },
      {
        id: ids.south,
        name: "Synthetic South",
        placeId: ids.placeA,
        schemeId: ids.scheme,
        footprint: { lsoas: lsoaCodes.slice(3, 4) },
        valid: open("2023-04-01"),
        provenance,
      },
      {
        id: ids.oldTown,
        name: "Synthetic Old Town",
        placeId: ids.placeB,
        schemeId: ids.scheme,
        footprint: { lsoas: lsoaCodes.slice(4, 6) },
        valid: span("2019-04-01", "2022-04-01"),
        provenance,
      },
      {
        id: ids.west,
        name: "Synthetic West",
        placeId: ids.placeB,
        schemeId: ids.scheme,
        footprint: { lsoas: lsoaCodes.slice(6, 8) },
        valid: span("2019-04-01", "2022-04-01"),
        provenance,
      },
      {
        id: ids.west,
        name: "Synthetic West",
        placeId: ids.placeB,
        schemeId: ids.scheme,
        footprint: { lsoas: lsoaCodes.slice(4, 8) },
        valid: open("2022-04-01"),
        provenance,
      },
    ],
    organisations: [
      {
        id: ids.icb,
        kind: "icb",
        name: "Synthetic Integrated Care Board",
        codes: [{ system: "ods", value: "Q99" }],
        roles: [{ role: "commissioner", period: open("2022-07-01") }],
        valid: open("2022-07-01"),
        provenance,
      },
      {
        id: ids.councilA,
        kind: "local-authority",
        name: "Synthetic Borough A Council",
        codes: [{ system: "gss", value: "E08999001" }],
        placeId: ids.placeA,
        valid: open("2016-04-01"),
        provenance,
      },
      {
        id: ids.councilB,
        kind: "local-authority",
        name: "Synthetic Borough B Council",
        codes: [{ system: "gss", value: "E08999002" }],
        placeId: ids.placeB,
        valid: open("2016-04-01"),
        provenance,
      },
      {
        id: ids.practice1,
        kind: "gp-practice",
        name: "Synthetic Medical Practice",
        codes: [{ system: "ods", value: "Z99901" }],
        roles: [{ role: "primary-care-provider", period: open("2016-04-01") }],
        placeId: ids.placeA,
        postcode: "M99 9ZZ",
        valid: open("2016-04-01"),
        provenance,
      },
      {
        id: ids.practice2,
        kind: "gp-practice",
        name: "Synthetic Health Centre",
        codes: [{ system: "ods", value: "Z99902" }],
        placeId: ids.placeB,
        valid: open("2016-04-01"),
        provenance,
      },
      {
        id: ids.pcn,
        kind: "pcn",
        name: "Synthetic Primary Care Network",
        codes: [{ system: "ods", value: "U99901" }],
        placeId: ids.placeA,
        valid: open("2019-07-01"),
        provenance,
      },
      {
        id: ids.trust,
        kind: "nhs-trust",
        name: "Synthetic Hospitals NHS Trust",
        codes: [{ system: "ods", value: "R99" }],
        valid: open("2016-04-01"),
        provenance,
      },
      {
        id: ids.ccgNorth,
        kind: "ccg",
        name: "Synthetic North CCG",
        codes: [{ system: "ods", value: "99A" }],
        placeId: ids.placeA,
        valid: span("2016-04-01", "2017-04-01"),
        provenance,
      },
      {
        id: ids.ccgSouth,
        kind: "ccg",
        name: "Synthetic South CCG",
        codes: [{ system: "ods", value: "99B" }],
        placeId: ids.placeA,
        valid: span("2016-04-01", "2017-04-01"),
        provenance,
      },
      {
        id: ids.ccgCity,
        kind: "ccg",
        name: "Synthetic City CCG",
        codes: [{ system: "ods", value: "99C" }],
        placeId: ids.placeA,
        valid: span("2017-04-01", "2022-07-01"),
        provenance,
      },
    ],
    relationships: [
      {
        id: ids.membership,
        kind: "member-of",
        subjectId: ids.practice1,
        objectId: ids.pcn,
        valid: open("2019-07-01"),
        provenance,
      },
    ],
    successions: [
      {
        id: ids.merger,
        kind: "merge",
        predecessorIds: [ids.ccgNorth, ids.ccgSouth],
        successorIds: [ids.ccgCity],
        valid: open("2017-04-01"),
        provenance,
      },
    ],
    governanceBodies: [
      {
        id: ids.board,
        kind: "joint-commissioning-board",
        name: "Synthetic Joint Commissioning Board",
        level: "place",
        placeId: ids.placeA,
        commissions: true,
        delegatedLimitPence: 500_000_000,
        valid: open("2016-05-23"),
        provenance,
      },
    ],
    collaboratives: [
      {
        id: ids.collaborative,
        name: "Synthetic Place Collaborative",
        level: "place",
        placeId: ids.placeA,
        purposes: ["integration", "reduce-unwarranted-variation"],
        strategyLinks: [ids.commitment],
        valid: open("2020-04-01"),
        provenance,
      },
    ],
    teams: [
      {
        id: ids.team,
        name: "Synthetic North INT",
        neighbourhoodId: ids.north,
        leadOrganisationId: ids.practice1,
        gpLed: true,
        members: [
          { role: "district-nurse", hostOrganisationId: ids.trust, headcount: 4 },
          { role: "social-worker", hostOrganisationId: ids.councilA },
        ],
        strategyLinks: [ids.commitment],
        valid: open("2019-04-01"),
        provenance,
      },
    ],
    pooledBudgets: [
      {
        id: ids.budget,
        name: "Synthetic Better Care Pool",
        placeId: ids.placeA,
        hostId: ids.councilA,
        partnerIds: [ids.ccgCity],
        governedById: ids.board,
        years: [
          {
            financialYear: "2018/19",
            totalPence: 300_000_000,
            contributions: [
              { organisationId: ids.councilA, amountPence: 100_000_000 },
              { organisationId: ids.ccgCity, amountPence: 200_000_000 },
            ],
          },
          {
            financialYear: "2019/20",
            totalPence: 350_000_000,
            contributions: [
              { organisationId: ids.councilA, amountPence: 120_000_000 },
              { organisationId: ids.ccgCity, amountPence: 230_000_000 },
            ],
          },
        ],
        valid: span("2018-04-01", "2022-07-01"),
        provenance,
      },
    ],
    decisions: [
      {
        id: ids.decision1,
        bodyId: ids.board,
        title: "Synthetic community nursing contract",
        date: "2019-06-01",
        valuePence: 250_000_000,
        serviceArea: "Community health",
        providerIds: [ids.trust],
        pooledBudgetId: ids.budget,
        strategyLinks: [ids.commitment],
        valid: open("2019-06-01"),
        provenance,
      },
      {
        id: ids.decision2,
        bodyId: ids.board,
        title: "Synthetic reablement service",
        date: "2020-02-01",
        valuePence: 40_000_000,
        serviceArea: "Adult social care",
        providerIds: [ids.councilA],
        valid: open("2020-02-01"),
        provenance,
      },
    ],
    strategy: [
      {
        id: ids.outcome,
        kind: "outcome",
        framework: "Synthetic strategy",
        text: "A synthetic outcome for tests",
        order: 1,
        valid: open("2020-01-01"),
        provenance,
      },
      {
        id: ids.commitment,
        kind: "commitment",
        framework: "Synthetic strategy",
        text: "We will test synthetic commitments",
        parentId: ids.outcome,
        order: 1,
        valid: open("2020-01-01"),
        provenance,
      },
    ],
  });
