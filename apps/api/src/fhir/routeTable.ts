/**
 * @module fhir/routeTable
 * The facade's routes as data: `metadata`, and read, search and `_history` of each resource
 * type, with their parameters, FHIR JSON answers and OperationOutcome failures.
 */
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { etagHeaders, readSecurity } from "../routes/shared/openapi.js";
import { searchParameters } from "./capability.js";
import {
  affiliationQuery,
  careTeamQuery,
  historyQuery,
  locationQuery,
  organizationQuery,
  readQuery,
} from "./params.js";
import {
  FhirBundle,
  FhirCapabilityStatement,
  FhirCareTeam,
  FhirLocation,
  FhirOperationOutcome,
  FhirOrganization,
  FhirOrganizationAffiliation,
} from "./schemas.js";

/** Where the facade is mounted. */
export const base = "/fhir/R4";

const fhirContent = <S extends z.ZodType>(schema: S) => ({ "application/fhir+json": { schema } });
const failures = {
  400: {
    description: "A parameter is unknown or malformed.",
    content: fhirContent(FhirOperationOutcome),
  },
  401: { description: "A key is needed.", content: fhirContent(FhirOperationOutcome) },
  404: { description: "No such resource on the date.", content: fhirContent(FhirOperationOutcome) },
  429: {
    description:
      "Too many requests: the rate limit of the key (or of the client address) is reached; `Retry-After` says when to try again.",
    headers: z.object({
      "Retry-After": z.string().describe("Seconds until the request could be made."),
    }),
    content: fhirContent(FhirOperationOutcome),
  },
  503: { description: "The service is unavailable.", content: fhirContent(FhirOperationOutcome) },
};

const idParam = (prefix: string) =>
  z.object({
    id: z
      .string()
      .regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,40}$`), { error: `must be a ${prefix}_ id` })
      .meta({ param: { name: "id", in: "path" } }),
  });

/** The resource types the facade serves. */
export type Type = "Organization" | "OrganizationAffiliation" | "CareTeam" | "Location";
const resourceSchemas = {
  Organization: FhirOrganization,
  OrganizationAffiliation: FhirOrganizationAffiliation,
  CareTeam: FhirCareTeam,
  Location: FhirLocation,
} as const;

const readRoute = <T extends Type>(type: T, prefix: string) =>
  createRoute({
    method: "get",
    path: `${base}/${type}/{id}`,
    tags: ["FHIR"],
    operationId: `fhirRead${type}`,
    summary: `Read a FHIR ${type}`,
    description: `The ${type} as it was on \`valid-at\` (default today).`,
    security: readSecurity,
    request: { params: idParam(prefix), query: readQuery },
    responses: {
      200: {
        description: `The ${type}.`,
        headers: etagHeaders,
        content: fhirContent(resourceSchemas[type]),
      },
      ...failures,
    },
  });

const searchRoute = <T extends Type, Q extends z.ZodObject>(type: T, query: Q) =>
  createRoute({
    method: "get",
    path: `${base}/${type}`,
    tags: ["FHIR"],
    operationId: `fhirSearch${type}`,
    summary: `Search FHIR ${type} resources`,
    description: `A searchset Bundle, by id, a page at a time (\`next\` link). Parameters: ${searchParameters[type].map((p) => `\`${p.name}\``).join(", ")}.`,
    security: readSecurity,
    request: { query },
    responses: {
      200: {
        description: "A searchset Bundle.",
        headers: etagHeaders,
        content: fhirContent(FhirBundle),
      },
      ...failures,
    },
  });

const historyRoute = <T extends Type>(type: T, prefix: string) =>
  createRoute({
    method: "get",
    path: `${base}/${type}/{id}/_history`,
    tags: ["FHIR"],
    operationId: `fhirHistory${type}`,
    summary: `The history of a FHIR ${type}`,
    description:
      "A history Bundle: one entry per change of the change log, newest first, each the resource as the change left it (on the last day it was valid, or today).",
    security: readSecurity,
    request: { params: idParam(prefix), query: historyQuery },
    responses: {
      200: {
        description: "A history Bundle.",
        headers: etagHeaders,
        content: fhirContent(FhirBundle),
      },
      ...failures,
    },
  });

export const fhirRoutes = {
  metadata: createRoute({
    method: "get",
    path: `${base}/metadata`,
    tags: ["FHIR"],
    operationId: "fhirMetadata",
    summary: "The FHIR CapabilityStatement",
    description: "Exactly what the facade supports: resources, interactions, search parameters.",
    security: readSecurity,
    request: { query: historyQuery },
    responses: {
      200: {
        description: "The CapabilityStatement.",
        content: fhirContent(FhirCapabilityStatement),
      },
      ...failures,
    },
  }),
  readOrganization: readRoute("Organization", "org"),
  searchOrganization: searchRoute("Organization", organizationQuery),
  historyOrganization: historyRoute("Organization", "org"),
  readAffiliation: readRoute("OrganizationAffiliation", "rel"),
  searchAffiliation: searchRoute("OrganizationAffiliation", affiliationQuery),
  historyAffiliation: historyRoute("OrganizationAffiliation", "rel"),
  readCareTeam: readRoute("CareTeam", "int"),
  searchCareTeam: searchRoute("CareTeam", careTeamQuery),
  historyCareTeam: historyRoute("CareTeam", "int"),
  readLocation: readRoute("Location", "(?:plc|nbh)"),
  searchLocation: searchRoute("Location", locationQuery),
  historyLocation: historyRoute("Location", "(?:plc|nbh)"),
};
