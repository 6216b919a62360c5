/**
 * @module fhir/routes
 * The read-only FHIR R4 facade at `/fhir/R4`: `metadata`; `Organization`,
 * `OrganizationAffiliation`, `CareTeam` and `Location` read and search; `_history` per
 * resource from the change log. Every route runs the services' verbs with `runVerb`; every
 * failure is an `OperationOutcome`. `valid-at` (YYYY-MM-DD, default today) is the date the
 * facts were true, as `validAt` is for `/v1`, on every read and search.
 */
import type { Entity, Organisation } from "@care-atlas/domain";
import { type Directory, NotFound, type RegisterShape, runVerb } from "@care-atlas/services";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { Effect } from "effect";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../context.js";
import { today } from "../http/today.js";
import type { RouteDeps } from "../routes/deps.js";
import { etagHeaders, readSecurity } from "../routes/shared/openapi.js";
import { guarded, readHeaders, readMiddleware } from "../routes/shared/reads.js";
import { capabilityStatement, searchParameters } from "./capability.js";
import { lastUpdatedOf } from "./lastUpdated.js";
import {
  type MappingContext,
  systems,
  toAffiliation,
  toCareTeam,
  toNeighbourhoodLocation,
  toOrganization,
  toPlaceLocation,
} from "./mapping.js";
import { errorOutcome, fhirJson, fhirValidationHook, outcome, outcomeResponse } from "./outcome.js";
import {
  FhirBundle,
  FhirCapabilityStatement,
  FhirCareTeam,
  FhirLocation,
  FhirOperationOutcome,
  FhirOrganization,
  FhirOrganizationAffiliation,
  type FhirResource,
} from "./schemas.js";

const base = "/fhir/R4";

const isOrganisation = (entity: Entity): entity is Organisation => entity.id.startsWith("org_");

const ValidAt = z.iso
  .date({ error: "must be a date, YYYY-MM-DD" })
  .optional()
  .meta({ description: "The date the facts were true (default today).", example: "2016-06-01" });

const Count = z
  .preprocess(
    (v) => (typeof v === "string" && /^\d{1,4}$/.test(v) ? Number(v) : v),
    z.number({ error: "must be a whole number from 1 to 1000" }).int().min(1).max(1000),
  )
  .optional()
  .meta({ description: "Resources per page, 1–1000 (default 50)." });

const Cursor = z
  .string()
  .regex(/^[a-z]{3}_[A-Za-z0-9]{1,40}$/, { error: "must be the _cursor of a next link" })
  .optional()
  .meta({ description: "Where the page starts (from the Bundle's next link)." });

const Token = z.string().min(1).max(200);
const DateParam = z
  .string()
  .regex(/^(eq|ne|gt|lt|ge|le|sa|eb)?\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/, {
    error: "must be a date or date-time with an optional prefix (ge, gt, le, lt, eq…)",
  });

const organizationQuery = z.strictObject({
  identifier: Token.optional().meta({
    description: "`[system|]code`, e.g. `https://fhir.nhs.uk/Id/ods-organization-code|R0A`.",
  }),
  name: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "The name starts with this (case-insensitive)." }),
  "name:contains": z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "The name contains this." }),
  active: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  type: Token.optional().meta({
    description: `\`[${systems.organisationKind}|]kind\`, e.g. \`gp-practice\`.`,
  }),
  partOf: z
    .string()
    .regex(/^(Organization\/)?org_[A-Za-z0-9]{1,40}$/, { error: "must be Organization/<id>" })
    .optional(),
  _lastUpdated: DateParam.optional(),
  _count: Count,
  _cursor: Cursor,
  "valid-at": ValidAt,
});

const paging = { _count: Count, _cursor: Cursor, "valid-at": ValidAt };

const affiliationQuery = z.strictObject({
  ...paging,
  organization: z
    .string()
    .regex(/^(Organization\/)?[a-z]{3}_[A-Za-z0-9]{1,40}$/, { error: "must be Organization/<id>" })
    .optional(),
  "participating-organization": z
    .string()
    .regex(/^(Organization\/)?org_[A-Za-z0-9]{1,40}$/, { error: "must be Organization/<id>" })
    .optional(),
});
const careTeamQuery = z.strictObject(paging);
const locationQuery = z.strictObject({
  ...paging,
  type: z.enum(["place", "neighbourhood"], { error: "must be place or neighbourhood" }).optional(),
});
const readQuery = z.strictObject({ "valid-at": ValidAt });
const historyQuery = z.strictObject({});

const fhirContent = <S extends z.ZodType>(schema: S) => ({ "application/fhir+json": { schema } });
const failures = {
  400: {
    description: "A parameter is unknown or malformed.",
    content: fhirContent(FhirOperationOutcome),
  },
  401: { description: "A key is needed.", content: fhirContent(FhirOperationOutcome) },
  404: { description: "No such resource on the date.", content: fhirContent(FhirOperationOutcome) },
  503: { description: "The service is unavailable.", content: fhirContent(FhirOperationOutcome) },
};

const idParam = (prefix: string) =>
  z.object({
    id: z
      .string()
      .regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,40}$`), { error: `must be a ${prefix}_ id` })
      .meta({ param: { name: "id", in: "path" } }),
  });

type Type = "Organization" | "OrganizationAffiliation" | "CareTeam" | "Location";
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

/** The mapping context of a read: the date, when records were last recorded, their names. */
const contextOf = (
  directory: Directory,
  lastUpdated: ReadonlyMap<string, string>,
  date: string,
): MappingContext => ({
  date,
  lastUpdated: (id) => lastUpdated.get(id),
  name: (id) => directory.name(id, date),
});

/** The organisation a practice or sub-ICB location is part of on the date. */
const partOfOf = (
  register: RegisterShape,
  directory: Directory,
  organisation: Organisation,
  date: string,
  asOf: Date | undefined,
) =>
  Effect.gen(function* () {
    if ("parentId" in organisation && organisation.parentId !== undefined)
      return organisation.parentId;
    if (organisation.kind !== "gp-practice") return undefined;
    const links = yield* register.relationshipsOf(organisation.id, {
      validAt: date,
      as: "subject",
      kinds: ["member-of"],
      ...(asOf === undefined ? {} : { asOf }),
    });
    return links.items
      .map((r) => r.objectId)
      .find((id) => {
        const version = directory.version(id, date);
        return version !== undefined && "kind" in version && version.kind === "pcn";
      });
  });

/** Organizations of the register's organisations on the date (partOf and successions filled). */
const organizationsOf = (
  register: RegisterShape,
  ids: ReadonlyArray<string>,
  date: string,
  asOf: Date | undefined,
  lastUpdated: ReadonlyMap<string, string>,
) =>
  Effect.gen(function* () {
    const directory = yield* register.directory(asOf === undefined ? {} : { asOf });
    const ctx = contextOf(directory, lastUpdated, date);
    const resources: Array<z.infer<typeof FhirOrganization>> = [];
    for (const id of ids) {
      const version = directory.version(id, date);
      if (version === undefined || !isOrganisation(version)) continue;
      const partOf = yield* partOfOf(register, directory, version, date, asOf);
      const successions = yield* register.successionsOf(id, {
        validAt: date,
        ...(asOf === undefined ? {} : { asOf }),
      });
      resources.push(
        toOrganization(version, ctx, {
          partOf,
          successions: [...successions.predecessors, ...successions.successors],
        }),
      );
    }
    return { resources, directory };
  });

/** `[system|]value` of a token parameter. */
const token = (text: string): { system: string | undefined; value: string } => {
  const bar = text.indexOf("|");
  return bar === -1
    ? { system: undefined, value: text }
    : { system: text.slice(0, bar) || undefined, value: text.slice(bar + 1) };
};

/** Whether a date-time `value` satisfies a FHIR date parameter (`ge2024-01-01`). */
const dateMatches = (parameter: string, value: string | undefined): boolean => {
  if (value === undefined) return false;
  const prefix = /^[a-z]{2}/.test(parameter) ? parameter.slice(0, 2) : "eq";
  const bound = prefix === "eq" && !/^[a-z]{2}/.test(parameter) ? parameter : parameter.slice(2);
  const day = bound.length === 10;
  const compared = day ? value.slice(0, 10) : value;
  const target = day ? bound : new Date(bound).toISOString();
  switch (prefix) {
    case "gt":
    case "sa":
      return compared > target;
    case "ge":
      return compared >= target;
    case "lt":
    case "eb":
      return compared < target;
    case "le":
      return compared <= target;
    case "ne":
      return compared !== target;
    default:
      return compared === target;
  }
};

/** Adds the FHIR facade under /fhir/R4. */
export const registerFhir = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  const fhir = new OpenAPIHono<AppEnv>({ defaultHook: fhirValidationHook });
  const middleware = readMiddleware(deps);
  const { runtime } = deps;
  const lastUpdated = lastUpdatedOf(runtime);

  const json = <B>(c: Context<AppEnv>, body: B, dataVersion?: number) => {
    if (dataVersion !== undefined) readHeaders(c, dataVersion);
    return c.json(body, 200, { "Content-Type": fhirJson });
  };

  const timeOf = (query: { "valid-at"?: string | undefined }) => query["valid-at"] ?? today();

  /** A searchset of `resources` (already one page), with self, first and next links. */
  const searchset = (
    c: Context<AppEnv>,
    resources: ReadonlyArray<FhirResource>,
    more: boolean,
  ): z.infer<typeof FhirBundle> => {
    const url = new URL(c.req.url);
    const self = `${url.pathname}${url.search}`;
    const first = new URL(url);
    first.searchParams.delete("_cursor");
    const link = [
      { relation: "self", url: self },
      { relation: "first", url: `${first.pathname}${first.search}` },
    ];
    const last = resources.at(-1);
    if (more && last !== undefined) {
      const next = new URL(first);
      next.searchParams.set("_cursor", last.id);
      link.push({ relation: "next", url: `${next.pathname}${next.search}` });
    }
    return {
      resourceType: "Bundle",
      type: "searchset",
      link,
      entry: resources.map((resource) => ({
        fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
        resource,
        search: { mode: "match" as const },
      })),
    };
  };

  /** One page of `ids` (sorted) after the cursor. */
  const page = <T extends { id: string }>(
    items: ReadonlyArray<T>,
    cursor: string | undefined,
    count: number | undefined,
  ) => {
    const start = cursor === undefined ? 0 : items.findIndex((item) => item.id > cursor);
    const from = start === -1 ? items.length : start;
    const size = count ?? 50;
    return { items: items.slice(from, from + size), more: from + size < items.length };
  };

  fhir.openapi(guarded(fhirRoutes.metadata, ...middleware.slice(0, 1)), (c) =>
    c.json(capabilityStatement(), 200, { "Content-Type": fhirJson }),
  );

  fhir.openapi(guarded(fhirRoutes.readOrganization, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const date = timeOf(c.req.valid("query"));
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const entity = yield* register.getEntity("organisation", id, { validAt: date });
        const { resources } = yield* organizationsOf(
          register,
          [entity.id],
          date,
          undefined,
          updated,
        );
        const [resource] = resources;
        if (resource === undefined)
          return yield* new NotFound({
            what: "organisation",
            key: id,
            message: `no Organization ${id}`,
          });
        return { resource, dataVersion: entity.dataVersion };
      }),
    );
    return json(c, read.resource, read.dataVersion);
  });

  fhir.openapi(guarded(fhirRoutes.searchOrganization, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const date = timeOf(query);
    const updated = await lastUpdated();
    const identifier = query.identifier === undefined ? undefined : token(query.identifier);
    const type = query.type === undefined ? undefined : token(query.type);
    const name = query.name?.toLowerCase();
    const contains = query["name:contains"]?.toLowerCase();
    const partOf = query.partOf?.replace(/^Organization\//, "");
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const all = yield* register.listAll("organisation", {
          validAt: date,
          ever: true,
          filter: (o) =>
            (identifier === undefined ||
              o.codes.some(
                (code) =>
                  code.value.toUpperCase() === identifier.value.toUpperCase() &&
                  (identifier.system === undefined ||
                    identifier.system === (code.system === "ods" ? systems.ods : systems.gss)),
              )) &&
            (name === undefined || o.name.toLowerCase().startsWith(name)) &&
            (contains === undefined || o.name.toLowerCase().includes(contains)) &&
            (query.active === undefined ||
              (o.valid.from <= date && (o.valid.to === null || date < o.valid.to)) ===
                (query.active === "true")) &&
            (type === undefined ||
              ((type.system === undefined || type.system === systems.organisationKind) &&
                o.kind === type.value)) &&
            (query._lastUpdated === undefined ||
              dateMatches(query._lastUpdated, updated.get(o.id))),
        });
        let items = [...all.items];
        if (partOf !== undefined) {
          const directory = yield* register.directory();
          const kept = [];
          for (const o of items)
            if ((yield* partOfOf(register, directory, o, date, undefined)) === partOf) kept.push(o);
          items = kept;
        }
        const { items: chosen, more } = page(items, query._cursor, query._count);
        const { resources } = yield* organizationsOf(
          register,
          chosen.map((o) => o.id),
          date,
          undefined,
          updated,
        );
        return { resources, more, dataVersion: all.dataVersion };
      }),
    );
    return json(c, searchset(c, read.resources, read.more), read.dataVersion);
  });

  fhir.openapi(guarded(fhirRoutes.readAffiliation, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const date = timeOf(c.req.valid("query"));
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const entity = yield* register.getEntity("relationship", id, { validAt: date });
        const directory = yield* register.directory();
        return {
          resource: toAffiliation(entity.version, contextOf(directory, updated, date)),
          dataVersion: entity.dataVersion,
        };
      }),
    );
    return json(c, read.resource, read.dataVersion);
  });

  fhir.openapi(guarded(fhirRoutes.searchAffiliation, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const date = timeOf(query);
    const updated = await lastUpdated();
    const organization = query.organization?.replace(/^Organization\//, "");
    const participating = query["participating-organization"]?.replace(/^Organization\//, "");
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const directory = yield* register.directory();
        const all = yield* register.listAll("relationship", {
          validAt: date,
          filter: (r) =>
            r.subjectId.startsWith("org_") &&
            (organization === undefined || r.objectId === organization) &&
            (participating === undefined || r.subjectId === participating),
        });
        const { items, more } = page(all.items, query._cursor, query._count);
        const ctx = contextOf(directory, updated, date);
        return {
          resources: items.map((r) => toAffiliation(r, ctx)),
          more,
          dataVersion: all.dataVersion,
        };
      }),
    );
    return json(c, searchset(c, read.resources, read.more), read.dataVersion);
  });

  fhir.openapi(guarded(fhirRoutes.readCareTeam, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const date = timeOf(c.req.valid("query"));
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const entity = yield* register.getEntity("team", id, { validAt: date });
        const directory = yield* register.directory();
        return {
          resource: toCareTeam(entity.version, contextOf(directory, updated, date)),
          dataVersion: entity.dataVersion,
        };
      }),
    );
    return json(c, read.resource, read.dataVersion);
  });

  fhir.openapi(guarded(fhirRoutes.searchCareTeam, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const date = timeOf(query);
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const directory = yield* register.directory();
        const all = yield* register.listAll("team", { validAt: date });
        const { items, more } = page(all.items, query._cursor, query._count);
        const ctx = contextOf(directory, updated, date);
        return {
          resources: items.map((t) => toCareTeam(t, ctx)),
          more,
          dataVersion: all.dataVersion,
        };
      }),
    );
    return json(c, searchset(c, read.resources, read.more), read.dataVersion);
  });

  fhir.openapi(guarded(fhirRoutes.readLocation, ...middleware), async (c) => {
    const { id } = c.req.valid("param");
    const date = timeOf(c.req.valid("query"));
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const directory = yield* register.directory();
        const ctx = contextOf(directory, updated, date);
        if (id.startsWith("plc_")) {
          const entity = yield* register.getEntity("place", id, { validAt: date });
          return {
            resource: toPlaceLocation(entity.version, ctx),
            dataVersion: entity.dataVersion,
          };
        }
        const entity = yield* register.getEntity("neighbourhood", id, { validAt: date });
        return {
          resource: toNeighbourhoodLocation(entity.version, ctx),
          dataVersion: entity.dataVersion,
        };
      }),
    );
    return json(c, read.resource, read.dataVersion);
  });

  fhir.openapi(guarded(fhirRoutes.searchLocation, ...middleware), async (c) => {
    const query = c.req.valid("query");
    const date = timeOf(query);
    const updated = await lastUpdated();
    const read = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const directory = yield* register.directory();
        const ctx = contextOf(directory, updated, date);
        const places =
          query.type === "neighbourhood"
            ? []
            : (yield* register.listAll("place", { validAt: date })).items.map((p) =>
                toPlaceLocation(p, ctx),
              );
        const neighbourhoods =
          query.type === "place"
            ? []
            : (yield* register.listAll("neighbourhood", { validAt: date })).items.map((n) =>
                toNeighbourhoodLocation(n, ctx),
              );
        const all = [...places, ...neighbourhoods].sort((a, b) => (a.id < b.id ? -1 : 1));
        const { items, more } = page(all, query._cursor, query._count);
        return { resources: items, more, dataVersion: directory.dataVersion };
      }),
    );
    return json(c, searchset(c, read.resources, read.more), read.dataVersion);
  });

  const history =
    (type: Type, kinds: ReadonlyArray<string>) => async (c: Context<AppEnv>, id: string) => {
      const updated = await lastUpdated();
      const read = await runVerb(runtime, (register) =>
        Effect.gen(function* () {
          const recorded = yield* register.history(id);
          if (!kinds.includes(recorded.kind)) {
            return yield* new NotFound({ what: type, key: id, message: `${id} is not a ${type}` });
          }
          const directory = yield* register.directory();
          const entries: z.infer<typeof FhirBundle>["entry"] = [];
          for (const change of [...recorded.changes].reverse()) {
            const url = `${base}/${type}/${id}/_history/${change.revision}`;
            const method =
              change.after.length === 0 ? "DELETE" : change.before.length === 0 ? "POST" : "PUT";
            const response = {
              status: method === "POST" ? "201" : method === "DELETE" ? "204" : "200",
              lastModified: change.recordedAt,
            };
            const versions = change.after;
            const now = today();
            const shown =
              versions.find(
                (v) => v.valid.from <= now && (v.valid.to === null || now < v.valid.to),
              ) ?? versions.at(-1);
            if (shown === undefined) {
              entries.push({ request: { method, url }, response });
              continue;
            }
            const date =
              shown.valid.from <= now && (shown.valid.to === null || now < shown.valid.to)
                ? now
                : shown.valid.from;
            const ctx: MappingContext = {
              ...contextOf(directory, updated, date),
              lastUpdated: () => change.recordedAt,
            };
            const resource: FhirResource | undefined =
              "roles" in shown
                ? toOrganization(shown, ctx, {
                    partOf: "parentId" in shown ? shown.parentId : undefined,
                    successions: [],
                  })
                : "subjectId" in shown && "objectId" in shown && !("predecessorIds" in shown)
                  ? toAffiliation(shown, ctx)
                  : "members" in shown && "gpLed" in shown
                    ? toCareTeam(shown, ctx)
                    : "footprint" in shown
                      ? toNeighbourhoodLocation(shown, ctx)
                      : "systemId" in shown && "codes" in shown && !("schemeId" in shown)
                        ? toPlaceLocation(shown, ctx)
                        : undefined;
            entries.push({
              fullUrl: `${base}/${type}/${id}`,
              ...(resource === undefined
                ? {}
                : {
                    resource: {
                      ...resource,
                      meta: { ...resource.meta, versionId: String(change.revision) },
                    },
                  }),
              request: { method, url },
              response,
            });
          }
          return { entries, dataVersion: recorded.dataVersion };
        }),
      );
      return json(
        c,
        {
          resourceType: "Bundle" as const,
          type: "history" as const,
          total: read.entries.length,
          link: [{ relation: "self", url: new URL(c.req.url).pathname }],
          entry: read.entries,
        },
        read.dataVersion,
      );
    };

  const organisationHistory = history("Organization", ["organisation"]);
  const affiliationHistory = history("OrganizationAffiliation", ["relationship"]);
  const teamHistory = history("CareTeam", ["team"]);
  const locationHistory = history("Location", ["place", "neighbourhood"]);
  fhir.openapi(guarded(fhirRoutes.historyOrganization, ...middleware), (c) =>
    organisationHistory(c, c.req.valid("param").id),
  );
  fhir.openapi(guarded(fhirRoutes.historyAffiliation, ...middleware), (c) =>
    affiliationHistory(c, c.req.valid("param").id),
  );
  fhir.openapi(guarded(fhirRoutes.historyCareTeam, ...middleware), (c) =>
    teamHistory(c, c.req.valid("param").id),
  );
  fhir.openapi(guarded(fhirRoutes.historyLocation, ...middleware), (c) =>
    locationHistory(c, c.req.valid("param").id),
  );

  fhir.all(`${base}/*`, (c) =>
    outcomeResponse(
      c,
      404,
      outcome(
        "not-found",
        `the FHIR facade has no ${c.req.method} ${c.req.path}; see ${base}/metadata`,
      ),
    ),
  );
  fhir.onError(errorOutcome);
  app.route("/", fhir);
};
