/**
 * @module dataset
 * The whole build, as one pure function from the raw files to the generated files: the
 * snapshot (validated with the domain's `Snapshot` schema and checked with its rules), the
 * postcode sample, the boundaries, and the attribution and data-quality documents.
 */
import { checkSnapshot, type Finding, Snapshot } from "@care-atlas/domain";
import { parsePostcodeCsv } from "../PostcodeCsv.js";
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
import { attributionMarkdown, type BuildNotes, dataQualityMarkdown } from "./reports.js";
import { postcodeCsv, serialiseSnapshot } from "./serialise.js";
import { attributionSummary, buildSources } from "./sources.js";
import { buildStrategy } from "./strategy.js";

/** The generated files, by path relative to `generated/`. */
export const generatedFiles = [
  "snapshot.json",
  "postcodes.csv",
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
  const trusts = buildTrusts(raw);
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
    ]),
    relationships: byIdThenDate([...primary.memberships, ...governance.relationships]),
    successions: byIdThenDate([
      ...commissioners.successions,
      ...trusts.successions,
      ...primary.successions,
    ]),
    governanceBodies: byIdThenDate(governance.bodies),
    collaboratives: [],
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
  };

  const postcodes = parsePostcodeCsv(raw.text("traffordPostcodes"), {
    onSkip: (line, reason) => {
      throw new Error(`Trafford postcode file line ${line}: ${reason}`);
    },
  });

  const files = new Map<(typeof generatedFiles)[number], string>([
    ["snapshot.json", serialiseSnapshot(snapshot)],
    ["postcodes.csv", postcodeCsv(postcodes)],
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
  return { snapshot, findings, notes, files };
};
