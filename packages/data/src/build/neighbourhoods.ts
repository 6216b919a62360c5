/**
 * @module neighbourhoods
 * No open list of Greater Manchester's neighbourhoods exists, so two schemes are derived and
 * labelled as such: (a) one neighbourhood per open PCN, on a registered-population basis;
 * (b) Trafford Council's four localities, as LSOA footprints derived from the postcode file.
 * Both can be replaced by official definitions later: a scheme is just data.
 */
import type { Lsoa, Neighbourhood, NeighbourhoodScheme, Organisation } from "@care-atlas/domain";
import { containsPoint, readFeatures } from "./boundaries.js";
import { earliest } from "./dates.js";
import { censusDate, compare, field } from "./geography.js";
import { gmSystem, odsOrganisation, placeOf, stableId } from "./ids.js";
import { listSizeDate, readListSizes, readMemberships } from "./primaryCare.js";
import type { Raw } from "./raw.js";
import { sourceKeys as S } from "./sourceCatalogue.js";

/** What the PCN-footprint scheme is, in one sentence the README and report reuse. */
export const pcnSchemeDescription =
  "Derived, not official: one neighbourhood per PCN open in ePCN (January 2023), on a registered-population basis (the PCN's member practices' lists). No open list of Greater Manchester's neighbourhoods exists (seed 000 speaks of 66); PCNs are the nearest published units, and they are not the same thing. Replace with official definitions when a place publishes them.";

/** What the Trafford scheme is. */
export const traffordSchemeDescription =
  "Trafford Council's four council-defined localities (Central, North, South, West), which are official council areas aligned to wards but are not published as Trafford's integrated care neighbourhoods. Footprints are derived: each LSOA goes to the locality of most of its postcodes in the ONS Postcode Directory (February 2025). Status 'derived' because the LSOA footprints and their use as neighbourhoods are ours.";

/** One neighbourhood per open PCN. */
export const buildPcnScheme = (
  raw: Raw,
  pcns: ReadonlyArray<Organisation>,
): { scheme: NeighbourhoodScheme; neighbourhoods: Neighbourhood[]; missingListSizes: string[] } => {
  const sizes = readListSizes(raw);
  const memberships = readMemberships(raw);
  const open = pcns.filter((pcn) => pcn.valid.to === null);
  const from = earliest(open.map((pcn) => pcn.valid.from));
  if (from === undefined) throw new Error("no open PCNs");
  const schemeId = stableId("neighbourhoodScheme", "pcn-footprints:ods:QOP");
  const missingListSizes: string[] = [];
  const neighbourhoods = open.map((pcn): Neighbourhood => {
    const code = pcn.codes.find((c) => c.system === "ods")?.value ?? "";
    if (pcn.placeId === undefined) throw new Error(`PCN ${code} has no place`);
    const current = memberships
      .filter((m) => m.pcn === code && m.end === "")
      .map((m) => m.practice)
      .sort(compare);
    const missing = current.filter((practice) => !sizes.has(practice));
    missingListSizes.push(...missing.map((practice) => `${practice} (${code})`));
    const value = current.reduce((sum, practice) => sum + (sizes.get(practice) ?? 0), 0);
    const derivation = `Derived from PCN membership, ePCN January 2023; list sizes NHS Digital January 2021: the sum of the registered patients (1 January 2021) of its ${current.length} core partners with no relationship_end_date in ePCN (${current.join(", ")})${missing.length > 0 ? `; ${missing.join(", ")} had no January 2021 list and count as 0` : ""}.`;
    return {
      id: stableId("neighbourhood", `pcn-footprint:ods:${code}`),
      name: pcn.name,
      placeId: pcn.placeId,
      schemeId,
      footprint: { lsoas: [], pcnIds: [odsOrganisation(code)], practiceIds: [] },
      population: {
        value,
        basis: "registered",
        date: listSizeDate,
        source: S.listSizes,
        derivation,
      },
      valid: pcn.valid,
      provenance: {
        sources: [S.pcns, S.pcnCorePartners, S.listSizes],
        derivation: `Derived from PCN membership, ePCN January 2023: the footprint is PCN ${code}'s registered lists; valid while the PCN is open (ePCN open_date).`,
      },
    };
  });
  const scheme: NeighbourhoodScheme = {
    id: schemeId,
    name: "PCN footprints (derived from ePCN, January 2023)",
    systemId: gmSystem(),
    basis: "registered-population",
    status: "derived",
    description: pcnSchemeDescription,
    valid: { from, to: null },
    provenance: {
      sources: [S.pcns, S.pcnCorePartners, S.listSizes, S.seed000],
      derivation: `Derived from PCN membership, ePCN January 2023. valid.from is the earliest open_date of the ${open.length} open PCNs.`,
    },
  };
  return { scheme, neighbourhoods, missingListSizes };
};

/** An LSOA whose postcodes lie in more than one locality. */
export interface SplitLsoa {
  readonly code: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly locality: string;
  /** How a tie was broken, if there was one. */
  readonly tieBreak?: string;
}

/** The date of the postcode directory the Trafford footprints come from. */
const traffordFootprintDate = "2025-02-13";

/** Trafford's four localities as LSOA footprints. */
export const buildTraffordScheme = (
  raw: Raw,
  lsoas: ReadonlyArray<Lsoa>,
): {
  scheme: NeighbourhoodScheme;
  neighbourhoods: Neighbourhood[];
  split: SplitLsoa[];
  centroidAgreement: { agree: number; total: number };
} => {
  const trafford = "E08000009";
  const placeId = placeOf(trafford);
  const traffordLsoas = new Map(
    lsoas.filter((l) => l.districtCode === trafford).map((l) => [l.code, l]),
  );

  // The locality of each postcode, and the (locality, ward) pairs it implies.
  const counts = new Map<string, Map<string, number>>();
  const pairs = new Set<string>();
  for (const row of raw.csv("traffordPostcodes")) {
    const lsoa = field(row, "lsoa_code");
    const locality = field(row, "locality");
    if (!traffordLsoas.has(lsoa))
      throw new Error(`postcode ${row.postcode} is in LSOA ${lsoa}, not a Trafford LSOA`);
    const byLocality = counts.get(lsoa) ?? new Map<string, number>();
    byLocality.set(locality, (byLocality.get(locality) ?? 0) + 1);
    counts.set(lsoa, byLocality);
    pairs.add(`${locality} ${field(row, "ward_code")}`);
  }
  const published = new Set(
    raw
      .csv("traffordLocalityWards")
      .map((row) => `${field(row, "locality")} ${field(row, "ward_code")}`),
  );
  if (published.size !== pairs.size || [...pairs].some((pair) => !published.has(pair))) {
    throw new Error(
      "the postcode file's (locality, ward) pairs differ from the locality-ward file",
    );
  }

  const boundaries = readFeatures(raw.text("traffordLocalityBoundaries")).features;
  const boundaryOf = (locality: string) => {
    const feature = boundaries.find((f) => f.properties.area_name === locality);
    if (feature === undefined) throw new Error(`no boundary for locality ${locality}`);
    return feature;
  };
  const centroidIn = (lsoa: Lsoa, locality: string): boolean =>
    lsoa.centroid !== undefined &&
    containsPoint(boundaryOf(locality), [lsoa.centroid.lon, lsoa.centroid.lat]);

  const assigned = new Map<string, string[]>();
  const split: SplitLsoa[] = [];
  let agree = 0;
  for (const [code, lsoa] of [...traffordLsoas].sort(([a], [b]) => compare(a, b))) {
    const byLocality = counts.get(code);
    if (byLocality === undefined) throw new Error(`Trafford LSOA ${code} has no postcodes`);
    const ranked = [...byLocality].sort(([a, x], [b, y]) => y - x || compare(a, b));
    const [first, second] = ranked;
    if (first === undefined) throw new Error(`Trafford LSOA ${code} has no postcodes`);
    let locality = first[0];
    let tieBreak: string | undefined;
    if (second !== undefined && second[1] === first[1]) {
      const tied = ranked.filter(([, n]) => n === first[1]).map(([name]) => name);
      const containing = tied.filter((name) => centroidIn(lsoa, name));
      const [only] = containing;
      if (containing.length !== 1 || only === undefined)
        throw new Error(`cannot break the tie for LSOA ${code}`);
      locality = only;
      tieBreak = `${tied.join(" and ")} tie; the LSOA centroid (gm_lsoa21_lookup) lies in ${only}'s boundary`;
    }
    if (ranked.length > 1) {
      split.push({
        code,
        counts: Object.fromEntries(ranked),
        locality,
        ...(tieBreak === undefined ? {} : { tieBreak }),
      });
    }
    if (centroidIn(lsoa, locality)) agree++;
    assigned.set(locality, [...(assigned.get(locality) ?? []), code]);
  }

  const schemeId = stableId("neighbourhoodScheme", "trafford-localities-2023");
  const neighbourhoods = [...assigned]
    .sort(([a], [b]) => compare(a, b))
    .map(([locality, codes]): Neighbourhood => {
      const people = codes.reduce(
        (sum, code) => sum + (traffordLsoas.get(code)?.population?.value ?? 0),
        0,
      );
      const splits = split.filter((s) => s.locality === locality).map((s) => s.code);
      return {
        id: stableId("neighbourhood", `trafford-locality:${locality}`),
        name: `Trafford locality: ${locality}`,
        placeId,
        schemeId,
        footprint: { lsoas: codes, pcnIds: [], practiceIds: [] },
        population: {
          value: people,
          basis: "resident",
          date: censusDate,
          source: S.censusLsoa,
          derivation: `Sum of the Census 2021 usual residents of its ${codes.length} LSOAs.`,
        },
        valid: { from: traffordFootprintDate, to: null },
        provenance: {
          sources: [
            S.traffordPostcodes,
            S.traffordLocalityWards,
            S.traffordLocalityBoundaries,
            S.lsoaLookup,
            S.censusLsoa,
          ],
          derivation: `Council-defined locality "${locality}" (Trafford Council, via the postcode file's locality column). Footprint derived: the ${codes.length} LSOAs most of whose postcodes (ONS Postcode Directory, February 2025) are in this locality${splits.length > 0 ? `; ${splits.length} of them (${splits.join(", ")}) also have postcodes in another locality` : ""}. valid.from is the postcode directory's date (${traffordFootprintDate}).`,
        },
      };
    });

  const scheme: NeighbourhoodScheme = {
    id: schemeId,
    name: "Trafford localities (council-defined, 2023)",
    systemId: gmSystem(),
    placeId,
    basis: "geographic",
    status: "derived",
    description: traffordSchemeDescription,
    valid: { from: traffordFootprintDate, to: null },
    provenance: {
      sources: [S.traffordPostcodes, S.traffordLocalityWards, S.traffordLocalityBoundaries],
      derivation: `Trafford Council's localities and their wards (2023); LSOA footprints derived from the ONS Postcode Directory of ${traffordFootprintDate}.`,
    },
  };
  return { scheme, neighbourhoods, split, centroidAgreement: { agree, total: traffordLsoas.size } };
};
