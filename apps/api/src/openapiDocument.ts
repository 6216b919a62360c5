/**
 * @module openapiDocument
 * The OpenAPI 3.1 document of the app, generated from its routes (`createRoute`) and the
 * domain's zod schemas, whose `.meta({ id })` become `components.schemas`.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context.js";

/** The API's version, as published in the document. */
export const apiVersion = "0.1.0";

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
  { name: "Lookups", description: "Postcode, practice and code lookups." },
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
const optionalDefaults = (node: unknown): void => {
  if (Array.isArray(node)) {
    for (const item of node) optionalDefaults(item);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const schema = node as {
    properties?: Record<string, { default?: unknown }>;
    required?: string[];
  };
  if (schema.properties !== undefined && Array.isArray(schema.required)) {
    const properties = schema.properties;
    schema.required = schema.required.filter((name) => properties[name]?.default === undefined);
    if (schema.required.length === 0) delete schema.required;
  }
  for (const value of Object.values(node)) optionalDefaults(value);
};

/** The response every conditional read may answer (the routes' handlers never do). */
const notModified = {
  description:
    "Not modified: the `If-None-Match` you sent matches the answer's current ETag (no body).",
};

/**
 * Every read that sends an ETag may answer `304 Not Modified` (the read middleware does,
 * before or after the handler). The routes leave 304 out, so that their handlers' typed
 * bodies are checked against their 200 schemas; this adds it to each such operation.
 */
const conditionalReads = (paths: Readonly<Record<string, unknown>>): void => {
  for (const item of Object.values(paths)) {
    const get = (item as { get?: { responses?: Record<string, { headers?: object } | object> } })
      .get;
    const responses = get?.responses;
    const ok = responses?.["200"];
    if (
      responses !== undefined &&
      ok !== undefined &&
      "headers" in ok &&
      ok.headers !== undefined &&
      "ETag" in ok.headers
    ) {
      responses["304"] = notModified;
    }
  }
};

/** The 429 every /v1 operation may answer (the rate-limit middleware does). */
const rateLimited = {
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

/** The read-your-writes header every /v1 read takes (the middleware answers it). */
const minDataVersion = {
  name: "Min-Data-Version",
  in: "header",
  required: false,
  description:
    "Read-your-writes: the data version you saw (e.g. a write's `dataVersion`). The answer comes from that version or a later one — after this server catches up — or is a problem: 400 when the register has no such version, 503 (with `Retry-After`) when the database does not answer. Never an older answer.",
  schema: { type: "integer", minimum: 0 },
};

/**
 * Every /v1 operation may be rate limited (429), and every /v1 read takes `Min-Data-Version`;
 * middleware answers both, so the routes leave them out and this adds them.
 */
const accessLimits = (paths: Readonly<Record<string, unknown>>): void => {
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith("/v1/")) continue;
    for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
      const op = operation as { responses?: Record<string, unknown>; parameters?: unknown[] };
      if (op.responses === undefined) continue;
      op.responses["429"] = rateLimited;
      if (method === "get") op.parameters = [...(op.parameters ?? []), minDataVersion];
    }
  }
};

/** The document, as zod-openapi generates it. */
export type OpenApiDocument = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;

/** Builds the document. */
export const openApiDocument = (app: OpenAPIHono<AppEnv>): OpenApiDocument => {
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Care Atlas API",
      version: apiVersion,
      description:
        "The typed, time-aware register of Greater Manchester's integrated care system. Every read takes `validAt` (the date the facts were true, default today) and `asOf` (what the register had recorded at that time, default now). Errors are RFC 9457 problem+json. Reads may be open or need an API key (configuration); writes need a key with the `write` scope, an `If-Match` revision and a `reason`.",
    },
    servers: [{ url: "/", description: "This server" }],
    tags,
  });
  optionalDefaults(document);
  conditionalReads(document.paths ?? {});
  accessLimits(document.paths ?? {});
  return document;
};
