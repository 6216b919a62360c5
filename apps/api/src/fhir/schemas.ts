/**
 * @module fhir/schemas
 * The FHIR R4 resources the facade answers, as zod schemas of exactly the elements it
 * fills (the handlers' bodies are checked against them; the tests validate every answer
 * against the R4 definitions as well).
 */
import { z } from "zod";

const Coding = z
  .object({
    system: z.string().describe("The code system."),
    code: z.string().describe("The code."),
    display: z.string().optional().describe("The code's meaning, in words."),
  })
  .describe("A code from a code system.");
const CodeableConcept = z
  .object({
    coding: z.array(Coding).optional().describe("The codes."),
    text: z.string().optional().describe("The concept in words."),
  })
  .describe("A concept, as codes and text.");
const Period = z
  .object({
    start: z.string().optional().describe("The first day (YYYY-MM-DD)."),
    end: z.string().optional().describe("The last day (YYYY-MM-DD), when it has ended."),
  })
  .describe("When it holds (FHIR periods include their end).");
const Identifier = z
  .object({
    system: z.string().describe("The namespace of the identifier, e.g. ODS's."),
    value: z.string().describe("The identifier, e.g. an ODS code."),
    period: Period.optional().describe("When the identifier was held."),
  })
  .describe("An identifier of the record.");
const Reference = z
  .object({
    reference: z.string().optional().describe("The resource referred to (`Type/id`)."),
    identifier: Identifier.optional().describe("The record referred to, by its identifier."),
    display: z.string().optional().describe("Its name."),
  })
  .describe("A reference to another resource.");
const Meta = z
  .object({
    versionId: z.string().optional().describe("The version (the record's revision)."),
    lastUpdated: z.string().optional().describe("When the record was last recorded."),
    profile: z.array(z.string()).optional().describe("The profiles the resource claims."),
  })
  .describe("About the resource.");

const values = {
  valueCode: z.string().optional().describe("A coded value."),
  valueDate: z.string().optional().describe("A date value."),
  valueString: z.string().optional().describe("A text value."),
  valueReference: Reference.optional().describe("A reference value."),
};
/** A complex extension of simple ones (two levels: all the facade writes). */
const Extension = z
  .object({
    url: z.string().describe("The extension's definition."),
    ...values,
    extension: z
      .array(
        z
          .object({ url: z.string().describe("The part's name."), ...values })
          .describe("One part of the extension."),
      )
      .optional()
      .describe("The extension's parts."),
  })
  .describe("An extension (e.g. a succession).");

const base = {
  id: z.string().describe("The register's id of the record."),
  meta: Meta,
  extension: z.array(Extension).optional().describe("Extensions, e.g. the successions."),
};

export const FhirOrganization = z
  .object({
    resourceType: z.literal("Organization").describe("Always `Organization`."),
    ...base,
    identifier: z
      .array(Identifier)
      .optional()
      .describe("Its ODS code (UK Core's odsOrganisationCode slice) and GSS codes."),
    active: z.boolean().describe("Whether it is valid on the date asked for."),
    type: z.array(CodeableConcept).describe("Its kind (ICB, GP practice, PCN…)."),
    name: z.string().describe("Its name on the date."),
    address: z
      .array(z.object({ postalCode: z.string().describe("The postcode.") }).describe("An address."))
      .optional()
      .describe("Its postcode."),
    partOf: Reference.optional().describe("A sub-ICB location's ICB, a practice's PCN."),
  })
  .meta({ id: "FhirOrganization", description: "A FHIR R4 Organization." });

export const FhirOrganizationAffiliation = z
  .object({
    resourceType: z
      .literal("OrganizationAffiliation")
      .describe("Always `OrganizationAffiliation`."),
    ...base,
    active: z.boolean().describe("Whether it holds on the date asked for."),
    period: Period,
    organization: Reference.describe("The organisation, collaborative or body joined."),
    participatingOrganization: Reference.describe("The organisation that is a member."),
    code: z.array(CodeableConcept).describe("How it takes part (member, lead, chair…)."),
  })
  .meta({ id: "FhirOrganizationAffiliation", description: "A FHIR R4 OrganizationAffiliation." });

export const FhirCareTeam = z
  .object({
    resourceType: z.literal("CareTeam").describe("Always `CareTeam`."),
    ...base,
    status: z.enum(["active", "inactive"]).describe("Whether it is valid on the date asked for."),
    name: z.string().describe("The team's name."),
    period: Period,
    managingOrganization: z
      .array(Reference)
      .optional()
      .describe("The organisation that leads the team."),
    participant: z
      .array(
        z
          .object({
            role: z.array(CodeableConcept).describe("The role (one of the 18 team roles)."),
            member: Reference.optional().describe("Who fills the role, where known."),
            onBehalfOf: Reference.optional().describe("The organisation hosting the role."),
          })
          .describe("A role of the team."),
      )
      .describe("The team's roles."),
    note: z
      .array(z.object({ text: z.string().describe("The note.") }).describe("A note."))
      .optional()
      .describe("Notes, e.g. headcounts."),
  })
  .meta({ id: "FhirCareTeam", description: "A FHIR R4 CareTeam." });

export const FhirLocation = z
  .object({
    resourceType: z.literal("Location").describe("Always `Location`."),
    ...base,
    identifier: z.array(Identifier).optional().describe("The area's GSS code."),
    status: z.enum(["active", "inactive"]).describe("Whether it is valid on the date asked for."),
    name: z.string().describe("The place's or neighbourhood's name."),
    mode: z.literal("kind").describe("An area, not one building."),
    type: z.array(CodeableConcept).describe("Place or neighbourhood."),
    physicalType: CodeableConcept.describe("An area (`area`)."),
    partOf: Reference.optional().describe("A neighbourhood's place."),
    managingOrganization: Reference.optional().describe("A place's council."),
  })
  .meta({ id: "FhirLocation", description: "A FHIR R4 Location (an area)." });

export const FhirResource = z.union([
  FhirOrganization,
  FhirOrganizationAffiliation,
  FhirCareTeam,
  FhirLocation,
]);
export type FhirResource = z.infer<typeof FhirResource>;

export const FhirBundle = z
  .object({
    resourceType: z.literal("Bundle").describe("Always `Bundle`."),
    type: z.enum(["searchset", "history"]).describe("A search's answer, or a history."),
    total: z.number().int().nonnegative().optional().describe("How many entries in all."),
    link: z
      .array(
        z
          .object({
            relation: z.string().describe("`self`, `first` or `next`."),
            url: z.string().describe("The page's URL."),
          })
          .describe("A link to a page."),
      )
      .describe("This page, the first, and the next when there is one."),
    entry: z
      .array(
        z
          .object({
            fullUrl: z.string().optional().describe("The resource's URL."),
            resource: FhirResource.optional().describe("The resource."),
            search: z
              .object({ mode: z.literal("match").describe("It matched the search.") })
              .optional()
              .describe("Why it is in a search's answer."),
            request: z
              .object({
                method: z
                  .enum(["POST", "PUT", "DELETE"])
                  .describe("What the change did: created, changed, removed."),
                url: z.string().describe("The version's URL."),
              })
              .optional()
              .describe("A history entry's change."),
            response: z
              .object({
                status: z.string().describe("The change's status (201, 200, 204)."),
                lastModified: z.string().optional().describe("When it was recorded."),
              })
              .optional()
              .describe("A history entry's outcome."),
          })
          .describe("One resource of the Bundle."),
      )
      .describe("The resources."),
  })
  .meta({ id: "FhirBundle", description: "A FHIR R4 Bundle: a search set or a history." });
export const FhirOperationOutcome = z
  .object({
    resourceType: z.literal("OperationOutcome").describe("Always `OperationOutcome`."),
    issue: z
      .array(
        z.object({
          severity: z
            .enum(["fatal", "error", "warning", "information"])
            .describe("How bad it is (`error` for a request the facade refused)."),
          code: z
            .string()
            .describe("FHIR's issue type code, e.g. `invalid`, `not-found`, `transient`."),
          diagnostics: z.string().optional().describe("What went wrong, in words."),
          expression: z
            .array(z.string())
            .optional()
            .describe("The parameters or elements it is about."),
        }),
      )
      .describe("What went wrong, one issue at a time."),
  })
  .meta({
    id: "FhirOperationOutcome",
    description: "A FHIR R4 OperationOutcome: what went wrong.",
  });
export type FhirOperationOutcome = z.infer<typeof FhirOperationOutcome>;

const SearchParam = z.object({
  name: z.string().describe("The parameter's name, as sent in a query string."),
  definition: z
    .string()
    .optional()
    .describe("The canonical URL of FHIR's definition of the parameter, where it has one."),
  type: z
    .enum(["token", "string", "date", "reference", "number", "special"])
    .describe("FHIR's search parameter type."),
  documentation: z.string().describe("What the parameter matches here."),
});

export const FhirCapabilityStatement = z
  .object({
    resourceType: z.literal("CapabilityStatement").describe("Always `CapabilityStatement`."),
    status: z.literal("active").describe("The statement is in force."),
    date: z.string().describe("When the statement was made (the server's start)."),
    kind: z.literal("instance").describe("It describes this running server."),
    software: z
      .object({
        name: z.string().describe("The software's name."),
        version: z.string().describe("The API's version."),
      })
      .describe("The software behind the facade."),
    implementation: z
      .object({ description: z.string().describe("What the facade is, in words.") })
      .describe("This installation."),
    fhirVersion: z.literal("4.0.1").describe("The FHIR version (R4)."),
    format: z.array(z.string()).describe("The formats the facade answers in."),
    rest: z
      .array(
        z.object({
          mode: z.literal("server").describe("The facade is a server."),
          documentation: z.string().describe("How the facade reads the register."),
          resource: z
            .array(
              z.object({
                type: z.string().describe("The resource type."),
                profile: z.string().optional().describe("The profile every one of them claims."),
                supportedProfile: z
                  .array(z.string())
                  .optional()
                  .describe("Profiles some of them claim."),
                documentation: z.string().describe("What register records it stands for."),
                interaction: z
                  .array(
                    z.object({
                      code: z
                        .enum(["read", "search-type", "history-instance"])
                        .describe("An interaction the facade supports."),
                    }),
                  )
                  .describe("What can be done with it."),
                versioning: z.literal("versioned").describe("Each change is a version."),
                readHistory: z.literal(false).describe("Past versions are not read by id."),
                searchParam: z.array(SearchParam).describe("Its search parameters."),
              }),
            )
            .describe("The resource types the facade serves."),
        }),
      )
      .describe("The REST interface."),
  })
  .meta({ id: "FhirCapabilityStatement", description: "What the FHIR facade supports." });
