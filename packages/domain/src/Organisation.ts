/**
 * @module Organisation
 * Organisations of the care system — statutory NHS bodies, councils, GP practices, PCNs,
 * the voluntary sector, police — with their codes, dated roles and place.
 */
import { z } from "zod";
import { ExternalIdentifier } from "./ExternalIdentifier.js";
import { fieldMeta } from "./FieldMeta.js";
import { OrganisationId, PlaceId } from "./Id.js";
import { Name, recordFields } from "./internal/record.js";
import { CanonicalPostcode } from "./Lsoa.js";
import { Period } from "./Period.js";
import { PopulationFigure } from "./Population.js";

/**
 * The kinds of organisation. A kind belongs to a version, so an organisation whose nature
 * changes (a CCG that became a sub-ICB location on 1 July 2022) keeps its id and gets a new
 * version.
 */
export const OrganisationKind = z
  .enum([
    "icb",
    "sub-icb-location",
    "ccg",
    "local-authority",
    "combined-authority",
    "nhs-trust",
    "gp-practice",
    "pcn",
    "vcfse",
    "police",
    "other",
  ])
  .meta({
    id: "OrganisationKind",
    description:
      "icb: integrated care board; sub-icb-location; ccg: clinical commissioning group; local-authority; combined-authority; nhs-trust; gp-practice; pcn: primary care network; vcfse: voluntary, community, faith and social enterprise; police; other.",
  })
  .register(fieldMeta, { label: "Kind", hint: false });
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** What an organisation does in the system, for a period. */
export const OrganisationRoleKind = z
  .enum(["commissioner", "provider", "primary-care-provider", "convenor", "partner"])
  .meta({ id: "OrganisationRoleKind", description: "A role an organisation plays in the system." })
  .register(fieldMeta, { label: "Role" });
export type OrganisationRoleKind = z.infer<typeof OrganisationRoleKind>;

/** A dated role. */
export const OrganisationRole = z
  .object({ role: OrganisationRoleKind, period: Period })
  .meta({ id: "OrganisationRole", description: "A role an organisation plays, with its period." });
export type OrganisationRole = z.infer<typeof OrganisationRole>;

/**
 * A person who holds an office in an organisation, as a source names them and their title
 * (e.g. "Chair designate").
 *
 * @example
 * ```ts
 * import { Officer } from "@care-atlas/domain";
 * Officer.parse({ name: "Synthetic Person", title: "Chief Executive" });
 * ```
 */
export const Officer = z
  .object({
    name: Name.describe("The office holder's name, as the source gives it.").register(fieldMeta, {
      label: "Name",
    }),
    title: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe("The office held, e.g. Chief Executive.")
      .register(fieldMeta, { label: "Title" }),
  })
  .meta({ id: "Officer", description: "A person holding an office in an organisation." });
export type Officer = z.infer<typeof Officer>;

/**
 * A version of an organisation.
 *
 * @example
 * ```ts
 * import { Organisation } from "@care-atlas/domain";
 * Organisation.parse({
 *   id: "org_0000000001",
 *   kind: "gp-practice",
 *   name: "Synthetic Medical Practice",
 *   codes: [{ system: "ods", value: "Z99999" }],
 *   valid: { from: "2020-04-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const Organisation = z
  .object({
    id: OrganisationId.describe("The organisation's id (org_…), stable for ever."),
    kind: OrganisationKind,
    name: Name.describe("The organisation's name in this version."),
    codes: z
      .array(ExternalIdentifier)
      .default([])
      .register(fieldMeta, { label: "Codes" })
      .describe("Its ODS and GSS codes, each with its period when it changed."),
    roles: z
      .array(OrganisationRole)
      .default([])
      .register(fieldMeta, { label: "Roles" })
      .describe("The roles it holds (commissioner, provider…), each with its period."),
    placeId: PlaceId.optional()
      .describe("The place the organisation is in or serves, when it is one place.")
      .register(fieldMeta, { label: "Place" }),
    parentId: OrganisationId.optional()
      .describe("e.g. a sub-ICB location's ICB.")
      .register(fieldMeta, { label: "Parent organisation" }),
    postcode: CanonicalPostcode.optional().register(fieldMeta, { label: "Postcode" }),
    population: PopulationFigure.optional()
      .describe("For a GP practice: its registered list size, with its date and source.")
      .register(fieldMeta, { label: "Population" }),
    officers: z
      .array(Officer)
      .optional()
      .describe("Office holders a source names for this version (chair, chief executive…).")
      .register(fieldMeta, { label: "Officers" }),
    ...recordFields,
  })
  .meta({ id: "Organisation", description: "An organisation of the care system." });
export type Organisation = z.infer<typeof Organisation>;
