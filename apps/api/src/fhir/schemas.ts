/**
 * @module fhir/schemas
 * The FHIR R4 resources the facade answers, as zod schemas of exactly the elements it
 * fills (the handlers' bodies are checked against them; the tests validate every answer
 * against the R4 definitions as well).
 */
import { z } from "zod";

const Coding = z.object({
  system: z.string(),
  code: z.string(),
  display: z.string().optional(),
});
const CodeableConcept = z.object({
  coding: z.array(Coding).optional(),
  text: z.string().optional(),
});
const Period = z.object({ start: z.string().optional(), end: z.string().optional() });
const Identifier = z.object({ system: z.string(), value: z.string(), period: Period.optional() });
const Reference = z.object({
  reference: z.string().optional(),
  identifier: Identifier.optional(),
  display: z.string().optional(),
});
const Meta = z.object({
  versionId: z.string().optional(),
  lastUpdated: z.string().optional(),
  profile: z.array(z.string()).optional(),
});

const values = {
  valueCode: z.string().optional(),
  valueDate: z.string().optional(),
  valueString: z.string().optional(),
  valueReference: Reference.optional(),
};
/** A complex extension of simple ones (two levels: all the facade writes). */
const Extension = z.object({
  url: z.string(),
  ...values,
  extension: z.array(z.object({ url: z.string(), ...values })).optional(),
});

const base = {
  id: z.string(),
  meta: Meta,
  extension: z.array(Extension).optional(),
};

export const FhirOrganization = z
  .object({
    resourceType: z.literal("Organization"),
    ...base,
    identifier: z.array(Identifier).optional(),
    active: z.boolean(),
    type: z.array(CodeableConcept),
    name: z.string(),
    address: z.array(z.object({ postalCode: z.string() })).optional(),
    partOf: Reference.optional(),
  })
  .meta({ id: "FhirOrganization", description: "A FHIR R4 Organization." });

export const FhirOrganizationAffiliation = z
  .object({
    resourceType: z.literal("OrganizationAffiliation"),
    ...base,
    active: z.boolean(),
    period: Period,
    organization: Reference,
    participatingOrganization: Reference,
    code: z.array(CodeableConcept),
  })
  .meta({ id: "FhirOrganizationAffiliation", description: "A FHIR R4 OrganizationAffiliation." });

export const FhirCareTeam = z
  .object({
    resourceType: z.literal("CareTeam"),
    ...base,
    status: z.enum(["active", "inactive"]),
    name: z.string(),
    period: Period,
    managingOrganization: z.array(Reference).optional(),
    participant: z.array(
      z.object({
        role: z.array(CodeableConcept),
        member: Reference.optional(),
        onBehalfOf: Reference.optional(),
      }),
    ),
    note: z.array(z.object({ text: z.string() })).optional(),
  })
  .meta({ id: "FhirCareTeam", description: "A FHIR R4 CareTeam." });

export const FhirLocation = z
  .object({
    resourceType: z.literal("Location"),
    ...base,
    identifier: z.array(Identifier).optional(),
    status: z.enum(["active", "inactive"]),
    name: z.string(),
    mode: z.literal("kind"),
    type: z.array(CodeableConcept),
    physicalType: CodeableConcept,
    partOf: Reference.optional(),
    managingOrganization: Reference.optional(),
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
    resourceType: z.literal("Bundle"),
    type: z.enum(["searchset", "history"]),
    total: z.number().int().nonnegative().optional(),
    link: z.array(z.object({ relation: z.string(), url: z.string() })),
    entry: z.array(
      z.object({
        fullUrl: z.string().optional(),
        resource: FhirResource.optional(),
        search: z.object({ mode: z.literal("match") }).optional(),
        request: z
          .object({ method: z.enum(["POST", "PUT", "DELETE"]), url: z.string() })
          .optional(),
        response: z.object({ status: z.string(), lastModified: z.string().optional() }).optional(),
      }),
    ),
  })
  .meta({ id: "FhirBundle", description: "A FHIR R4 Bundle: a search set or a history." });

export const FhirOperationOutcome = z
  .object({
    resourceType: z.literal("OperationOutcome"),
    issue: z.array(
      z.object({
        severity: z.enum(["fatal", "error", "warning", "information"]),
        code: z.string(),
        diagnostics: z.string().optional(),
        expression: z.array(z.string()).optional(),
      }),
    ),
  })
  .meta({
    id: "FhirOperationOutcome",
    description: "A FHIR R4 OperationOutcome: what went wrong.",
  });
export type FhirOperationOutcome = z.infer<typeof FhirOperationOutcome>;

const SearchParam = z.object({
  name: z.string(),
  definition: z.string().optional(),
  type: z.enum(["token", "string", "date", "reference", "number", "special"]),
  documentation: z.string(),
});

export const FhirCapabilityStatement = z
  .object({
    resourceType: z.literal("CapabilityStatement"),
    status: z.literal("active"),
    date: z.string(),
    kind: z.literal("instance"),
    software: z.object({ name: z.string(), version: z.string() }),
    implementation: z.object({ description: z.string() }),
    fhirVersion: z.literal("4.0.1"),
    format: z.array(z.string()),
    rest: z.array(
      z.object({
        mode: z.literal("server"),
        documentation: z.string(),
        resource: z.array(
          z.object({
            type: z.string(),
            profile: z.string().optional(),
            supportedProfile: z.array(z.string()).optional(),
            documentation: z.string(),
            interaction: z.array(
              z.object({ code: z.enum(["read", "search-type", "history-instance"]) }),
            ),
            versioning: z.literal("versioned"),
            readHistory: z.literal(false),
            searchParam: z.array(SearchParam),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "FhirCapabilityStatement", description: "What the FHIR facade supports." });
