/**
 * @module dataset
 * The whole build, as one pure function from the raw files to the generated files: the
 * snapshot (validated with the domain's `Snapshot` schema and checked with its rules), the
 * postcode sample, the boundaries, and the attribution and data-quality documents.
 */
import {
  checkSnapshot,
  type Finding,
  type LsoaAssignment,
  type PostcodeRecord,
  Snapshot,
} from "@care-atlas/domain";
import { reduceGeoJson } from "./boundaries.js";
import {
  buildLsoas,
  compare,
  districtPopulations,
  publishedDistrictPopulations,
  readDistricts,
} from "./geography.js";
import { buildGovernance } from "./governance.js";
import { gssOrganisation } from "./ids.js";
import { applyImports } from "./imports.js";
import { buildPcnScheme, buildTraffordScheme } from "./neighbourhoods.js";
import {
  buildCommissioners,
  buildCouncils,
  buildIcb,
  buildTrusts,
  trustsWithoutSuccessor,
} from "./organisations.js";
import { buildPlaces, buildSystem, placeStarts } from "./places.js";
import { buildPrimaryCare, isActivePractice } from "./primaryCare.js";
import type { Raw } from "./raw.js";
import { buildAssignments, buildPostcodes } from "./reference.js";
import { attributionMarkdown, type BuildNotes, dataQualityMarkdown } from "./reports.js";
import { buildSeedFacts } from "./seedFacts.js";
import { lsoaAssignmentCsv, postcodeCsv, serialiseSnapshot } from "./serialise.js";
import { attributionSummary, buildSources } from "./sources.js";
import { buildStrategy } from "./strategy.js";

/** The generated files, by path relative to `generated/`. */
export const generatedFiles = [
  "snapshot.json",
  "postcodes.csv",
  "lsoa-assignments.csv",
  "boundaries/gm_lad_dec2023_super_generalised.geojson",
  "boundaries/gm_lsoa21_super_generalised.geojson",
  "boundaries/gm_lad_dec2023_generalised.geojson",
  "boundaries/gm_lsoa21_generalised.geojson",
  "boundaries/trafford_localities_2023_generalised.geojson",
  "DATA-QUALITY.md",
  "ATTRIBUTION.md",
] as const;

/** What {@link buildDataset} returns. */
export interface Dataset {
  readonly snapshot: Snapshot;
  /** The postcodes, as the import of the Trafford extract of ONSPD makes them. */
  readonly postcodes: ReadonlyArray<PostcodeRecord>;
  /** The LSOA assignments, as the imports of ONS's LSOA lookups make them. */
  readonly assignments: ReadonlyArray<LsoaAssignment>;
  readonly findings: ReadonlyArray<Finding>;
  readonly notes: BuildNotes;
  /** The generated files' text, by path relative to `generated/`. */
  readonly files: ReadonlyMap<(typeof generatedFiles)[number], string>;
}

interface Versioned {
  readonly id: string;
  readonly valid: { readonly from: string };
}

const byIdThenDate = <T extends Versioned>(records: ReadonlyArray<T>): T[] =>
  [...records].sort((a, b) => compare(a.id, b.id) || compare(a.valid.from, b.valid.from));

/**
 * Moves between commissioners in the assignments, grouped ("01Y → 15M on 2022-07-01: 21
 * LSOAs"), saying where a recorded succession between the two came earlier.
 */
const commissionerMoves = (
  assignments: ReadonlyArray<LsoaAssignment>,
  snapshot: Snapshot,
): string[] => {
  const codeOfId = new Map(
    snapshot.organisations.map((o) => [o.id, o.codes.find((c) => c.system === "ods")?.value]),
  );
  const merged = new Map<string, string>();
  for (const succession of snapshot.successions) {
    for (const p of succession.predecessorIds) {
      for (const n of succession.successorIds) {
        merged.set(`${codeOfId.get(p)} → ${codeOfId.get(n)}`, succession.valid.from);
      }
    }
  }
  const moves = new Map<string, number>();
  const byLsoa = new Map<string, LsoaAssignment[]>();
  for (const a of assignments) {
    if (a.kind !== "commissioner") continue;
    byLsoa.set(a.lsoaCode, [...(byLsoa.get(a.lsoaCode) ?? []), a]);
  }
  for (const history of byLsoa.values()) {
    for (let i = 1; i < history.length; i++) {
      const before = history[i - 1];
      const after = history[i];
      if (before === undefined || after === undefined || before.area.code === after.area.code) {
        continue;
      }
      const key = `${before.area.code} → ${after.area.code} on ${after.valid.from}`;
      moves.set(key, (moves.get(key) ?? 0) + 1);
    }
  }
  return [...moves]
    .sort(([a], [b]) => compare(a, b))
    .map(([key, n]) => {
      const pair = key.split(" on ")[0] ?? key;
      const date = merged.get(pair);
      return `${key}: ${n} LSOA${n === 1 ? "" : "s"}${date === undefined ? "" : ` (the register records the succession ${pair} on ${date}; answers between then and the lookup follow it)`}`;
    });
};

/**
 * Builds everything from the raw files: the curated records, then the official files the
 * import planners take in (see `imports.ts`). Rejects when the raw files contradict
 * themselves.
 */
export const buildDataset = async (raw: Raw): Promise<Dataset> => {
  const sources = buildSources(raw);
  const districts = readDistricts(raw);
  const lsoas = buildLsoas(raw);

  const icb = buildIcb(raw);
  const commissioners = buildCommissioners(raw, districts);
  const trusts = await buildTrusts(raw);
  const placeOfSubIcb = new Map(
    [...commissioners.subIcbLocationOfPlace].map(([placeId, orgId]) => {
      const org = commissioners.organisations.find(
        (o) => o.id === orgId && o.kind === "sub-icb-location",
      );
      const code = org?.codes.find((c) => c.system === "ods")?.value;
      if (code === undefined) throw new Error(`no ODS code for sub-ICB location ${orgId}`);
      return [code, placeId] as const;
    }),
  );
  const primary = buildPrimaryCare(raw, placeOfSubIcb);

  const placed = [...commissioners.organisations, ...primary.practices, ...primary.pcns];
  const starts = placeStarts(placed);
  const councils = buildCouncils(raw, districts, starts);
  const places = buildPlaces(raw, {
    districts,
    lsoas,
    organisations: placed,
    placeStart: starts,
    subIcbLocationOfPlace: commissioners.subIcbLocationOfPlace,
    councilOf: gssOrganisation,
  });
  const icbGss = icb.codes.find((c) => c.system === "gss")?.value;
  if (icbGss === undefined) throw new Error("the ICB has no GSS code");
  const systems = buildSystem(raw, starts, icbGss);
  const governance = buildGovernance(raw, districts);
  const strategy = buildStrategy(raw);
  const pcnScheme = buildPcnScheme(raw, primary.pcns);
  const trafford = buildTraffordScheme(raw, lsoas);
  const seeds = buildSeedFacts(raw, districts);

  const curated = Snapshot.parse({
    systems: byIdThenDate(systems),
    places: byIdThenDate(places),
    neighbourhoodSchemes: byIdThenDate([pcnScheme.scheme, trafford.scheme]),
    neighbourhoods: byIdThenDate([...pcnScheme.neighbourhoods, ...trafford.neighbourhoods]),
    organisations: byIdThenDate([
      icb,
      ...commissioners.organisations,
      ...trusts.organisations,
      ...councils,
      ...primary.practices,
      ...primary.pcns,
      ...seeds.organisations,
    ]),
    relationships: byIdThenDate([
      ...primary.memberships,
      ...governance.relationships,
      ...seeds.relationships,
    ]),
    successions: byIdThenDate([
      ...commissioners.successions,
      ...trusts.successions,
      ...primary.successions,
    ]),
    governanceBodies: byIdThenDate(governance.bodies),
    collaboratives: byIdThenDate(seeds.collaboratives),
    teams: [],
    pooledBudgets: [],
    decisions: [],
    strategy: byIdThenDate(strategy),
    lsoas,
    sources,
  });
  const imported = await applyImports(raw, curated);
  const snapshot = Snapshot.parse({
    ...imported.snapshot,
    organisations: byIdThenDate(imported.snapshot.organisations),
    relationships: byIdThenDate(imported.snapshot.relationships),
    successions: byIdThenDate(imported.snapshot.successions),
  });
  const findings = checkSnapshot(snapshot);

  const openMembers = new Set(
    primary.memberships.filter((r) => r.valid.to === null).map((r) => r.subjectId),
  );
  const published = publishedDistrictPopulations(raw);
  const sums = districtPopulations(lsoas);
  const { postcodes, note: postcodeNote } = await buildPostcodes(raw, snapshot.lsoas);
  const { assignments, notes: assignmentNotes } = await buildAssignments(raw, snapshot);
  const notes: BuildNotes = {
    clippedMemberships: primary.clipped,
    trustsWithoutSuccessor: trustsWithoutSuccessor(raw),
    practicesWithoutPcn: raw
      .csv("practices")
      .filter(isActivePractice)
      .filter(
        (row) =>
          !openMembers.has(
            primary.practices.find((p) => p.codes[0]?.value === row.ods_code)?.id ?? "",
          ),
      )
      .map((row) => `${row.ods_code} ${row.name}`)
      .sort(compare),
    pcnMembersWithoutListSize: pcnScheme.missingListSizes,
    traffordSplitLsoas: trafford.split,
    traffordCentroidAgreement: trafford.centroidAgreement,
    censusComparison: districts.map(
      (d) => [d.code, d.name, sums.get(d.code) ?? 0, published.get(d.code) ?? 0] as const,
    ),
    reference: {
      lookups: assignmentNotes,
      postcodes: postcodeNote,
      assignments: {
        ward: assignments.filter((a) => a.kind === "ward").length,
        commissioner: assignments.filter((a) => a.kind === "commissioner").length,
      },
      moves: commissionerMoves(assignments, snapshot),
    },
  };

  const files = new Map<(typeof generatedFiles)[number], string>([
    ["snapshot.json", serialiseSnapshot(snapshot)],
    ["postcodes.csv", postcodeCsv(postcodes)],
    ["lsoa-assignments.csv", lsoaAssignmentCsv(assignments)],
    [
      "boundaries/gm_lad_dec2023_super_generalised.geojson",
      reduceGeoJson(raw.text("ladBoundaries")),
    ],
    ["boundaries/gm_lsoa21_super_generalised.geojson", reduceGeoJson(raw.text("lsoaBoundaries"))],
    [
      "boundaries/gm_lad_dec2023_generalised.geojson",
      reduceGeoJson(raw.text("ladBoundariesGeneralised")),
    ],
    [
      "boundaries/gm_lsoa21_generalised.geojson",
      reduceGeoJson(raw.text("lsoaBoundariesGeneralised")),
    ],
    [
      "boundaries/trafford_localities_2023_generalised.geojson",
      reduceGeoJson(raw.text("traffordLocalityBoundaries")),
    ],
    ["DATA-QUALITY.md", dataQualityMarkdown(snapshot, findings, notes)],
    ["ATTRIBUTION.md", attributionMarkdown(sources, attributionSummary(raw))],
  ]);
  return { snapshot, postcodes, assignments, findings, notes, files };
};
