/**
 * A small synthetic register (every name, code and id obviously made up): one system with
 * its ICB, one place with its council and sub-ICB location, a geographic scheme of two
 * neighbourhoods over three LSOAs, a registered-population scheme with one neighbourhood
 * over a PCN, and a practice that is a member of that PCN.
 */
import { emptySnapshot, type PostcodeRecord, type Snapshot } from "@care-atlas/domain";

export const provenance = { sources: ["synthetic"] };
export const from2020 = { from: "2020-04-01", to: null };

export const ids = {
  system: "sys_synth00001",
  icb: "org_synthicb01",
  subIcb: "org_synthsub01",
  council: "org_synthlaa01",
  place: "plc_synthpl001",
  geoScheme: "nsc_synthgeo01",
  regScheme: "nsc_synthreg01",
  north: "nbh_synthnorth",
  south: "nbh_synthsouth",
  pcnNeighbourhood: "nbh_synthpcn01",
  pcn: "org_synthpcn01",
  practice: "org_synthgp001",
  membership: "rel_synthmem01",
} as const;

export const syntheticSnapshot = (): Snapshot => ({
  ...emptySnapshot(),
  sources: [
    {
      key: "synthetic",
      publisher: "Care Atlas test suite",
      dataset: "Synthetic fixtures",
      licence: "CC0-1.0",
      dataDate: null,
    },
  ],
  lsoas: ["E01999001", "E01999002", "E01999003"].map((code, i) => ({
    code,
    name: `Synthetic 00${i + 1}A`,
    msoa: { code: "E02999001", name: "Synthetic 001" },
    districtCode: "E08999001",
  })),
  systems: [
    {
      id: ids.system,
      name: "Synthetic Integrated Care System",
      codes: [{ system: "gss", value: "E54999001" }],
      icbId: ids.icb,
      valid: from2020,
      provenance,
    },
  ],
  organisations: [
    {
      id: ids.icb,
      kind: "icb",
      name: "Synthetic Integrated Care Board",
      codes: [
        { system: "ods", value: "QZZ" },
        { system: "gss", value: "E54999001" },
      ],
      roles: [],
      valid: from2020,
      provenance,
    },
    {
      id: ids.subIcb,
      kind: "sub-icb-location",
      name: "Synthetic Sub-ICB Location",
      codes: [{ system: "ods", value: "99Z" }],
      roles: [],
      parentId: ids.icb,
      valid: from2020,
      provenance,
    },
    {
      id: ids.council,
      kind: "local-authority",
      name: "Synthetic Borough Council",
      codes: [{ system: "gss", value: "E08999001" }],
      roles: [],
      valid: from2020,
      provenance,
    },
    {
      id: ids.pcn,
      kind: "pcn",
      name: "Synthetic PCN",
      codes: [{ system: "ods", value: "U99901" }],
      roles: [],
      placeId: ids.place,
      valid: from2020,
      provenance,
    },
    {
      id: ids.practice,
      kind: "gp-practice",
      name: "Synthetic Medical Practice",
      codes: [{ system: "ods", value: "Z99901" }],
      roles: [],
      placeId: ids.place,
      valid: from2020,
      provenance,
    },
  ],
  places: [
    {
      id: ids.place,
      name: "Synthetic Borough",
      systemId: ids.system,
      codes: [{ system: "gss", value: "E08999001" }],
      councilId: ids.council,
      subIcbLocationId: ids.subIcb,
      valid: from2020,
      provenance,
    },
  ],
  neighbourhoodSchemes: [
    {
      id: ids.geoScheme,
      name: "Synthetic geographic neighbourhoods",
      systemId: ids.system,
      placeId: ids.place,
      basis: "geographic",
      status: "derived",
      valid: from2020,
      provenance,
    },
    {
      id: ids.regScheme,
      name: "Synthetic PCN neighbourhoods",
      systemId: ids.system,
      basis: "registered-population",
      status: "derived",
      valid: from2020,
      provenance,
    },
  ],
  neighbourhoods: [
    {
      id: ids.north,
      name: "Synthetic North",
      placeId: ids.place,
      schemeId: ids.geoScheme,
      footprint: { lsoas: ["E01999001", "E01999002"], pcnIds: [], practiceIds: [] },
      valid: from2020,
      provenance,
    },
    {
      id: ids.south,
      name: "Synthetic South",
      placeId: ids.place,
      schemeId: ids.geoScheme,
      footprint: { lsoas: ["E01999003"], pcnIds: [], practiceIds: [] },
      valid: from2020,
      provenance,
    },
    {
      id: ids.pcnNeighbourhood,
      name: "Synthetic PCN Neighbourhood",
      placeId: ids.place,
      schemeId: ids.regScheme,
      footprint: { lsoas: [], pcnIds: [ids.pcn], practiceIds: [] },
      valid: from2020,
      provenance,
    },
  ],
  relationships: [
    {
      id: ids.membership,
      kind: "member-of",
      subjectId: ids.practice,
      objectId: ids.pcn,
      valid: from2020,
      provenance,
    },
  ],
});

export const syntheticPostcodes: PostcodeRecord[] = [
  {
    postcode: "ZZ9 9ZA",
    lsoaCode: "E01999001",
    introduced: null,
    terminated: null,
    source: "synthetic",
  },
  {
    postcode: "ZZ9 9ZB",
    lsoaCode: "E01999003",
    introduced: null,
    terminated: null,
    source: "synthetic",
  },
];

export const meta = { actor: "test:synthetic", reason: "synthetic test fixture" };

/** An organisation of no particular kind, for tests that need many independent entities. */
export const otherOrganisation = (
  id: string,
  name: string,
  valid: { from: string; to: string | null } = from2020,
) => ({
  id,
  kind: "other" as const,
  name,
  codes: [],
  roles: [],
  valid,
  provenance,
});
