/**
 * The response schemas the tests parse answers with: the routes' own (the schema each
 * route declares for its 200 or 201), taken from the app's modules, so that a handler whose
 * answer drifts from its OpenAPI schema fails the happy tests.
 */
import { z } from "zod";
import {
  createApiKey,
  listApiKeys,
  listAuditEvents,
  revokeApiKey,
} from "../src/routes/access/index.js";
import { getLsoa } from "../src/routes/areas/lsoa.js";
import { lsoaBoundary } from "../src/routes/boundaries/index.js";
import { listChanges } from "../src/routes/changes/list.js";
import { listFindings, listRules } from "../src/routes/findings/index.js";
import { Health, Ready } from "../src/routes/health.js";
import { lookupCode } from "../src/routes/lookups/code.js";
import { lookupPoint } from "../src/routes/lookups/point.js";
import { lookupPostcode } from "../src/routes/lookups/postcode.js";
import { lookupPostcodes } from "../src/routes/lookups/postcodes.js";
import { lookupPractice } from "../src/routes/lookups/practice.js";
import { resources } from "../src/routes/resources/index.js";
import { createSuccession } from "../src/routes/successions/create.js";

const json = "application/json" as const;

/** The schemas of the answers of the routes that are not resources. */
export const answers = {
  health: Health,
  ready: Ready,
  changes: listChanges.responses[200].content[json].schema,
  postcode: lookupPostcode.responses[200].content[json].schema,
  postcodes: lookupPostcodes.responses[200].content[json].schema,
  practice: lookupPractice.responses[200].content[json].schema,
  code: lookupCode.responses[200].content[json].schema,
  lsoa: getLsoa.responses[200].content[json].schema,
  succession: createSuccession.responses[201].content[json].schema,
  point: lookupPoint.responses[200].content[json].schema,
  findings: listFindings.responses[200].content[json].schema,
  rules: listRules.responses[200].content[json].schema,
  /** Every boundary route answers the same collection schema. */
  boundaries: lsoaBoundary.responses[200].content["application/geo+json"].schema,
  apiKeys: listApiKeys.responses[200].content[json].schema,
  createdApiKey: createApiKey.responses[201].content[json].schema,
  revokedApiKey: revokeApiKey.responses[200].content[json].schema,
  auditEvents: listAuditEvents.responses[200].content[json].schema,
  /** The OpenAPI document (no schema of its own: any JSON object). */
  document: z.record(z.string(), z.unknown()),
};

/** The answers of every resource's list and get-one, by collection path, as far as any kind. */
export interface ResourceAnswers {
  readonly page: z.ZodType<{
    data: Array<{ id: string }>;
    nextCursor: string | null;
    dataVersion: number;
  }>;
  readonly item: z.ZodType<{ data: { id: string }; revision: number | null; dataVersion: number }>;
}

/** A resource's response schemas, by collection path. */
export const resourceAt = (path: string): ResourceAnswers => {
  const found = Object.values(resources).find((resource) => resource.path === path);
  if (found === undefined) throw new Error(`no resource at ${path}`);
  return {
    page: found.routes.list.responses[200].content[json].schema,
    item: found.routes.get.responses[200].content[json].schema,
  };
};

/** The schema of a route's 200 answer, with its own type (a resource's extra fields included). */
export const okOf = <S>(route: {
  readonly responses: { readonly 200: { readonly content: { readonly [json]: { schema: S } } } };
}): S => route.responses[200].content[json].schema;

/** A route a writable resource has (the table types write routes as optional). */
export const route = <R>(found: R | undefined): R => {
  if (found === undefined) throw new Error("the resource has no such route");
  return found;
};

export { resources };
