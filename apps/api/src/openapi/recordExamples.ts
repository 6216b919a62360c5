/**
 * @module openapi/recordExamples
 * Records the example answers of the OpenAPI document (`src/openapi/examples.json`): starts
 * Care Atlas on a throwaway embedded database loaded with the GM dataset, sends each
 * operation one request, and keeps each answer under its method, path, status and media
 * type. Kinds the dataset has none of (collaboratives, teams, pooled budgets, decisions)
 * and the writes are answered for records this run creates, named "Synthetic example …",
 * in the throwaway database only. Run `pnpm --filter @care-atlas/api examples` after a
 * change to the answers; the API's tests check that every example still matches its
 * schema, and the linter that every response has one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findRepoRoot, parseEnv } from "../env.js";
import { createLogger } from "../logger.js";
import { startCareAtlas } from "../start.js";
import type { Json, JsonObject } from "./nullable.js";

type Examples = Record<string, Record<string, Record<string, Json>>>;

const target = resolve(process.argv[2] ?? "src/openapi/examples.json");
const dir = mkdtempSync(join(tmpdir(), "care-atlas-examples-"));
const atlas = await startCareAtlas(
  parseEnv({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: join(dir, "pglite"), LOG_LEVEL: "warn" }),
  createLogger({ level: "warn" }),
  { mountAdmin: false },
);
const { key } = await atlas.auth.createKey({ name: "Synthetic example writer", scopes: ["write"] });
const { key: adminKey } = await atlas.auth.createKey({
  name: "Synthetic example administrator",
  scopes: ["admin"],
});
const examples: Examples = {};
/** The committed official files (the import examples read one). */
const dataRaw = join(findRepoRoot(process.cwd()), "packages", "data", "raw");

/** Sends a request and keeps its answer as the example of `operation` (method and path). */
const record = async (
  operation: string,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    ifMatch?: string;
    /** The key to send (default: the writer's). */
    key?: string;
    /** What of the answer to keep as the example (default: all of it). */
    trim?: (body: JsonObject) => JsonObject;
  } = {},
): Promise<JsonObject> => {
  const headers: Record<string, string> = { Authorization: `Bearer ${init.key ?? key}` };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.ifMatch !== undefined) headers["If-Match"] = init.ifMatch;
  const response = await fetch(`${atlas.url}${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const type = (response.headers.get("content-type") ?? "").split(";")[0] ?? "";
  const body: JsonObject = await response.json();
  if (response.status >= 400) throw new Error(`${operation}: ${path} → ${JSON.stringify(body)}`);
  const byStatus = examples[operation] ?? {};
  examples[operation] = byStatus;
  const byType = byStatus[String(response.status)] ?? {};
  byStatus[String(response.status)] = byType;
  byType[type] ??= init.trim === undefined ? body : init.trim(body);
  return body;
};

/**
 * Sends a request for a text answer (CSV, NDJSON) and keeps its first lines (the header
 * and two records) as the example of `operation` for that media type.
 */
const recordText = async (operation: string, path: string, accept: string): Promise<void> => {
  const response = await fetch(`${atlas.url}${path}`, {
    headers: { Authorization: `Bearer ${key}`, Accept: accept },
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${operation}: ${path} → ${text.slice(0, 300)}`);
  const type = (response.headers.get("content-type") ?? "").split(";")[0] ?? "";
  const lines = text.split("\n");
  const byStatus = examples[operation] ?? {};
  examples[operation] = byStatus;
  const byType = byStatus[String(response.status)] ?? {};
  byStatus[String(response.status)] = byType;
  byType[type] ??= `${lines.slice(0, 3).join("\n")}\n`;
};

/**
 * POSTs a file (raw bytes) and keeps its answer as the example of `operation`: JSON whole,
 * NDJSON as its first two and last lines.
 */
const recordFile = async (
  operation: string,
  path: string,
  file: Uint8Array,
  accept = "application/json",
): Promise<void> => {
  const response = await fetch(`${atlas.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${adminKey}`, Accept: accept, "Content-Type": "text/csv" },
    body: new Blob([new Uint8Array(file)]),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${operation}: ${path} → ${text.slice(0, 300)}`);
  const type = (response.headers.get("content-type") ?? "").split(";")[0] ?? "";
  const byStatus = examples[operation] ?? {};
  examples[operation] = byStatus;
  const byType = byStatus[String(response.status)] ?? {};
  byStatus[String(response.status)] = byType;
  if (type === "application/x-ndjson") {
    const lines = text.trimEnd().split("\n");
    byType[type] ??= `${[...lines.slice(0, 2), lines.at(-1)].join("\n")}\n`;
  } else {
    byType[type] ??= JSON.parse(text) as JsonObject;
  }
};

/** An answer with its `features` cut to the first two (a boundary collection's example). */
const firstFeatures = (collection: JsonObject): JsonObject =>
  Array.isArray(collection.features)
    ? { ...collection, features: collection.features.slice(0, 2) }
    : collection;

const first = (page: JsonObject): JsonObject => {
  const data = page.data;
  const item = Array.isArray(data) ? data[0] : undefined;
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    throw new Error("an empty page");
  }
  return item;
};
const idOf = (item: JsonObject): string => String(item.id);
const today = new Date().toISOString().slice(0, 10);

try {
  const places = await record("get /v1/places", "/v1/places?limit=2");
  const trafford = await record("get /v1/places/{id}", "/v1/places/E08000009");
  const place = trafford.data as JsonObject;
  const systemId = String(place.systemId);
  const provenance = { sources: ["ods-epraccur-gm"], derivation: "Synthetic example record" };
  const valid = { from: "2024-04-01", to: null };
  const practice = await record("get /v1/organisations/{id}", "/v1/organisations/P91603");
  const practiceId = idOf(practice.data as JsonObject);
  const outcomes = await record("get /v1/strategy/outcomes", "/v1/strategy/outcomes?limit=2");
  const outcome = first(outcomes);
  const outcomeId = idOf(outcome);
  const neighbourhoods = await record("get /v1/neighbourhoods", "/v1/neighbourhoods?limit=2");
  const neighbourhoodId = idOf(first(neighbourhoods));
  const trusts = await record("get /v1/organisations", "/v1/organisations?kind=nhs-trust&limit=2");
  const trustId = idOf(first(trusts));
  void places;

  // Records of the kinds the dataset has none of, in this throwaway database.
  const made: Record<string, JsonObject> = {};
  const create = async (path: string, data: JsonObject) => {
    const answer = await record(`post ${path}`, path, {
      method: "POST",
      body: { data, reason: "Synthetic example" },
    });
    made[path] = first(answer);
    return answer;
  };
  await create("/v1/systems", { name: "Synthetic example system", codes: [], valid, provenance });
  await create("/v1/places", {
    name: "Synthetic example place",
    systemId,
    codes: [],
    valid,
    provenance,
  });
  await create("/v1/neighbourhood-schemes", {
    name: "Synthetic example scheme",
    systemId,
    basis: "registered-population",
    status: "proposed",
    valid,
    provenance,
  });
  await create("/v1/neighbourhoods", {
    name: "Synthetic example neighbourhood",
    placeId: idOf(place),
    schemeId: idOf(made["/v1/neighbourhood-schemes"] ?? {}),
    footprint: { practiceIds: [practiceId] },
    valid,
    provenance,
  });
  await create("/v1/organisations", {
    kind: "vcfse",
    name: "Synthetic example organisation",
    placeId: idOf(place),
    valid,
    provenance,
  });
  await create("/v1/relationships", {
    kind: "part-of",
    subjectId: practiceId,
    objectId: idOf(place),
    role: "synthetic example link",
    valid,
    provenance,
  });
  await create("/v1/collaboratives", {
    name: "Synthetic example collaborative",
    level: "place",
    placeId: idOf(place),
    purposes: ["integration"],
    strategyLinks: [outcomeId],
    valid,
    provenance,
  });
  await create("/v1/teams", {
    name: "Synthetic example team",
    neighbourhoodId,
    gpLed: true,
    members: [{ role: "district-nurse", hostOrganisationId: trustId }],
    strategyLinks: [outcomeId],
    valid,
    provenance,
  });
  await create("/v1/governance/bodies", {
    kind: "joint-commissioning-executive",
    name: "Synthetic example commissioning executive",
    level: "place",
    placeId: idOf(place),
    commissions: true,
    delegatedLimitPence: 500_000_000,
    valid,
    provenance,
  });
  const bodyId = idOf(made["/v1/governance/bodies"] ?? {});
  await create("/v1/commissioning/pooled-budgets", {
    name: "Synthetic example pooled budget",
    placeId: idOf(place),
    hostId: trustId,
    partnerIds: [trustId],
    governedById: bodyId,
    years: [
      {
        financialYear: "2024/25",
        totalPence: 100_000_000,
        contributions: [{ organisationId: trustId, amountPence: 100_000_000 }],
      },
    ],
    strategyLinks: [outcomeId],
    valid,
    provenance,
  });
  await create("/v1/commissioning/decisions", {
    bodyId,
    title: "Synthetic example decision",
    date: "2024-05-01",
    valuePence: 25_000_000,
    serviceArea: "community health services",
    providerIds: [trustId],
    strategyLinks: [outcomeId],
    valid,
    provenance,
  });
  await create("/v1/strategy/elements", {
    kind: "commitment",
    framework: outcome.framework ?? null,
    text: "Synthetic example commitment",
    parentId: outcomeId,
    order: 99,
    valid,
    provenance,
  });

  // Lists, one item each, and their compact forms.
  const lists = [
    "/v1/systems",
    "/v1/neighbourhood-schemes",
    "/v1/relationships",
    "/v1/successions",
    "/v1/collaboratives",
    "/v1/teams",
    "/v1/governance/bodies",
    "/v1/commissioning/bodies",
    "/v1/commissioning/pooled-budgets",
    "/v1/commissioning/decisions",
    "/v1/strategy/elements",
  ];
  for (const path of lists) {
    const page = await record(`get ${path}`, `${path}?limit=2`);
    const item = first(page);
    await record(`get ${path}/{id}`, `${path}/${idOf(item)}`);
    await record(`get ${path}/{id}`, `${path}/${idOf(item)}?form=compact`);
  }
  await record("get /v1/strategy/outcomes/{id}", `/v1/strategy/outcomes/${outcomeId}`);
  await record("get /v1/neighbourhoods/{id}", `/v1/neighbourhoods/${neighbourhoodId}`);
  for (const path of [...lists, "/v1/places", "/v1/neighbourhoods", "/v1/strategy/outcomes"]) {
    await record(`get ${path}`, `${path}?limit=2&form=compact`);
  }
  await record(
    "get /v1/organisations",
    "/v1/organisations?kind=gp-practice&placeId=E08000009&limit=2&form=compact",
  );
  for (const [operation, path] of [
    ["get /v1/places/{id}", "/v1/places/E08000009?form=compact"],
    ["get /v1/organisations/{id}", "/v1/organisations/P91603?form=compact"],
    ["get /v1/neighbourhoods/{id}", `/v1/neighbourhoods/${neighbourhoodId}?form=compact`],
    ["get /v1/strategy/outcomes/{id}", `/v1/strategy/outcomes/${outcomeId}?form=compact`],
  ] as const) {
    await record(operation, path);
  }

  // The whole lists as CSV and NDJSON (their first lines).
  for (const path of [
    ...lists,
    "/v1/places",
    "/v1/neighbourhoods",
    "/v1/organisations",
    "/v1/strategy/outcomes",
  ]) {
    await recordText(`get ${path}`, path, "text/csv");
    await recordText(`get ${path}`, path, "application/x-ndjson");
  }
  for (const path of ["/v1/findings", "/v1/findings/rules"]) {
    await record(`get ${path}`, path === "/v1/findings" ? `${path}?limit=2` : path);
    await recordText(`get ${path}`, path, "text/csv");
    await recordText(`get ${path}`, path, "application/x-ndjson");
  }

  // Boundaries (collections cut to two features) and the point lookup.
  const super_ = "resolution=super-generalised";
  const traffordId = idOf(place);
  const neighbourhoodsOfTrafford = await record(
    "get /v1/boundaries/neighbourhoods",
    `/v1/boundaries/neighbourhoods?placeId=${traffordId}&${super_}`,
    { trim: firstFeatures },
  );
  const locality = (neighbourhoodsOfTrafford.features as JsonObject[] | undefined)?.[0];
  for (const [operation, path] of [
    ["get /v1/boundaries/places", `/v1/boundaries/places?${super_}`],
    ["get /v1/boundaries/places/{id}", `/v1/boundaries/places/${traffordId}?${super_}`],
    [
      "get /v1/boundaries/neighbourhoods/{id}",
      `/v1/boundaries/neighbourhoods/${String(locality?.id)}?${super_}`,
    ],
    ["get /v1/boundaries/lsoas", `/v1/boundaries/lsoas?placeId=${traffordId}&${super_}`],
    ["get /v1/boundaries/lsoas/{code}", `/v1/boundaries/lsoas/E01006112?${super_}`],
  ] as const) {
    await record(operation, path, { trim: firstFeatures });
  }
  await record("get /v1/lookup/point", "/v1/lookup/point?lat=53.4639&lon=-2.291&postcodes=3");

  // The FHIR facade: each resource type read, searched and its history.
  const r0a = await record("get /v1/organisations/{id}", "/v1/organisations/R0A");
  const r0aId = idOf(r0a.data as JsonObject);
  const relationship = first(await record("get /v1/relationships", "/v1/relationships?limit=2"));
  const team = made["/v1/teams"];
  for (const [operation, path] of [
    ["get /fhir/R4/metadata", "/fhir/R4/metadata"],
    ["get /fhir/R4/Organization/{id}", `/fhir/R4/Organization/${r0aId}`],
    ["get /fhir/R4/Organization", "/fhir/R4/Organization?identifier=R0A"],
    ["get /fhir/R4/Organization/{id}/_history", `/fhir/R4/Organization/${r0aId}/_history`],
    [
      "get /fhir/R4/OrganizationAffiliation/{id}",
      `/fhir/R4/OrganizationAffiliation/${idOf(relationship)}`,
    ],
    ["get /fhir/R4/OrganizationAffiliation", "/fhir/R4/OrganizationAffiliation?_count=2"],
    [
      "get /fhir/R4/OrganizationAffiliation/{id}/_history",
      `/fhir/R4/OrganizationAffiliation/${idOf(relationship)}/_history`,
    ],
    ["get /fhir/R4/CareTeam/{id}", `/fhir/R4/CareTeam/${team === undefined ? "" : idOf(team)}`],
    ["get /fhir/R4/CareTeam", "/fhir/R4/CareTeam?_count=2"],
    [
      "get /fhir/R4/CareTeam/{id}/_history",
      `/fhir/R4/CareTeam/${team === undefined ? "" : idOf(team)}/_history`,
    ],
    ["get /fhir/R4/Location/{id}", `/fhir/R4/Location/${traffordId}`],
    ["get /fhir/R4/Location", "/fhir/R4/Location?_count=2"],
    ["get /fhir/R4/Location/{id}/_history", `/fhir/R4/Location/${traffordId}/_history`],
  ] as const) {
    await record(operation, path);
  }

  // Updates of the records made above, then their ends (dependants first).
  const revisions = new Map<string, string>();
  for (const [path, item] of Object.entries(made)) {
    const id = idOf(item);
    const read = await record(`get ${path}/{id}`, `${path}/${id}`);
    const { id: _id, ...data } = item;
    const updated = await record(`put ${path}/{id}`, `${path}/${id}`, {
      method: "PUT",
      body: {
        data: {
          ...data,
          provenance: { ...provenance, derivation: "Synthetic example, corrected" },
        },
        reason: "Synthetic example",
      },
      ifMatch: `"${String(read.revision)}"`,
    });
    revisions.set(path, `"${String(updated.revision)}"`);
  }
  for (const [path, item] of Object.entries(made).reverse()) {
    await record(`post ${path}/{id}/end`, `${path}/${idOf(item)}/end`, {
      method: "POST",
      body: { date: today, reason: "Synthetic example" },
      ifMatch: revisions.get(path) ?? "",
    });
  }

  // A succession of two organisations made for it into a third.
  const organisation = (name: string) =>
    record("post /v1/organisations", "/v1/organisations", {
      method: "POST",
      body: {
        data: { kind: "vcfse", name, placeId: idOf(place), valid, provenance },
        reason: "Synthetic example",
      },
    });
  const a = first(await organisation("Synthetic example predecessor A"));
  const b = first(await organisation("Synthetic example predecessor B"));
  const c = first(await organisation("Synthetic example successor"));
  await record("post /v1/successions", "/v1/successions", {
    method: "POST",
    body: {
      kind: "merge",
      predecessorIds: [idOf(a), idOf(b)],
      successorIds: [idOf(c)],
      date: "2025-04-01",
      provenance,
      reason: "Synthetic example",
    },
    ifMatch: `"${idOf(a)}:1", "${idOf(b)}:1"`,
  });

  // Lookups, the feed and operations.
  for (const [operation, path] of [
    ["get /v1/lookup/postcode/{postcode}", "/v1/lookup/postcode/M32%200JG"],
    ["get /v1/lookup/postcode/{postcode}", "/v1/lookup/postcode/M32%200JG?form=compact"],
    ["get /v1/lookup/practice/{odsCode}", "/v1/lookup/practice/P91603"],
    ["get /v1/lookup/practice/{odsCode}", "/v1/lookup/practice/P91603?form=compact"],
    ["get /v1/areas/lsoas/{code}", "/v1/areas/lsoas/E01006112"],
    ["get /v1/areas/lsoas/{code}", "/v1/areas/lsoas/E01006112?form=compact"],
    ["get /v1/lookup/code/{code}", "/v1/lookup/code/00W"],
    ["get /v1/lookup/code/{code}", "/v1/lookup/code/00W?form=compact"],
    ["get /v1/changes", "/v1/changes?kind=organisation&limit=2"],
    ["get /healthz", "/healthz"],
    ["get /readyz", "/readyz"],
  ] as const) {
    await record(operation, path);
  }
  await record("post /v1/lookup/postcodes", "/v1/lookup/postcodes", {
    method: "POST",
    body: { postcodes: ["M32 0JG", "m41 7ab", "not a postcode"] },
  });

  // Access (admin scope): the keys, a key made and revoked, the audit trail.
  await record("get /v1/api-keys", "/v1/api-keys", { key: adminKey });
  const newKey = await record("post /v1/api-keys", "/v1/api-keys", {
    method: "POST",
    key: adminKey,
    body: { name: "Synthetic example referral router", scopes: ["read"] },
  });
  const prefix = String((newKey.data as JsonObject).prefix);
  await record("post /v1/api-keys/{prefix}/revoke", `/v1/api-keys/${prefix}/revoke`, {
    method: "POST",
    key: adminKey,
  });
  await record("get /v1/audit-events", "/v1/audit-events?limit=3", { key: adminKey });

  // Imports (admin scope): ODS's successor table, planned then streamed, and the list.
  const successors = readFileSync(
    join(dataRaw, "nhs_organisations", "ods_successions_england_2022-09.csv"),
  );
  const query = "kind=ods-successors&name=ods_successions_england_2022-09.csv&published=2022-09-26";
  await recordFile("post /v1/imports", `/v1/imports?${query}&dryRun=true`, successors);
  await recordFile("post /v1/imports", `/v1/imports?${query}`, successors, "application/x-ndjson");
  await record("get /v1/imports", "/v1/imports", { key: adminKey });
} finally {
  await atlas.close();
  rmSync(dir, { recursive: true, force: true });
}

const sorted = Object.fromEntries(Object.entries(examples).sort(([x], [y]) => (x < y ? -1 : 1)));
writeFileSync(target, `${JSON.stringify(sorted, null, 1)}\n`);
console.log(`wrote ${target} (${Object.keys(sorted).length} operations)`);
