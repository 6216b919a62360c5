/**
 * @module openapiDocument
 * The OpenAPI 3.1 document of the app, generated from its routes (`createRoute`) and the
 * domain's zod schemas, whose `.meta({ id })` become `components.schemas`.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context.js";
import recordedExamples from "./openapi/examples.json" with { type: "json" };
import { isObject, type Json, type JsonObject, nullableReferences } from "./openapi/nullable.js";
import { type ProblemCode, problemBody, problemTypes } from "./problem.js";
import { problemExplanations } from "./problemPages.js";
import { compactSchema } from "./representation/compact.js";
import { compactMediaType } from "./representation/representation.js";

/** The API's version, as published in the document. */
export const apiVersion = "0.1.0";

const description = [
  "The typed, time-aware register of Greater Manchester's integrated care system.",
  "",
  "**Time.** Every read takes `validAt` (the date the facts were true, `YYYY-MM-DD`, default today) and `asOf` (what the register had recorded at that time, ISO 8601, default now).",
  "",
  "**Inputs are strict.** A query parameter an operation does not declare, or one sent twice, is a `400 invalid-request` naming it. A list's `cursor` belongs to its query: send it with the same parameters (other than `limit`).",
  "",
  "**Codes wherever ids.** Filters and path parameters that name a place, an organisation or a system take its id (`plc_…`, `org_…`, `sys_…`) or its code: ONS GSS for places and systems (`E08000009`), ODS for organisations, PCNs and sub-ICB locations (`P91603`, `U42898`, `02A`).",
  "",
  "**Caching.** Every read sends a weak `ETag` that changes only when its answer changes; send it back as `If-None-Match` for a `304 Not Modified`. Open reads are `Cache-Control: public, no-cache` (a shared cache may keep them and must revalidate); reads made with a key are `private`.",
  "",
  "**Errors** are RFC 9457 `application/problem+json`; each `type` is a page of this server (`/problems/<code>`) that explains it. A method a path does not have is a `405 method-not-allowed` with an `Allow` header.",
  "",
  "**Access.** Reads may be open or need an API key (configuration); writes need a key with the `write` scope, an `If-Match` revision and a `reason`. Who made each change and why is shown only to keys with the `audit` scope.",
].join("\n");

const tags = [
  { name: "Places", description: "The places (localities) of the system." },
  {
    name: "Neighbourhoods",
    description: "Neighbourhoods, their footprints, population and teams.",
  },
  {
    name: "Organisations",
    description: "Organisations with codes, roles, relationships and succession.",
  },
  {
    name: "Collaboratives",
    description: "Provider collaboratives at neighbourhood, place and system level.",
  },
  { name: "Teams", description: "Integrated neighbourhood teams." },
  { name: "Governance", description: "Boards, executives and committees." },
  { name: "Commissioning", description: "Commissioning bodies, pooled budgets and decisions." },
  { name: "Strategy", description: "Outcomes and commitments, and what links to them." },
  { name: "Areas", description: "Reference geography: LSOAs." },
  { name: "Lookups", description: "Postcode, point, practice and code lookups." },
  {
    name: "Boundaries",
    description:
      "GeoJSON outlines of places, neighbourhoods (dissolved from their LSOAs) and LSOAs, with their attribution.",
  },
  { name: "Findings", description: "What the register's rule checks find, and the rules." },
  {
    name: "FHIR",
    description:
      "The read-only FHIR R4 facade (application/fhir+json; errors are OperationOutcome resources). `valid-at` is the date the facts were true.",
  },
  {
    name: "Writes",
    description: "Create, update, end and succession, with If-Match and a reason.",
  },
  { name: "Changes", description: "The change feed: pages and a server-sent-events stream." },
  {
    name: "Access",
    description:
      "API keys (create, list with last use, revoke) and the audit trail of access; admin scope.",
  },
  { name: "Operations", description: "Health, readiness." },
];

/**
 * A property with a default may be left out of a request (zod fills it in), so it is not
 * `required`. The generator lists it as required (the parsed output always has it); this
 * walks the document and drops such properties from `required`, so clients may omit them.
 */
const optionalDefaults = (node: Json): void => {
  if (Array.isArray(node)) {
    for (const item of node) optionalDefaults(item);
    return;
  }
  if (!isObject(node)) return;
  const properties = node.properties;
  const required = node.required;
  if (isObject(properties) && Array.isArray(required)) {
    const kept = required.filter(
      (name) =>
        typeof name !== "string" ||
        !isObject(properties[name]) ||
        !("default" in (properties[name] ?? {})),
    );
    if (kept.length === 0) delete node.required;
    else node.required = kept;
  }
  for (const value of Object.values(node)) optionalDefaults(value);
};

/** The response every conditional read may answer (the routes' handlers never do). */
const notModified: JsonObject = {
  description:
    "Not modified: the `If-None-Match` you sent matches the answer's current ETag (no body).",
};

/** The request header of a conditional read. */
const ifNoneMatch: JsonObject = {
  name: "If-None-Match",
  in: "header",
  required: false,
  description:
    "The `ETag` of an answer you hold: `304 Not Modified` (no body) when the answer is still the same.",
  schema: { type: "string", example: 'W/"1k9x2ab"' },
};

/**
 * Every read that sends an ETag may answer `304 Not Modified` to `If-None-Match` (the read
 * middleware does, before or after the handler). The routes leave 304 out, so that their
 * handlers' typed bodies are checked against their 200 schemas; this adds the header and
 * the response to each such operation.
 */
const conditionalReads = (paths: Json | undefined): void => {
  if (!isObject(paths)) return;
  for (const item of Object.values(paths)) {
    if (!isObject(item) || !isObject(item.get)) continue;
    const get = item.get;
    const responses = get.responses;
    if (!isObject(responses)) continue;
    const ok = responses["200"];
    if (!isObject(ok) || !isObject(ok.headers) || !("ETag" in ok.headers)) continue;
    responses["304"] = notModified;
    get.parameters = [...(Array.isArray(get.parameters) ? get.parameters : []), ifNoneMatch];
  }
};

/**
 * Every read that takes `form` may answer its compact form, as its own media type beside
 * `application/json` (`compactSchema`: the same rule as the representation middleware
 * applies to answers), so that clients typed on `application/json` see the full form only.
 */
const compactForms = (document: JsonObject): void => {
  const paths = document.paths;
  if (!isObject(paths)) return;
  for (const item of Object.values(paths)) {
    if (!isObject(item) || !isObject(item.get)) continue;
    const get = item.get;
    const parameters = Array.isArray(get.parameters) ? get.parameters : [];
    if (!parameters.some((p) => isObject(p) && p.name === "form" && p.in === "query")) continue;
    const ok = isObject(get.responses) ? get.responses["200"] : undefined;
    const content = isObject(ok) && isObject(ok.content) ? ok.content : undefined;
    const media = content?.["application/json"];
    if (content === undefined || !isObject(media) || media.schema === undefined) continue;
    content[compactMediaType] = { schema: compactSchema(media.schema, document) };
  }
};

/** The example of a problem of each status, for the problem responses. */
const problemExample = (status: string): JsonObject | undefined => {
  const code = Object.entries(problemTypes).find(([, type]) => String(type.status) === status)?.[0];
  if (code === undefined) return undefined;
  const found = Object.keys(problemTypes).find((known): known is ProblemCode => known === code);
  if (found === undefined) return undefined;
  const example: JsonObject = JSON.parse(
    JSON.stringify(problemBody(found, "4d1f7c2e-synthetic-request", "/v1/…")),
  );
  example.detail = problemExplanations[found].when.split(". ")[0] ?? "";
  return example;
};

/** An OperationOutcome of the FHIR facade answering `status`. */
const outcomeExample = (status: string): JsonObject => ({
  resourceType: "OperationOutcome",
  issue: [
    {
      severity: "error",
      code:
        status === "404"
          ? "not-found"
          : status === "429"
            ? "throttled"
            : status === "503"
              ? "transient"
              : status === "401"
                ? "login"
                : "invalid",
      diagnostics:
        status === "404"
          ? "no Organization org_… on 2026-12-01"
          : status === "429"
            ? "the limit of 30000 requests a minute for address 192.0.2.1 is reached: try again in 2 s"
            : status === "503"
              ? "the register is unavailable: try again shortly"
              : status === "401"
                ? "this needs an API key with the read scope"
                : "unknown parameter _sort",
    },
  ],
});

/** The recorded answers, by operation (`get /v1/places`), status and media type. */
const examples: Readonly<Record<string, Readonly<Record<string, JsonObject>>>> = recordedExamples;

/** The example of an event stream of changes. */
const streamExample =
  'event: change\nid: 2x9k1f.c2VxOjEyMDE\ndata: {"seq":1201,"recordedAt":"2026-11-30T10:00:00.000Z","actorKind":"api-key","source":null,"operation":"update","kind":"place","id":"plc_…","revision":2,"before":[…],"after":[…]}\n\n';

/**
 * An example on every response: the answers recorded from a real run
 * (`src/openapi/examples.json`, `pnpm --filter @care-atlas/api examples`), a problem of
 * the status for each problem response, and an event of the change stream.
 */
const responseExamples = (paths: Json | undefined): void => {
  if (!isObject(paths)) return;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      const recorded = examples[`${method} ${path}`];
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!isObject(response) || !isObject(response.content)) continue;
        for (const [type, media] of Object.entries(response.content)) {
          if (!isObject(media)) continue;
          const example =
            type === "application/problem+json"
              ? problemExample(status)
              : type === "application/fhir+json" && Number(status) >= 400
                ? outcomeExample(status)
                : type === "text/event-stream"
                  ? streamExample
                  : recorded?.[status]?.[type];
          if (example !== undefined) media.example = example;
        }
      }
    }
  }
};

/** The 429 every /v1 operation may answer (the rate-limit middleware does). */
const rateLimited: JsonObject = {
  description:
    "Too many requests: the rate limit of the key (or, without a key, of the client address) is reached; `Retry-After` says when to try again. A bulk lookup counts each item.",
  headers: {
    "Retry-After": {
      description: "Seconds until the request could be made.",
      schema: { type: "integer", minimum: 1 },
    },
  },
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

/** The read-your-writes header every read takes (the middleware answers it). */
const minDataVersion: JsonObject = {
  name: "Min-Data-Version",
  in: "header",
  required: false,
  description:
    "Read-your-writes: the data version you saw (e.g. a write's `dataVersion`). The answer comes from that version or a later one — after this server catches up — or is a problem: 400 when the register has no such version, 503 (with `Retry-After`) when the database does not answer. Never an older answer.",
  schema: { type: "integer", minimum: 0 },
};

/**
 * Every /v1 operation may be rate limited (429), and every /v1 and FHIR read takes
 * `Min-Data-Version`; middleware answers both, so the routes leave them out and this adds
 * them (the FHIR routes document their own 429, an OperationOutcome).
 */
const accessLimits = (paths: Json | undefined): void => {
  if (!isObject(paths)) return;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const v1 = path.startsWith("/v1/");
    if (!v1 && !path.startsWith("/fhir/")) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      if (v1) operation.responses["429"] = JSON.parse(JSON.stringify(rateLimited));
      if (method === "get") {
        const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
        operation.parameters = [...parameters, minDataVersion];
      }
    }
  }
};

/** The document: the generator's, then made exact (see each step). */
export type OpenApiDocument = JsonObject;

/** Builds the document. */
export const openApiDocument = (app: OpenAPIHono<AppEnv>): OpenApiDocument => {
  const generated = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Care Atlas API",
      version: apiVersion,
      description,
    },
    servers: [{ url: "/", description: "This server" }],
    tags,
  });
  // A plain JSON copy, to rewrite.
  const document: JsonObject = JSON.parse(JSON.stringify(generated));
  optionalDefaults(document);
  nullableReferences(document);
  compactForms(document);
  conditionalReads(document.paths);
  accessLimits(document.paths);
  responseExamples(document.paths);
  return document;
};

/**
 * The document without the examples of its responses: what the client's type generator
 * reads (the examples would become some 900 KB of comments in the generated types).
 */
export const withoutResponseExamples = (document: OpenApiDocument): OpenApiDocument => {
  const copy: OpenApiDocument = JSON.parse(JSON.stringify(document));
  const paths = isObject(copy.paths) ? copy.paths : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const response of Object.values(operation.responses)) {
        if (!isObject(response) || !isObject(response.content)) continue;
        for (const media of Object.values(response.content)) {
          if (isObject(media)) delete media.example;
        }
      }
    }
  }
  return copy;
};
