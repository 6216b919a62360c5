/**
 * Conformance: every response the test suites receive through the harness's `call` is
 * checked against the served OpenAPI document (`/openapi.json`) with a third-party OpenAPI
 * 3.1 validator (@hyperjump/json-schema, OpenAPI 3.1 dialect): the operation of the path
 * and method must document the status, the media type, and a schema the body passes. A
 * response that breaks its schema fails the test that received it.
 *
 * Outside the document (and not checked): the API reference pages (`/docs`), the problem
 * type pages (`/problems/…`), the document itself, the admin app, and event streams.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type OutputUnit, type Validator, validate } from "@hyperjump/json-schema/openapi-3-1";
import { z } from "zod";

const Operation = z.looseObject({
  responses: z.record(
    z.string(),
    z.looseObject({ content: z.record(z.string(), z.unknown()).optional() }),
  ),
});
const Document = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
type Document = z.infer<typeof Document>;

/** The served document, written where the validator reads OpenAPI documents from. */
interface Loaded {
  readonly document: Document;
  readonly url: string;
  /** Path templates, most literal first, with their patterns. */
  readonly templates: ReadonlyArray<{ template: string; pattern: RegExp }>;
  readonly validators: Map<string, Promise<Validator>>;
}

let loaded: Promise<Loaded> | undefined;

const load = async (base: string): Promise<Loaded> => {
  const response = await fetch(`${base}/openapi.json`);
  const text = await response.text();
  const document = Document.parse(JSON.parse(text));
  // The validator takes a file named *.openapi.json as an OpenAPI document.
  const file = join(
    mkdtempSync(join(tmpdir(), "care-atlas-conformance-")),
    "care-atlas.openapi.json",
  );
  writeFileSync(file, text);
  const templates = Object.keys(document.paths)
    .map((template) => ({
      template,
      literal: template.split("/").filter((part) => !part.startsWith("{")).length,
      pattern: new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`,
      ),
    }))
    .sort((a, b) => b.literal - a.literal);
  return { document, url: pathToFileURL(file).href, templates, validators: new Map() };
};

/** One token of a JSON Pointer in a URI fragment (escaped, then percent-encoded). */
const token = (text: string): string =>
  encodeURIComponent(text.replaceAll("~", "~0").replaceAll("/", "~1"));

const outside = /^\/(docs|problems|openapi\.json|admin)(\/|$)/;

/** The leaf errors of a validator's output, as lines. */
const describeErrors = (units: ReadonlyArray<OutputUnit> | undefined, lines: string[] = []) => {
  for (const unit of units ?? []) {
    if (unit.errors !== undefined && unit.errors.length > 0) describeErrors(unit.errors, lines);
    else
      lines.push(
        `${unit.instanceLocation || "/"}: ${unit.keyword} (${unit.absoluteKeywordLocation.split("#")[1] ?? ""})`,
      );
  }
  return lines;
};

/**
 * Checks one response against the document (throws, naming what is wrong, when it does
 * not conform). `base` is the server's URL; `path` the request's path and query.
 */
export const checkConformance = async (
  base: string,
  method: string,
  path: string,
  response: Response,
): Promise<void> => {
  const pathname = new URL(path, "http://x").pathname;
  if (outside.test(pathname)) return;
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  if (contentType === "text/event-stream") return;
  loaded ??= load(base);
  const spec = await loaded;
  const what = `${method} ${path} → ${response.status}`;

  const matched = spec.templates.find(({ pattern }) => pattern.test(pathname));
  const verb = method.toLowerCase() === "head" ? "get" : method.toLowerCase();
  const operation =
    matched === undefined ? undefined : spec.document.paths[matched.template]?.[verb];
  let pointer: string;
  if (matched === undefined || operation === undefined) {
    // No operation: only a problem (404 for no route, 405 for a method the path lacks) —
    // under the FHIR facade, an OperationOutcome.
    if (response.status !== 404 && response.status !== 405) {
      throw new Error(`${what}: the document has no operation for it`);
    }
    const fhir = pathname.startsWith("/fhir/");
    pointer = fhir ? "#/components/schemas/FhirOperationOutcome" : "#/components/schemas/Problem";
    const expected = fhir ? "application/fhir+json" : "application/problem+json";
    if (contentType !== expected) {
      throw new Error(`${what}: answered ${contentType}, not ${expected}`);
    }
  } else {
    const responses = Operation.parse(operation).responses;
    const status = String(response.status);
    const documented = responses[status] ?? responses.default;
    if (documented === undefined) {
      throw new Error(`${what}: status ${status} is not documented for the operation`);
    }
    const content = documented.content;
    if (content === undefined) {
      if ((await response.clone().arrayBuffer()).byteLength > 0) {
        throw new Error(`${what}: the document says no body, the answer has one`);
      }
      return;
    }
    if (!(contentType in content)) {
      throw new Error(
        `${what}: answered ${contentType || "no content type"}, the document says ${Object.keys(content).join(", ")}`,
      );
    }
    const key = responses[status] === undefined ? "default" : status;
    pointer = `#/paths/${token(matched.template)}/${verb}/responses/${key}/content/${token(contentType)}/schema`;
  }
  // JSON media types (a JSON document each); CSV and NDJSON are text, checked by their tests.
  if (!/^application\/([a-z.-]+\+)?json$/.test(contentType)) return;
  const text = await response.clone().text();
  const body: unknown = JSON.parse(text);
  let validator = spec.validators.get(pointer);
  if (validator === undefined) {
    validator = validate(`${spec.url}${pointer}`);
    spec.validators.set(pointer, validator);
  }
  const output = (await validator)(JSON.parse(text), "BASIC");
  if (!output.valid) {
    const errors = describeErrors(output.errors).slice(0, 12);
    throw new Error(
      `${what}: the answer breaks its schema (${pointer}):\n  ${errors.join("\n  ")}\n  body: ${JSON.stringify(body).slice(0, 400)}`,
    );
  }
};
