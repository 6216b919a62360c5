/**
 * Fuzz: for every operation of the served OpenAPI document, inputs generated to break its
 * schema — path parameters that miss their pattern, query values outside their enum,
 * pattern, format or range, query parameters it does not declare or sent twice, cursors
 * reused with another query, and request bodies that are not what the schema asks (random
 * JSON, malformed JSON, wrong types) — must get a 4xx problem+json, never a 5xx, and must
 * not move the change log.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { api, call, getJson, lastSeq } from "./harness.js";

// The parts of the OpenAPI document the fuzzer walks.
const Schema = z.looseObject({
  type: z.union([z.string(), z.array(z.string())]).optional(),
  enum: z.array(z.unknown()).optional(),
  pattern: z.string().optional(),
  format: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  minLength: z.number().optional(),
  maxLength: z.number().optional(),
  $ref: z.string().optional(),
});
type Schema = z.infer<typeof Schema>;
const Parameter = z.looseObject({
  name: z.string(),
  in: z.enum(["path", "query", "header"]),
  required: z.boolean().optional(),
  schema: Schema.optional(),
});
const Operation = z.looseObject({
  operationId: z.string(),
  parameters: z.array(Parameter).optional(),
  requestBody: z.unknown().optional(),
});
type Operation = z.infer<typeof Operation>;
type Parameter = z.infer<typeof Parameter>;
const Document = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), Operation)),
  components: z.looseObject({ schemas: z.record(z.string(), Schema) }),
});
type Document = z.infer<typeof Document>;

let document: Document;
let seqBefore: number;
beforeAll(async () => {
  document = await getJson("/openapi.json", Document);
  seqBefore = await lastSeq();
});

const resolve = (schema: Schema | undefined): Schema | undefined => {
  if (schema?.$ref === undefined) return schema;
  return document.components.schemas[schema.$ref.replace("#/components/schemas/", "")];
};

const nasty = fc.constantFrom(
  "",
  " ",
  "..",
  "%00",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "🙂",
  "\u0000",
  "a".repeat(400),
  "-1",
  "1e309",
  "NaN",
  "null",
  "[]",
  "{}",
  "2021-02-30",
  "9999-99-99T99:99:99Z",
);

/** Strings that the parameter's schema refuses (empty when it refuses nothing). */
const invalidValues = (schema: Schema | undefined): fc.Arbitrary<string> | undefined => {
  const s = resolve(schema);
  if (s === undefined) return undefined;
  const candidates = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.integer().map(String));
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (s.enum !== undefined) return candidates.filter((v) => !s.enum?.includes(v));
  if (s.pattern !== undefined) {
    // Some parameters are trimmed and upper-cased before the pattern (codes, postcodes):
    // count only values that fail it either way.
    const pattern = new RegExp(s.pattern, "i");
    return candidates.filter((v) => !pattern.test(v) && !pattern.test(v.trim()));
  }
  if (types.includes("integer") || types.includes("number")) {
    const bad = [
      fc.constantFrom("ten", "1.5", "", "0x10", "--1"),
      ...(s.minimum === undefined
        ? []
        : [fc.integer({ max: s.minimum - 1, min: s.minimum - 1000 }).map(String)]),
      ...(s.maximum === undefined
        ? []
        : [fc.integer({ min: s.maximum + 1, max: s.maximum + 10_000 }).map(String)]),
    ];
    return fc.oneof(...bad);
  }
  if (s.format === "date")
    return candidates.filter((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || v === "2021-02-30");
  if (s.format === "date-time")
    return candidates.filter((v) => Number.isNaN(Date.parse(v)) || v.length < 12);
  if (s.maxLength !== undefined) return fc.constant("x".repeat(s.maxLength + 1));
  if (s.minLength !== undefined && s.minLength > 1) return fc.constant("x".repeat(s.minLength - 1));
  return undefined;
};

/** Bodies that no operation's schema accepts. */
const invalidBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constantFrom("{", "[1,", '{"data":', "null", "true", '"text"', "{}", "[]"),
  fc
    .record({ data: fc.jsonValue(), reason: fc.oneof(fc.constant(""), fc.integer()) })
    .map((v) => JSON.stringify(v)),
  fc
    .record({
      postcodes: fc.oneof(fc.constant([]), fc.string(), fc.array(fc.integer(), { minLength: 1 })),
    })
    .map((v) => JSON.stringify(v)),
);

const operations = (): Array<{ method: string; path: string; operation: Operation }> =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? "x"));

/** A valid-looking value for a path parameter, so the fuzz reaches the other inputs. */
const plausible = (parameter: Parameter): string => {
  const pattern = resolve(parameter.schema)?.pattern ?? "";
  const prefix = /\^\(?([a-z]{3})_/.exec(pattern)?.[1];
  if (prefix !== undefined) return `${prefix}_zzzzzzzzzzzzzz`;
  if (parameter.name === "postcode") return "ZZ9 9ZZ";
  if (parameter.name === "odsCode") return "Z99999";
  if (parameter.name === "code") return pattern.includes("E01") ? "E01999999" : "ZZZ999";
  if (parameter.name === "id" && pattern.includes("plc|nbh")) return "plc_zzzzzzzzzzzzzz";
  const fhirPrefix = /\^([a-z]{3})_/.exec(pattern)?.[1];
  if (fhirPrefix !== undefined) return `${fhirPrefix}_zzzzzzzzzzzzzz`;
  return "x";
};

const check = async (response: Response, what: string) => {
  const body = await response.text();
  expect(
    response.status,
    `${what} → ${response.status} ${body.slice(0, 200)}`,
  ).toBeGreaterThanOrEqual(400);
  expect(response.status, `${what} → ${response.status} ${body.slice(0, 200)}`).toBeLessThan(500);
  // The FHIR facade answers OperationOutcome resources; everything else problem+json.
  if (what.includes(" /fhir/")) {
    expect(response.headers.get("content-type"), what).toMatch(/^application\/fhir\+json/);
    expect(JSON.parse(body).resourceType, what).toBe("OperationOutcome");
  } else {
    expect(response.headers.get("content-type"), what).toBe("application/problem+json");
  }
};

describe("fuzzing every operation with invalid input", () => {
  it("covers every operation of the document", () => {
    expect(operations().length).toBeGreaterThan(60);
    const paths = operations().map((o) => o.path);
    for (const path of [
      "/fhir/R4/Organization",
      "/fhir/R4/Organization/{id}",
      "/fhir/R4/Organization/{id}/_history",
      "/fhir/R4/Location",
      "/v1/lookup/point",
      "/v1/boundaries/neighbourhoods/{id}",
      "/v1/findings",
    ]) {
      expect(paths).toContain(path);
    }
  });

  it("gets 4xx problem+json and never a 5xx", async () => {
    const key = api().keys.write;
    for (const { method, path, operation } of operations()) {
      const parameters = operation.parameters ?? [];
      const pathParams = parameters.filter((p) => p.in === "path");
      const valid = Object.fromEntries(pathParams.map((p) => [p.name, plausible(p)]));

      // 1. Each path parameter broken.
      for (const parameter of pathParams) {
        const bad = invalidValues(parameter.schema);
        if (bad === undefined) continue;
        await fc.assert(
          fc.asyncProperty(bad, async (value) => {
            const url = fill(path, { ...valid, [parameter.name]: value });
            const response = await call(url, {
              method,
              key,
              headers: { "If-Match": '"1"' },
              ...(method === "GET" ? {} : { body: "{}" }),
            });
            // An empty or slash-bearing segment may route elsewhere: still a 4xx problem.
            await check(response, `${method} ${url}`);
          }),
          { numRuns: 15 },
        );
      }

      // 2. Each query parameter broken (the others left out).
      for (const parameter of parameters.filter((p) => p.in === "query")) {
        const bad = invalidValues(parameter.schema);
        if (bad === undefined) continue;
        await fc.assert(
          fc.asyncProperty(bad, async (value) => {
            const url = `${fill(path, valid)}?${new URLSearchParams({ [parameter.name]: value })}`;
            await check(await call(url, { method, key }), `${method} ${url}`);
          }),
          { numRuns: 15 },
        );
      }

      // 3. Bodies that break the request schema.
      if (operation.requestBody !== undefined) {
        await fc.assert(
          fc.asyncProperty(invalidBody, async (body) => {
            const url = fill(path, valid);
            const response = await call(url, { method, key, body, headers: { "If-Match": '"1"' } });
            await check(response, `${method} ${url} ${body.slice(0, 80)}`);
          }),
          { numRuns: 25 },
        );
      }
    }
  }, 600_000);

  it("refuses undeclared and repeated query parameters with a 400 naming them", async () => {
    const key = api().keys.write;
    const undeclared = fc
      .stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/)
      .filter((name) => name !== "constructor" && name !== "__proto__");
    for (const { method, path, operation } of operations()) {
      const parameters = operation.parameters ?? [];
      const declared = new Set(parameters.filter((p) => p.in === "query").map((p) => p.name));
      const url = fill(
        path,
        Object.fromEntries(
          parameters.filter((p) => p.in === "path").map((p) => [p.name, plausible(p)]),
        ),
      );
      const send = (query: string) =>
        call(`${url}?${query}`, {
          method,
          key,
          headers: { "If-Match": '"1"' },
          ...(method === "GET" ? {} : { body: "{}" }),
        });
      await fc.assert(
        fc.asyncProperty(
          undeclared.filter((name) => !declared.has(name)),
          fc.string({ maxLength: 20 }),
          async (name, value) => {
            const query = new URLSearchParams({ [name]: value }).toString();
            const response = await send(query);
            await check(response.clone(), `${method} ${url}?${query}`);
            const answer = await response.json();
            if (url.startsWith("/fhir/")) {
              // The FHIR facade answers an OperationOutcome naming the parameter.
              expect(response.status, `${method} ${url}?${query}`).toBe(400);
              expect(answer.resourceType).toBe("OperationOutcome");
              expect(JSON.stringify(answer.issue), `${method} ${url}?${query}`).toContain(name);
            } else {
              expect(answer.code, `${method} ${url}?${query}`).toBe("invalid-request");
              expect(answer.errors, `${method} ${url}?${query}`).toContainEqual(
                expect.objectContaining({ path: `query.${name}` }),
              );
            }
          },
        ),
        { numRuns: 5 },
      );
      // A misspelt filter is the case that matters most: kindd=, placeid=, Limit=.
      for (const name of declared) {
        for (const query of [`${name}d=x`, `${name.toUpperCase()}=x`]) {
          const response = await send(query);
          expect(response.status, `${method} ${url}?${query}`).toBe(400);
        }
        const twice = `${name}=1&${name}=2`;
        const response = await send(twice);
        await check(response.clone(), `${method} ${url}?${twice}`);
        const answer = await response.json();
        if (url.startsWith("/fhir/")) {
          expect(JSON.stringify(answer.issue), `${method} ${url}?${twice}`).toContain(name);
        } else {
          expect(answer.errors, `${method} ${url}?${twice}`).toContainEqual(
            expect.objectContaining({ path: `query.${name}` }),
          );
        }
      }
    }
  }, 600_000);

  it("refuses a cursor sent with another query than the page it came from", async () => {
    let reused = 0;
    for (const { method, path, operation } of operations()) {
      const parameters = operation.parameters ?? [];
      const query = new Set(parameters.filter((p) => p.in === "query").map((p) => p.name));
      if (method !== "GET" || path.includes("{") || !query.has("cursor")) continue;
      const first = await call(`${path}${query.has("limit") ? "?limit=1" : ""}`);
      if (first.headers.get("content-type") !== "application/json") continue;
      const cursor: unknown = (await first.json()).nextCursor;
      if (typeof cursor !== "string") continue;
      const other = query.has("validAt") ? "validAt=2020-01-01" : "since=2020-01-01T00:00:00Z";
      const response = await call(`${path}?${other}&cursor=${cursor}`);
      await check(response.clone(), `${path}?${other}&cursor=…`);
      expect((await response.json()).errors, path).toContainEqual(
        expect.objectContaining({ path: "query.cursor" }),
      );
      // Nor does another list take it.
      const elsewhere = path === "/v1/places" ? "/v1/systems" : "/v1/places";
      expect((await call(`${elsewhere}?cursor=${cursor}`)).status, path).toBe(400);
      reused++;
    }
    expect(reused).toBeGreaterThan(10);
  }, 600_000);

  it("left the change log where it was", async () => {
    expect(await lastSeq()).toBe(seqBefore);
  });
});
