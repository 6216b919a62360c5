/**
 * @module fhir/capability
 * The CapabilityStatement of the facade: exactly the resources, interactions and search
 * parameters the routes serve (the routes' own parameter lists are built from the same
 * table, and a test compares the two).
 */
import type { z } from "zod";
import { apiVersion } from "../openapiDocument.js";
import { successionExtension, systems, ukCoreOrganization } from "./mapping.js";
import type { FhirCapabilityStatement } from "./schemas.js";

type SearchParam = z.infer<
  typeof FhirCapabilityStatement
>["rest"][number]["resource"][number]["searchParam"][number];

const common: SearchParam[] = [
  {
    name: "valid-at",
    type: "date",
    documentation:
      "The date the facts were true, YYYY-MM-DD (default today): the same as /v1's validAt. Reads take it too.",
  },
  { name: "_count", type: "number", documentation: "Resources per page, 1–1000 (default 50)." },
  {
    name: "_cursor",
    type: "string",
    documentation: "Where a page starts: taken from the Bundle's next link.",
  },
];

/** The search parameters of each resource type. */
export const searchParameters = {
  Organization: [
    {
      name: "identifier",
      definition: "http://hl7.org/fhir/SearchParameter/Organization-identifier",
      type: "token",
      documentation: `[system|]code: an ODS code (${systems.ods}) or an ONS GSS code (${systems.gss}).`,
    },
    {
      name: "name",
      definition: "http://hl7.org/fhir/SearchParameter/Organization-name",
      type: "string",
      documentation:
        "The name starts with the text (case-insensitive); name:contains: the name contains it.",
    },
    {
      name: "active",
      definition: "http://hl7.org/fhir/SearchParameter/Organization-active",
      type: "token",
      documentation:
        "true: the organisation has a version valid on valid-at; false: it has none then (closed, or not yet open).",
    },
    {
      name: "type",
      definition: "http://hl7.org/fhir/SearchParameter/Organization-type",
      type: "token",
      documentation: `[${systems.organisationKind}|]kind: icb, sub-icb-location, ccg, local-authority, combined-authority, nhs-trust, gp-practice, pcn, vcfse, police, other.`,
    },
    {
      name: "partOf",
      definition: "http://hl7.org/fhir/SearchParameter/Organization-partof",
      type: "reference",
      documentation: "Organization/<id>: a sub-ICB location's ICB, a practice's PCN on valid-at.",
    },
    {
      name: "_lastUpdated",
      type: "date",
      documentation:
        "When the register last recorded a change to the organisation (prefixes eq, ne, gt, ge, lt, le, sa, eb).",
    },
    ...common,
  ],
  OrganizationAffiliation: [
    {
      name: "organization",
      definition: "http://hl7.org/fhir/SearchParameter/OrganizationAffiliation-primary-organizer",
      type: "reference",
      documentation:
        "Organization/<id>: the organisation the link is to (a PCN, a collaborative, a board).",
    },
    {
      name: "participating-organization",
      definition:
        "http://hl7.org/fhir/SearchParameter/OrganizationAffiliation-participating-organization",
      type: "reference",
      documentation: "Organization/<id>: the organisation taking part (a practice, a member).",
    },
    ...common,
  ],
  CareTeam: [...common],
  Location: [
    {
      name: "type",
      definition: "http://hl7.org/fhir/SearchParameter/Location-type",
      type: "token",
      documentation: `place or neighbourhood (${systems.areaKind}).`,
    },
    ...common,
  ],
} satisfies Record<string, SearchParam[]>;

const interactions = [
  { code: "read" as const },
  { code: "search-type" as const },
  { code: "history-instance" as const },
];

/** The CapabilityStatement. */
export const capabilityStatement = (): z.infer<typeof FhirCapabilityStatement> => ({
  resourceType: "CapabilityStatement",
  status: "active",
  date: "2026-01-01",
  kind: "instance",
  software: { name: "Care Atlas", version: apiVersion },
  implementation: {
    description:
      "Care Atlas: the register of Greater Manchester's integrated care system, read-only as FHIR R4.",
  },
  fhirVersion: "4.0.1",
  format: ["application/fhir+json"],
  rest: [
    {
      mode: "server",
      documentation: `Read-only. Every read and search takes valid-at (the date the facts were true). Errors are OperationOutcome resources. Organisations' successions (merges, splits, renames, transfers) are in the extension ${successionExtension}: sub-extensions type (predecessor: this organisation came from the targets; successor: it went into them), kind, date, target (one per organisation on the other side).`,
      resource: [
        {
          type: "Organization",
          supportedProfile: [ukCoreOrganization],
          documentation:
            "Organisations of the register: ODS codes in UK Core's odsOrganisationCode identifier slice; partOf for sub-ICB location → ICB and practice → PCN.",
          interaction: interactions,
          versioning: "versioned",
          readHistory: false,
          searchParam: searchParameters.Organization,
        },
        {
          type: "OrganizationAffiliation",
          documentation:
            "Relationships between organisations: PCN memberships, collaborative memberships and leads, governance links (accountable to, reports to, chair of), with their periods.",
          interaction: interactions,
          versioning: "versioned",
          readHistory: false,
          searchParam: searchParameters.OrganizationAffiliation,
        },
        {
          type: "CareTeam",
          documentation:
            "Integrated neighbourhood teams: one participant per role, with the host organisation as onBehalfOf.",
          interaction: interactions,
          versioning: "versioned",
          readHistory: false,
          searchParam: searchParameters.CareTeam,
        },
        {
          type: "Location",
          documentation:
            "Places and neighbourhoods as areas (mode kind, physical type area); a neighbourhood is partOf its place. Not claimed as UK Core: no ODS site code applies.",
          interaction: interactions,
          versioning: "versioned",
          readHistory: false,
          searchParam: searchParameters.Location,
        },
      ],
    },
  ],
});
