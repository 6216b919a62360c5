/**
 * @module places
 * Greater Manchester's system and its 10 places. Each place has two versions: before the ICB
 * (from the earliest date an organisation is recorded in it) and from 1 July 2022, when it
 * gains its sub-ICB location and a place-based lead. Populations are the Census 2021 counts
 * of the place's LSOAs, summed.
 */
import type { IsoDate, Lsoa, Organisation, Place, System } from "@care-atlas/domain";
import { earliest } from "./dates.js";
import { censusDate, type District, districtPopulations } from "./geography.js";
import { gmSystem, odsOrganisation, placeOf } from "./ids.js";
import { icbCode, icbStart } from "./organisations.js";
import { quoted } from "./quotes.js";
import type { Raw } from "./raw.js";
import { sourceKeys as S } from "./sourceCatalogue.js";

/**
 * Each place's start in this dataset: the earliest `valid.from` of the organisations placed
 * in it (councils aside, which start with their place).
 */
export const placeStarts = (organisations: ReadonlyArray<Organisation>): Map<string, IsoDate> => {
  const starts = new Map<string, IsoDate[]>();
  for (const organisation of organisations) {
    if (organisation.placeId === undefined || organisation.kind === "local-authority") continue;
    starts.set(organisation.placeId, [
      ...(starts.get(organisation.placeId) ?? []),
      organisation.valid.from,
    ]);
  }
  return new Map([...starts].map(([placeId, dates]) => [placeId, earliest(dates) as IsoDate]));
};

/** Which organisation gives a place its start, for the derivation. */
const firstOrganisation = (
  organisations: ReadonlyArray<Organisation>,
  placeId: string,
  from: IsoDate,
): string => {
  const first = organisations
    .filter((o) => o.placeId === placeId && o.kind !== "local-authority" && o.valid.from === from)
    .map((o) => o.codes.find((c) => c.system === "ods")?.value ?? o.name)
    .sort();
  return `${first.length} organisation${first.length === 1 ? "" : "s"} (e.g. ODS ${first.slice(0, 3).join(", ")})`;
};

/** The inputs {@link buildPlaces} needs from the other modules. */
export interface PlaceInputs {
  readonly districts: ReadonlyArray<District>;
  readonly lsoas: ReadonlyArray<Lsoa>;
  /** Every organisation that has a place (practices, PCNs, CCGs…), councils excluded. */
  readonly organisations: ReadonlyArray<Organisation>;
  readonly placeStart: ReadonlyMap<string, IsoDate>;
  /** Place id → its sub-ICB location's id. */
  readonly subIcbLocationOfPlace: ReadonlyMap<string, string>;
  readonly councilOf: (districtCode: string) => string;
}

/** The 10 places, two versions each, sorted by id then date. */
export const buildPlaces = (raw: Raw, inputs: PlaceInputs): Place[] => {
  const populations = districtPopulations(inputs.lsoas);
  const lead = quoted(
    raw,
    "seed000",
    "One person – a ‘place based lead’ will coordinate all of this.",
  );
  const boards = quoted(
    raw,
    "seed000",
    "We’ll have local integrated care partnerships, overseen by a Board with people from the council, NHS, voluntary sector and wider partners reflective of each place.",
  );
  const places: Place[] = [];
  for (const district of inputs.districts) {
    const id = placeOf(district.code);
    const from = inputs.placeStart.get(id);
    const subIcbLocationId = inputs.subIcbLocationOfPlace.get(id);
    const people = populations.get(district.code);
    if (from === undefined || subIcbLocationId === undefined || people === undefined) {
      throw new Error(`place ${district.code} lacks a start, a sub-ICB location or LSOAs`);
    }
    const base = {
      id,
      name: district.name,
      systemId: gmSystem(),
      codes: [{ system: "gss" as const, value: district.code }],
      councilId: inputs.councilOf(district.code),
      population: {
        value: people,
        basis: "resident" as const,
        date: censusDate,
        source: S.censusLsoa,
        derivation: `Sum of the Census 2021 usual residents of the ${inputs.lsoas.filter((l) => l.districtCode === district.code).length} LSOAs whose district (lad22cd) is ${district.code}.`,
      },
    };
    const start = `valid.from ${from} is the earliest date an organisation is recorded in this place: ${firstOrganisation(inputs.organisations, id, from)}. The district is not dated in the raw files.`;
    places.push({
      ...base,
      valid: { from, to: icbStart },
      provenance: {
        sources: [S.localAuthorities, S.lsoaLookup, S.censusLsoa, S.practices, S.eccg],
        derivation: `${start} This version ends when the ICB began (${icbStart}, seed 000).`,
      },
    });
    places.push({
      ...base,
      subIcbLocationId,
      placeBasedLead: { title: "Place based lead" },
      valid: { from: icbStart, to: null },
      provenance: {
        sources: [S.localAuthorities, S.lsoaLookup, S.censusLsoa, S.eccg, S.seed000],
        derivation: `From ${icbStart}, when NHS Greater Manchester Integrated Care began (seed 000), the place has its sub-ICB location (ODS eccg) and a place-based lead; seed 000: "${boards} ${lead}" The lead's holder is not named in the sources.`,
      },
    });
  }
  return places;
};

/** Greater Manchester's system: before the ICB, and GM Integrated Care Partnership from it. */
export const buildSystem = (
  raw: Raw,
  placeStart: ReadonlyMap<string, IsoDate>,
  icbGss: string,
): System[] => {
  const from = earliest(placeStart.values());
  if (from === undefined) throw new Error("no places");
  const name = "GM Integrated Care Partnership";
  quoted(raw, "seed000", `Our system will be called ${name}`);
  const levels = quoted(
    raw,
    "seed000",
    "Our system partnership will operate at three levels: neighbourhood, locality and Greater Manchester and will have a single vision and strategy.",
  );
  const partnerships = quoted(
    raw,
    "seed000",
    "In addition there will be similar partnerships in each of GM’s ten districts or localities.",
  );
  const longstanding = quoted(
    raw,
    "seed000",
    "an evolution of the longstanding Health and Social Care Partnership",
  );
  return [
    {
      id: gmSystem(),
      name: "Greater Manchester",
      codes: [],
      description:
        "Greater Manchester's health and care system before GM Integrated Care Partnership: its 10 districts and the NHS bodies and practices in them.",
      valid: { from, to: icbStart },
      provenance: {
        sources: [S.localAuthorities, S.seed000],
        derivation: `Named after the combined authority area (cauth_nm). Seed 000 calls the partnership "${longstanding}" but gives neither that partnership's name nor its start; valid.from is the earliest start of its places in this dataset. Ends when the ICB began (${icbStart}).`,
      },
    },
    {
      id: gmSystem(),
      name,
      codes: [{ system: "gss", value: icbGss }],
      icbId: odsOrganisation(icbCode),
      description: `The system partnership works at three levels — neighbourhood, locality (the 10 places) and Greater Manchester — with NHS Greater Manchester Integrated Care and a partnership in each locality. Seed 000: "${levels} ${partnerships}"`,
      valid: { from: icbStart, to: null },
      provenance: {
        sources: [S.seed000, S.icbNames],
        derivation: `Name from seed 000 ("Our system will be called ${name}"); from ${icbStart}, when the ICB began (seed 000). GSS code: the ONS code of the ICB's area (ICB names and codes, December 2024), which the system and its ICB share.`,
      },
    },
  ];
};
