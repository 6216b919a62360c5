/**
 * @module lookups/schemas
 * The response shapes of the lookups: where a postcode, LSOA or practice sits in the
 * system (neighbourhoods per scheme, place, sub-ICB location, ICB) and what holds a code.
 */
import {
  CodeSystem,
  LookupArea,
  Lsoa,
  Neighbourhood,
  NeighbourhoodScheme,
  Organisation,
  Period,
  Place,
  PostcodeRecord,
  Relationship,
  System,
  Vintage,
} from "@care-atlas/domain";
import { z } from "zod";
import { EntityKindName, EntityVersion } from "../changes/schemas.js";

export const NeighbourhoodInScheme = z
  .object({
    neighbourhood: Neighbourhood,
    scheme: NeighbourhoodScheme.nullable().describe(
      "The scheme the neighbourhood belongs to (null when the register lacks it on the date).",
    ),
  })
  .meta({ id: "NeighbourhoodInScheme", description: "A neighbourhood and its scheme." });

/** A lookup assignment's vintage and period. */
export const LookupVintage = z
  .object({
    vintage: Vintage,
    valid: Period.describe(
      "The assignment's period: from its lookup's date until a later one changed it.",
    ),
  })
  .meta({ id: "LookupVintage", description: "The ONS lookup an area comes from, and its period." });

export const WardOnDate = z
  .object({
    code: z.string().describe("The ward's GSS code (E05…)."),
    name: z.string().nullable().describe("The ward's name in its lookup; null when not given."),
    basis: z
      .enum(["postcode", "lsoa"])
      .describe(
        "postcode: the postcode's own ward, from a directory of the ward vintage in force; lsoa: the LSOA's best-fit ward.",
      ),
    vintage: Vintage.nullable().describe(
      "The ward vintage of the answer: the latest ward lookup on or before the date.",
    ),
    lookup: LookupVintage.nullable().describe(
      "For basis lsoa: the assignment's lookup and period.",
    ),
    source: z.string().nullable().describe("The source key of the file that states it."),
  })
  .meta({ id: "WardOnDate", description: "The ward on the date, of one ward vintage." });

export const CommissionerBody = z
  .object({
    code: z.string().describe("The ODS code."),
    name: z.string().nullable().describe("The ICB's name in the lookup; null when not given."),
    organisation: Organisation.nullable().describe("The register's record, when it has one."),
  })
  .meta({ id: "CommissionerBody", description: "A commissioner's ICB on the date." });

export const CommissionerOnDate = z
  .object({
    kind: z
      .enum(["ccg", "sub-icb-location"])
      .describe("A CCG (before July 2022), or a sub-ICB location of an ICB."),
    code: z.string().describe("Its ODS code."),
    name: z.string().nullable().describe("Its name in the lookup; null when not given."),
    organisation: Organisation.nullable().describe(
      "The register's organisation on the date; null when the register has no record of it (it is named as the lookup names it).",
    ),
    icb: CommissionerBody.nullable().describe("Its ICB on the date; null before ICBs."),
    basis: z
      .enum(["lsoa", "district"])
      .describe(
        "lsoa: the LSOA's own assignment; district: the lookups do not place the LSOA, and all its district's LSOAs are in one commissioner.",
      ),
    lookup: LookupVintage.extend({
      area: LookupArea,
      areaKind: z
        .enum(["ccg", "sub-icb-location"])
        .describe("What kind of area the lookup assigns: a CCG or a sub-ICB location."),
      source: z.string().describe("The source key of the lookup file."),
    }).describe("The lookup the answer comes from, and the area it names."),
    successionPath: z
      .array(z.string())
      .describe("When the lookup's commissioner had closed by the date: the ids to the one named."),
    note: z.string().nullable().describe("What the register does not know, in words."),
  })
  .meta({
    id: "CommissionerOnDate",
    description: "The commissioner on the date, from the ONS LSOA lookups.",
  });

const chain = {
  place: Place.nullable().describe("The place (locality) on the date; null when none."),
  ccg: Organisation.nullable().describe("The CCG on the date (before July 2022)."),
  subIcbLocation: Organisation.nullable().describe("The NHS sub-ICB location on the date."),
  icb: Organisation.nullable().describe("The integrated care board on the date."),
  system: System.nullable().describe("The integrated care system on the date; null when none."),
  commissioner: CommissionerOnDate.nullable().describe(
    "The commissioner on the date (CCG or sub-ICB location), from the ONS LSOA lookups.",
  ),
};

export const LsoaLookup = z
  .object({
    code: z.string().describe("The LSOA's code."),
    lsoa: Lsoa.nullable().describe(
      "The register's LSOA; null when the register knows the LSOA only from the ONS lookups.",
    ),
    ward: WardOnDate.nullable(),
    neighbourhoods: z
      .array(NeighbourhoodInScheme)
      .describe("Geographic neighbourhoods whose footprint lists the LSOA, one per scheme."),
    ...chain,
  })
  .meta({ id: "LsoaLookup", description: "Where an LSOA sits in the system on a date." });

export const PostcodeLookup = z
  .object({
    code: z.string().describe("The LSOA's code."),
    postcode: PostcodeRecord.describe(
      "The postcode as its directory states it; its wardCode only when of the ward vintage in force.",
    ),
    status: z
      .enum(["live", "terminated"])
      .describe("live on the date, or terminated (postcode.terminated says when)."),
    lsoa: Lsoa,
    ward: WardOnDate.nullable().describe("The ward on the date, of one ward vintage."),
    neighbourhoods: z
      .array(NeighbourhoodInScheme)
      .describe(
        "Geographic neighbourhoods whose footprint lists the postcode's LSOA, one per scheme.",
      ),
    ...chain,
  })
  .meta({ id: "PostcodeLookup", description: "Where a postcode sits in the system on a date." });

export const PracticeLookup = z
  .object({
    practice: Organisation,
    pcn: Organisation.nullable().describe("The PCN the practice belongs to on the date."),
    membership: Relationship.nullable().describe(
      "The practice's member-of relationship to its PCN on the date; null when none.",
    ),
    neighbourhoods: z
      .array(NeighbourhoodInScheme)
      .describe("Neighbourhoods whose footprint lists the practice or its PCN."),
    ...chain,
  })
  .meta({ id: "PracticeLookup", description: "A GP practice → PCN → neighbourhood → place." });

export const CodeMatch = z
  .object({
    kind: z
      .enum(["system", "place", "organisation", "lsoa"])
      .describe("What kind of record holds the code."),
    id: z.string().describe("The entity id (for an LSOA, its code)."),
    system: CodeSystem,
    code: z.string().describe("The code, as the record holds it."),
    period: Period.nullable().describe("When the record held the code; null for LSOAs."),
    version: z
      .union([System, Place, Organisation, Lsoa])
      .describe("The record's version on the date (the latest, for a closed code)."),
  })
  .meta({ id: "CodeMatch", description: "A record holding a code." });

export const Successor = z
  .object({
    id: z.string().describe("The successor's id."),
    kind: EntityKindName.nullable().describe("The successor's kind."),
    version: EntityVersion.describe("The successor's version valid on the date."),
    path: z.array(z.string()).describe("The ids from the closed entity to this successor."),
  })
  .meta({ id: "Successor", description: "An entity carrying a closed one on at the date." });

export const CodeLookup = z
  .object({
    code: z.string().describe("The code asked about (trimmed, upper case)."),
    matches: z
      .array(CodeMatch)
      .describe("The records that hold the code (on the date when it is held then, else ever)."),
    closed: z
      .boolean()
      .describe("True when nothing holds the code on the date: the matches are past holders."),
    successors: z
      .array(Successor)
      .describe("For a closed code: who carries its holders on at the date."),
  })
  .meta({ id: "CodeLookup", description: "What an ODS or GSS code names." });

/** Where one postcode of a bulk lookup sits, by reference into `included`. */
export const BulkPostcodeResult = z
  .object({
    postcode: PostcodeRecord,
    status: z
      .enum(["live", "terminated"])
      .describe("live on the date, or terminated (postcode.terminated says when)."),
    lsoaCode: z.string().describe("Key into included.lsoas."),
    msoaCode: z
      .string()
      .nullable()
      .describe("The GSS code of the LSOA's MSOA (E02…); null when the register does not know it."),
    wardCode: z
      .string()
      .nullable()
      .describe(
        "The GSS code of the ward on the date (E05…), of one ward vintage; null if unknown.",
      ),
    ccgId: z.string().nullable().describe("Key into included.organisations."),
    neighbourhoodIds: z
      .array(z.string())
      .describe("Keys into included.neighbourhoods (their schemes: included.schemes)."),
    placeId: z.string().nullable().describe("Key into included.places."),
    subIcbLocationId: z.string().nullable().describe("Key into included.organisations."),
    icbId: z.string().nullable().describe("Key into included.organisations."),
    systemId: z.string().nullable().describe("Key into included.systems."),
  })
  .meta({
    id: "BulkPostcodeResult",
    description: "Where a postcode sits, by reference; null when the postcode has an error.",
  });

/** One answer of a bulk postcode lookup. */
export const BulkPostcodeItem = z
  .object({
    input: z.string().describe("The text sent."),
    postcode: z.string().nullable().describe("The normalised postcode, when valid."),
    result: BulkPostcodeResult.nullable(),
    error: z
      .object({
        code: z
          .enum(["invalid-postcode", "outside-coverage", "not-found"])
          .describe(
            "invalid-postcode: not a UK postcode; outside-coverage: the register does not hold it (it holds other areas' postcodes); not-found: not yet introduced on the date.",
          ),
        detail: z.string().describe("What is wrong, in words."),
      })
      .nullable()
      .describe("Why there is no result; null when there is one."),
  })
  .meta({ id: "BulkPostcodeItem", description: "The answer for one postcode of a bulk lookup." });

/** The records the items of a bulk lookup refer to, each once. */
export const BulkIncluded = z
  .object({
    lsoas: z.record(z.string(), Lsoa).describe("LSOAs by code."),
    neighbourhoods: z.record(z.string(), Neighbourhood).describe("Neighbourhoods by id."),
    schemes: z.record(z.string(), NeighbourhoodScheme).describe("Neighbourhood schemes by id."),
    places: z.record(z.string(), Place).describe("Places by id."),
    organisations: z.record(z.string(), Organisation).describe("Sub-ICB locations and ICBs by id."),
    systems: z.record(z.string(), System).describe("Systems by id."),
  })
  .meta({ id: "BulkIncluded", description: "Records referred to by the items, by key." });
