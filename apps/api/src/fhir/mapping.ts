/**
 * @module fhir/mapping
 * Register records as FHIR R4 resources, on a date:
 *
 * - an organisation → `Organization` (UK Core: its ODS code in the `odsOrganisationCode`
 *   identifier slice, `https://fhir.nhs.uk/Id/ods-organization-code`; GSS codes under
 *   {@link systems.gss}); `active` = it has a version valid on the date; `partOf` = a sub-ICB
 *   location's ICB, a practice's PCN; its successions as the {@link successionExtension};
 * - a relationship between organisations (a practice's PCN membership, a collaborative's
 *   members, a board's governance links) → `OrganizationAffiliation` with its period;
 * - an integrated neighbourhood team → `CareTeam`, a participant per role (host
 *   organisation as `onBehalfOf`);
 * - a place or neighbourhood → `Location` in `kind` mode (an area).
 *
 * Codes Care Atlas defines (kinds, roles, relationship kinds) are in code systems named by
 * URNs under `urn:care-atlas:fhir:` (not resolvable: they are listed in the README).
 */
import {
  codeOf,
  contains,
  type Neighbourhood,
  type NeighbourhoodTeam,
  type Organisation,
  type Place,
  type Relationship,
  type Succession,
} from "@care-atlas/domain";
import type { z } from "zod";
import type {
  FhirCareTeam,
  FhirLocation,
  FhirOrganization,
  FhirOrganizationAffiliation,
} from "./schemas.js";

export const systems = {
  ods: "https://fhir.nhs.uk/Id/ods-organization-code",
  odsSite: "https://fhir.nhs.uk/Id/ods-site-code",
  gss: "urn:care-atlas:fhir:Id:ons-gss-code",
  organisationKind: "urn:care-atlas:fhir:CodeSystem:organisation-kind",
  relationshipKind: "urn:care-atlas:fhir:CodeSystem:relationship-kind",
  teamRole: "urn:care-atlas:fhir:CodeSystem:team-role",
  areaKind: "urn:care-atlas:fhir:CodeSystem:area-kind",
  locationPhysicalType: "http://terminology.hl7.org/CodeSystem/location-physical-type",
} as const;

/** The UK Core profile Organization resources claim. */
export const ukCoreOrganization = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization";

/** The extension that carries an organisation's successions (see the README). */
export const successionExtension =
  "urn:care-atlas:fhir:StructureDefinition:organisation-succession";

type Org = z.infer<typeof FhirOrganization>;

/** What mapping needs beside the record: when each record was last recorded, and links. */
export interface MappingContext {
  readonly date: string;
  readonly lastUpdated: (id: string) => string | undefined;
  readonly name: (id: string) => string;
}

const meta = (ctx: MappingContext, id: string, profile?: string) => {
  const lastUpdated = ctx.lastUpdated(id);
  return {
    ...(lastUpdated === undefined ? {} : { lastUpdated }),
    ...(profile === undefined ? {} : { profile: [profile] }),
  };
};

const period = (valid: { from: string; to: string | null }) => ({
  start: valid.from,
  ...(valid.to === null ? {} : { end: valid.to }),
});

const reference = (type: string, id: string, display?: string) => ({
  reference: `${type}/${id}`,
  ...(display === undefined ? {} : { display }),
});

/** An organisation as a FHIR Organization (see the module comment). */
export const toOrganization = (
  organisation: Organisation,
  ctx: MappingContext,
  links: {
    readonly partOf?: string | undefined;
    readonly successions: ReadonlyArray<Succession>;
  },
): Org => {
  const identifier = organisation.codes
    .filter((code) => code.period === undefined || contains(code.period, ctx.date))
    .map((code) => ({
      system: code.system === "ods" ? systems.ods : systems.gss,
      value: code.value,
    }));
  const extension = links.successions.map((succession) => {
    const predecessor = succession.successorIds.includes(organisation.id);
    const others = predecessor ? succession.predecessorIds : succession.successorIds;
    return {
      url: successionExtension,
      extension: [
        { url: "type", valueCode: predecessor ? "predecessor" : "successor" },
        { url: "kind", valueCode: succession.kind },
        { url: "date", valueDate: succession.valid.from },
        ...others.map((id) => ({
          url: "target",
          valueReference: reference("Organization", id, ctx.name(id)),
        })),
      ],
    };
  });
  return {
    resourceType: "Organization",
    id: organisation.id,
    meta: meta(ctx, organisation.id, ukCoreOrganization),
    ...(extension.length === 0 ? {} : { extension }),
    ...(identifier.length === 0 ? {} : { identifier }),
    active: contains(organisation.valid, ctx.date),
    type: [{ coding: [{ system: systems.organisationKind, code: organisation.kind }] }],
    name: organisation.name,
    ...(organisation.postcode === undefined
      ? {}
      : { address: [{ postalCode: organisation.postcode }] }),
    ...(links.partOf === undefined
      ? {}
      : { partOf: reference("Organization", links.partOf, ctx.name(links.partOf)) }),
  };
};

/** Whether a relationship links two organisations (what an OrganizationAffiliation is). */
export const betweenOrganisations = (relationship: Relationship): boolean =>
  relationship.subjectId.startsWith("org_") && relationship.objectId.startsWith("org_");

/** A relationship between two organisations as an OrganizationAffiliation. */
export const toAffiliation = (
  relationship: Relationship,
  ctx: MappingContext,
): z.infer<typeof FhirOrganizationAffiliation> => ({
  resourceType: "OrganizationAffiliation",
  id: relationship.id,
  meta: meta(ctx, relationship.id),
  active: contains(relationship.valid, ctx.date),
  period: period(relationship.valid),
  // The organisation the link is to (a PCN, a collaborative's lead body, a board) and the
  // one that takes part in it (the practice, the member).
  organization: reference("Organization", relationship.objectId, ctx.name(relationship.objectId)),
  participatingOrganization: reference(
    "Organization",
    relationship.subjectId,
    ctx.name(relationship.subjectId),
  ),
  code: [
    {
      coding: [{ system: systems.relationshipKind, code: relationship.kind }],
      ...(relationship.role === undefined ? {} : { text: relationship.role }),
    },
  ],
});

/** An integrated neighbourhood team as a CareTeam. */
export const toCareTeam = (
  team: NeighbourhoodTeam,
  ctx: MappingContext,
): z.infer<typeof FhirCareTeam> => ({
  resourceType: "CareTeam",
  id: team.id,
  meta: meta(ctx, team.id),
  status: contains(team.valid, ctx.date) ? "active" : "inactive",
  name: team.name,
  period: period(team.valid),
  ...(team.leadOrganisationId === undefined
    ? {}
    : {
        managingOrganization: [
          reference("Organization", team.leadOrganisationId, ctx.name(team.leadOrganisationId)),
        ],
      }),
  participant: team.members.map((member) => ({
    role: [
      {
        coding: [{ system: systems.teamRole, code: member.role }],
        ...(member.headcount === undefined ? {} : { text: `headcount ${member.headcount}` }),
      },
    ],
    onBehalfOf: reference(
      "Organization",
      member.hostOrganisationId,
      ctx.name(member.hostOrganisationId),
    ),
  })),
  note: [{ text: `Serves ${ctx.name(team.neighbourhoodId)} (Location/${team.neighbourhoodId}).` }],
});

const area = (kind: "place" | "neighbourhood") => [
  { coding: [{ system: systems.areaKind, code: kind }] },
];

/** A place as a Location (an area). */
export const toPlaceLocation = (
  place: Place,
  ctx: MappingContext,
): z.infer<typeof FhirLocation> => {
  const gss = codeOf(place.codes, "gss", ctx.date);
  return {
    resourceType: "Location",
    id: place.id,
    meta: meta(ctx, place.id),
    ...(gss === undefined ? {} : { identifier: [{ system: systems.gss, value: gss }] }),
    status: contains(place.valid, ctx.date) ? "active" : "inactive",
    name: place.name,
    mode: "kind",
    type: area("place"),
    physicalType: {
      coding: [{ system: systems.locationPhysicalType, code: "area", display: "Area" }],
    },
    ...(place.councilId === undefined
      ? {}
      : {
          managingOrganization: reference(
            "Organization",
            place.councilId,
            ctx.name(place.councilId),
          ),
        }),
  };
};

/** A neighbourhood as a Location (an area, part of its place). */
export const toNeighbourhoodLocation = (
  neighbourhood: Neighbourhood,
  ctx: MappingContext,
): z.infer<typeof FhirLocation> => ({
  resourceType: "Location",
  id: neighbourhood.id,
  meta: meta(ctx, neighbourhood.id),
  status: contains(neighbourhood.valid, ctx.date) ? "active" : "inactive",
  name: neighbourhood.name,
  mode: "kind",
  type: area("neighbourhood"),
  physicalType: {
    coding: [{ system: systems.locationPhysicalType, code: "area", display: "Area" }],
  },
  partOf: reference("Location", neighbourhood.placeId, ctx.name(neighbourhood.placeId)),
});
