/**
 * @module lookups/schemas
 * The response shapes of the lookups: where a postcode, LSOA or practice sits in the
 * system (neighbourhoods per scheme, place, sub-ICB location, ICB) and what holds a code.
 */
import {
  CodeSystem,
  Lsoa,
  Neighbourhood,
  NeighbourhoodScheme,
  Organisation,
  Period,
  Place,
  PostcodeLocation,
  Relationship,
  System,
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

const chain = {
  place: Place.nullable().describe("The place (locality) on the date; null when none."),
  subIcbLocation: Organisation.nullable().describe("The NHS sub-ICB location of the place."),
  icb: Organisation.nullable().describe("The integrated care board."),
  system: System.nullable().describe("The integrated care system on the date; null when none."),
};

export const LsoaLookup = z
  .object({
    lsoa: Lsoa,
    neighbourhoods: z
      .array(NeighbourhoodInScheme)
      .describe("Geographic neighbourhoods whose footprint lists the LSOA, one per scheme."),
    ...chain,
  })
  .meta({ id: "LsoaLookup", description: "Where an LSOA sits in the system on a date." });

export const PostcodeLookup = z
  .object({
    postcode: PostcodeLocation,
    lsoa: Lsoa,
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
    postcode: PostcodeLocation,
    lsoaCode: z.string().describe("Key into included.lsoas."),
    msoaCode: z.string().describe("The GSS code of the LSOA's MSOA (E02…)."),
    wardCode: z
      .string()
      .nullable()
      .describe("The GSS code of the electoral ward (E05…), if known."),
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
          .enum(["invalid-postcode", "not-found"])
          .describe("invalid-postcode: not a UK postcode; not-found: not in the register."),
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
