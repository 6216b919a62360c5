/**
 * @module seedFacts
 * Records the seed documents state and no open data holds: the single, integrated local
 * care organisation of each of the ten boroughs (seed 002; Manchester's named in seeds 002
 * and 003, and its "single local care service" in seed 004), the A Bed Every Night alliance
 * and, in Bolton, Bolton NHS Foundation Trust's nurses working with St John Ambulance and
 * the Homeless Aid UK shelter (seed 002), Greater Manchester Police as a partner (seed 002),
 * and the chair and chief executive designate of NHS Greater Manchester Integrated Care
 * (seed 000). Each record quotes its seed, and the build checks the quote.
 */
import type {
  Collaborative,
  IsoDate,
  Officer,
  Organisation,
  Relationship,
} from "@care-atlas/domain";
import type { District } from "./geography.js";
import { gmSystem, odsOrganisation, placeOf, stableId } from "./ids.js";
import { quoted } from "./quotes.js";
import type { Raw } from "./raw.js";
import { sourceKeys as S } from "./sourceCatalogue.js";

/** Manchester's district code. */
const manchester = "E08000003";
/** Bolton's district code. */
const bolton = "E08000001";

/**
 * The start given to what only seed 002 (undated) states: the first day of 2016, the year
 * the seed names as the beginning of the devolved system whose way of working it describes.
 */
export const seed002From: IsoDate = "2016-01-01";

const seed002Date = (raw: Raw): string => {
  const since = quoted(
    raw,
    "seed002",
    "since the first days of our devolved health and care system in 2016",
  );
  return `Seed 002 is undated; it describes this as part of Greater Manchester's integrated care "${since}". valid.from is ${seed002From}, the first day of that year: no source gives the day it began, and it may have begun later. The open end means no end is recorded.`;
};

/** What {@link buildSeedFacts} makes. */
export interface SeedFacts {
  readonly organisations: Organisation[];
  readonly collaboratives: Collaborative[];
  readonly relationships: Relationship[];
}

/** The records of the seeds, for the districts of the dataset. */
export const buildSeedFacts = (raw: Raw, districts: ReadonlyArray<District>): SeedFacts => {
  const systemId = gmSystem();
  const dated = seed002Date(raw);
  const single = quoted(
    raw,
    "seed002",
    "Our way of working is based on a single, integrated, commissioning organisation for each of the 10 boroughs of Greater Manchester and a single, integrated, local care organisation on the same footprint.",
  );
  const ownMethod = quoted(
    raw,
    "seed002",
    "Each borough has developed its own method of implementing a local care organisation and we have not been prescriptive in exactly how the model should work.",
  );
  const manchesterName = quoted(raw, "seed002", "Manchester local care organisation");
  const establishing = quoted(
    raw,
    "seed003",
    "As part of the plan, Manchester is also establishing a local care organisation, designed to integrate out of hospital care.",
  );
  const pillar = quoted(
    raw,
    "seed004",
    "a single commissioning body, a single hospital service, and a single local care service",
  );
  if (districts.length !== 10) throw new Error(`expected 10 districts, got ${districts.length}`);

  const collaboratives: Collaborative[] = districts.map((district): Collaborative => {
    const isManchester = district.code === manchester;
    return {
      id: stableId("collaborative", `local-care-organisation:gss:${district.code}`),
      name: isManchester ? manchesterName : `${district.name} local care organisation`,
      level: "place",
      systemId,
      placeId: placeOf(district.code),
      purposes: ["integration"],
      description: isManchester
        ? `Manchester's single, integrated local care organisation, "designed to integrate out of hospital care" (seed 003).`
        : `${district.name}'s single, integrated local care organisation, on the footprint of the borough (seed 002).`,
      strategyLinks: [],
      valid: { from: isManchester ? "2016-07-18" : seed002From, to: null },
      provenance: isManchester
        ? {
            sources: [S.seed002, S.seed003, S.seed004],
            derivation: `Seed 002: "${single}" It names "${manchesterName}". Seed 003 (dated 18.07.16): "${establishing}" valid.from is 2016-07-18, the earliest date a source speaks of it, as being established; no source says when it was established. Seed 004 counts "${pillar}" among the pillars of Manchester's locality plan. The open end means no end is recorded.`,
          }
        : {
            sources: [S.seed002, S.localAuthorities],
            derivation: `Seed 002: "${single}" and "${ownMethod}" The seed names none of the boroughs' organisations but Manchester's: the name is descriptive, and how ${district.name} implemented it is not in the sources. ${dated}`,
          },
    };
  });

  // A Bed Every Night (seed 002).
  const aben = quoted(
    raw,
    "seed002",
    "An alliance of public, private, third and faith sectors has come together under the Mayor of Greater Manchester A Bed Every Night initiative – cutting rough sleeping rates by 37% in a year.",
  );
  collaboratives.push({
    id: stableId("collaborative", "a-bed-every-night-alliance"),
    name: "A Bed Every Night alliance",
    level: "system",
    systemId,
    purposes: ["integration"],
    description:
      "An alliance of the public, private, third and faith sectors under the Mayor of Greater Manchester's A Bed Every Night initiative, tackling rough sleeping.",
    strategyLinks: [],
    valid: { from: seed002From, to: null },
    provenance: {
      sources: [S.seed002],
      derivation: `Seed 002: "${aben}" Its members are not named in the sources. ${dated}`,
    },
  });

  // In Bolton: Bolton NHS FT's nurses, St John Ambulance, the Homeless Aid UK shelter.
  const boltonWords = quoted(
    raw,
    "seed002",
    "In Bolton – just one example – nurses from Bolton NHS Foundation Trust work alongside volunteers from St John Ambulance and the Homeless Aid UK shelter to provide treatment and advice in privacy and dignity off the streets.",
  );
  const partnershipId = stableId("collaborative", "bolton-rough-sleeping-health-partnership");
  collaboratives.push({
    id: partnershipId,
    name: "Bolton NHS Foundation Trust, St John Ambulance and Homeless Aid UK partnership",
    level: "place",
    systemId,
    placeId: placeOf(bolton),
    purposes: ["integration"],
    description:
      "Nurses from Bolton NHS Foundation Trust working alongside volunteers from St John Ambulance and the Homeless Aid UK shelter, providing treatment and advice to people sleeping rough, off the streets.",
    strategyLinks: [],
    valid: { from: seed002From, to: null },
    provenance: {
      sources: [S.seed002],
      derivation: `Seed 002: "${boltonWords}" Named descriptively: the seed names no partnership. ${dated}`,
    },
  });

  const vcfse = (key: string, name: string, words: string): Organisation => ({
    id: stableId("organisation", key),
    kind: "vcfse",
    name,
    codes: [],
    roles: [{ role: "partner", period: { from: seed002From, to: null } }],
    valid: { from: seed002From, to: null },
    provenance: {
      sources: [S.seed002],
      derivation: `Seed 002: "${words}" The seed gives no code, address or date for it. ${dated}`,
    },
  });
  const stJohn = vcfse("vcfse:st-john-ambulance", "St John Ambulance", boltonWords);
  const homelessAid = vcfse("vcfse:homeless-aid-uk", "Homeless Aid UK", boltonWords);

  const partners = quoted(
    raw,
    "seed002",
    "And it’s with our wider public sector partners like Greater Manchester Police and the Greater Manchester Combined Authority",
  );
  const police: Organisation = {
    id: stableId("organisation", "police:greater-manchester-police"),
    kind: "police",
    name: "Greater Manchester Police",
    codes: [],
    roles: [{ role: "partner", period: { from: seed002From, to: null } }],
    valid: { from: seed002From, to: null },
    provenance: {
      sources: [S.seed002],
      derivation: `Seed 002: "${partners}". The seed gives no code for it. ${dated}`,
    },
  };

  const member = (subjectId: string, role: string): Relationship => ({
    id: stableId("relationship", `member-of:${subjectId}>${partnershipId}:${seed002From}`),
    kind: "member-of",
    subjectId,
    objectId: partnershipId,
    role,
    valid: { from: seed002From, to: null },
    provenance: {
      sources: [S.seed002],
      derivation: `Seed 002: "${boltonWords}" ${dated}`,
    },
  });

  return {
    organisations: [police, stJohn, homelessAid],
    collaboratives,
    relationships: [
      member(odsOrganisation("RMC"), "nurses"),
      member(stJohn.id, "volunteers"),
      member(homelessAid.id, "the Homeless Aid UK shelter's volunteers"),
    ],
  };
};

/** The ICB's chair and chief executive designate, as seed 000 names them. */
export const icbOfficers = (raw: Raw): { officers: Officer[]; derivation: string } => {
  const words = quoted(
    raw,
    "seed000",
    "Sir Richard Leese has been confirmed as Chair designate and Mark Fisher as Chief Executive designate.",
  );
  return {
    officers: [
      { name: "Sir Richard Leese", title: "Chair designate" },
      { name: "Mark Fisher", title: "Chief Executive designate" },
    ],
    derivation: `Officers: seed 000 (8 April 2022), "${words}" — as the seed names them before the ICB began; later office holders and titles are not in the sources.`,
  };
};
