/**
 * @module FormModel
 * Forms generated from the domain's zod schemas: each entity kind's schema is turned into
 * JSON Schema (zod's own `toJSONSchema`) and walked into a tree of fields — text, date,
 * number, yes/no, choice, lists, groups of fields, repeating rows — that the form view
 * renders and `readForm` reads back. Shapes too deep for plain HTML fields (a list of rows
 * inside a list of rows) become a JSON field, still validated by the same schema.
 */
import { type EntityKind, entitySchemas, idPrefixes, kindOfId } from "@care-atlas/domain";
import { z } from "zod";

/** A field of a generated form. `name` is the dotted path of the value (`valid.from`). */
export type FormField =
  | {
      readonly type: "text";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly required: boolean;
      readonly multiline: boolean;
    }
  | {
      readonly type: "date";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly required: boolean;
      readonly nullable: boolean;
    }
  | {
      readonly type: "number";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly required: boolean;
      readonly nullable: boolean;
      readonly integer: boolean;
    }
  | {
      readonly type: "boolean";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
    }
  | {
      readonly type: "choice";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly required: boolean;
      readonly options: ReadonlyArray<string>;
    }
  | {
      readonly type: "reference";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly required: boolean;
      readonly kind: EntityKind | undefined;
    }
  | {
      readonly type: "choices";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly options: ReadonlyArray<string>;
    }
  | {
      readonly type: "lines";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly kind: EntityKind | undefined;
      readonly pattern?: string;
    }
  | {
      readonly type: "group";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly required: boolean;
      readonly fields: ReadonlyArray<FormField>;
    }
  | {
      readonly type: "rows";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly fields: ReadonlyArray<FormField>;
    }
  | {
      readonly type: "json";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly required: boolean;
    };

/** JSON Schema, as far as the walker reads it. */
interface Json {
  readonly $ref?: string;
  readonly type?: string | ReadonlyArray<string>;
  readonly anyOf?: ReadonlyArray<Json>;
  readonly enum?: ReadonlyArray<unknown>;
  readonly const?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Json>>;
  readonly required?: ReadonlyArray<string>;
  readonly items?: Json;
  readonly $defs?: Readonly<Record<string, Json>>;
}

const labels: Record<string, string> = {
  id: "Id",
  kind: "Kind",
  name: "Name",
  codes: "Codes",
  system: "Code system",
  value: "Value",
  period: "Period",
  roles: "Roles",
  role: "Role",
  placeId: "Place",
  parentId: "Parent organisation",
  postcode: "Postcode",
  valid: "Valid",
  from: "From",
  to: "To (first day no longer true)",
  provenance: "Provenance",
  sources: "Sources",
  derivation: "Derivation",
  systemId: "System",
  councilId: "Council",
  subIcbLocationId: "Sub-ICB location",
  placeBasedLead: "Place-based lead",
  title: "Title",
  holder: "Holder",
  organisationId: "Organisation",
  schemeId: "Neighbourhood scheme",
  footprint: "Footprint",
  lsoas: "LSOAs",
  pcnIds: "PCNs",
  practiceIds: "GP practices",
  population: "Population",
  basis: "Basis",
  date: "Date",
  source: "Source",
  subjectId: "Subject",
  objectId: "Object",
  predecessorIds: "Predecessors",
  successorIds: "Successors",
  note: "Note",
  level: "Level",
  chair: "Chair",
  commissions: "Takes commissioning decisions",
  delegatedLimitPence: "Delegated limit (pence)",
  responsibilityPence: "Responsibility (pence)",
  purpose: "Purpose",
  purposes: "Purposes",
  neighbourhoodId: "Neighbourhood",
  description: "Description",
  strategyLinks: "Strategy links",
  leadOrganisationId: "Lead organisation",
  gpLed: "GP-led",
  members: "Members",
  hostOrganisationId: "Host organisation",
  headcount: "Headcount",
  hostId: "Host organisation",
  partnerIds: "Partners",
  governedById: "Governed by",
  years: "Years",
  bodyId: "Decision-making body",
  valuePence: "Value (pence)",
  serviceArea: "Service area",
  providerIds: "Providers",
  pooledBudgetId: "Pooled budget",
  framework: "Framework",
  text: "Text",
  order: "Order",
  icbId: "Integrated care board",
  status: "Status",
  subjects: "Subjects",
};

/** A readable label for a property name. */
export const labelOf = (property: string): string =>
  labels[property] ??
  property
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ Id$/, "");

const kindOfPattern = (pattern: string | undefined): EntityKind | undefined => {
  if (pattern === undefined) return undefined;
  const match = /^\^([a-z]{3})_/.exec(pattern);
  if (match === null) return undefined;
  return kindOfId(`${match[1]}_00000000`);
};

const anyIdPattern = (pattern: string | undefined): boolean =>
  pattern?.startsWith("^(?:") === true && pattern.includes(Object.values(idPrefixes)[0] ?? "sys");

interface Walker {
  readonly defs: Readonly<Record<string, Json>>;
}

const resolve = (walker: Walker, schema: Json): Json => {
  let current = schema;
  for (let i = 0; i < 10 && current.$ref !== undefined; i++) {
    const name = current.$ref.split("/").pop() ?? "";
    const target = walker.defs[name];
    if (target === undefined) break;
    const { $ref: _ref, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
};

/** The non-null branch of `X | null`, and whether null was allowed. */
const unwrapNullable = (walker: Walker, schema: Json): { schema: Json; nullable: boolean } => {
  const resolved = resolve(walker, schema);
  if (resolved.anyOf !== undefined) {
    const branches = resolved.anyOf.map((branch) => resolve(walker, branch));
    const nonNull = branches.filter((branch) => branch.type !== "null");
    const only = nonNull[0];
    if (nonNull.length === 1 && only !== undefined) {
      const description = resolved.description ?? only.description;
      return {
        schema: description === undefined ? only : { ...only, description },
        nullable: nonNull.length < branches.length,
      };
    }
  }
  return { schema: resolved, nullable: false };
};

const isPrimitive = (walker: Walker, schema: Json): boolean => {
  const { schema: s } = unwrapNullable(walker, schema);
  return (
    s.type === "string" ||
    s.type === "number" ||
    s.type === "integer" ||
    s.type === "boolean" ||
    s.enum !== undefined
  );
};

/**
 * A field's hint, from its schema description. The period's own description (the
 * half-open notation) and legends of enum values (the options already say them in words)
 * are left out.
 */
const hintOf = (schema: Json): { hint?: string } => {
  const text = schema.description;
  if (text === undefined) return {};
  if (text.includes("[from, to)")) {
    return text.startsWith("A half-open") ? {} : { hint: text.replace(/,? ?\[from, to\)\.?/, ".") };
  }
  if (schema.enum !== undefined && text.includes(";")) return {};
  return { hint: text };
};

const field = (
  walker: Walker,
  name: string,
  property: string,
  raw: Json,
  required: boolean,
  depth: number,
): FormField => {
  const { schema, nullable } = unwrapNullable(walker, raw);
  const label = labelOf(property);
  const base = { name, label, ...hintOf(schema) };

  if (schema.enum !== undefined) {
    return {
      type: "choice",
      ...base,
      required: required && !nullable,
      options: schema.enum.map(String),
    };
  }
  if (schema.type === "boolean") return { type: "boolean", ...base };
  if (schema.type === "integer" || schema.type === "number") {
    return { type: "number", ...base, required, nullable, integer: schema.type === "integer" };
  }
  if (schema.type === "string") {
    if (schema.format === "date") return { type: "date", ...base, required, nullable };
    const kind = kindOfPattern(schema.pattern);
    if (kind !== undefined || anyIdPattern(schema.pattern)) {
      return { type: "reference", ...base, required, kind };
    }
    return {
      type: "text",
      ...base,
      required,
      multiline: ["description", "purpose", "text", "note", "derivation"].includes(property),
    };
  }
  if (schema.type === "array" && schema.items !== undefined) {
    const items = unwrapNullable(walker, schema.items).schema;
    if (items.enum !== undefined) {
      return { type: "choices", ...base, options: items.enum.map(String) };
    }
    if (items.type === "string") {
      const kind = kindOfPattern(items.pattern);
      return {
        type: "lines",
        ...base,
        kind,
        ...(items.pattern !== undefined ? { pattern: items.pattern } : {}),
      };
    }
    if (items.type === "object" && items.properties !== undefined && depth < 1) {
      const allFlat = Object.values(items.properties).every(
        (prop) => isPrimitive(walker, prop) || isFlatGroup(walker, prop),
      );
      if (allFlat) {
        return { type: "rows", ...base, fields: objectFields(walker, `${name}.#`, items, 1) };
      }
    }
    return { type: "json", ...base, required };
  }
  if (schema.type === "object" && schema.properties !== undefined && depth < 2) {
    return {
      type: "group",
      ...base,
      required,
      fields: objectFields(walker, name, schema, depth + 1),
    };
  }
  return { type: "json", ...base, required };
};

const isFlatGroup = (walker: Walker, raw: Json): boolean => {
  const { schema } = unwrapNullable(walker, raw);
  return (
    schema.type === "object" &&
    schema.properties !== undefined &&
    Object.values(schema.properties).every((prop) => isPrimitive(walker, prop))
  );
};

const objectFields = (walker: Walker, prefix: string, schema: Json, depth: number): FormField[] => {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([property, prop]) =>
    field(
      walker,
      prefix === "" ? property : `${prefix}.${property}`,
      property,
      prop,
      required.has(property),
      depth,
    ),
  );
};

const cache = new Map<EntityKind, ReadonlyArray<FormField>>();

/**
 * The fields of the form for an entity kind (every property except `id`), from its schema.
 *
 * @example
 * ```ts
 * formFields("organisation").map((f) => f.name);
 * // ["kind", "name", "codes", "roles", "placeId", "parentId", "postcode", "valid", "provenance"]
 * ```
 */
export const formFields = (kind: EntityKind): ReadonlyArray<FormField> => {
  const cached = cache.get(kind);
  if (cached !== undefined) return cached;
  const json = z.toJSONSchema(entitySchemas[kind], { io: "input", unrepresentable: "any" }) as Json;
  const walker: Walker = { defs: json.$defs ?? {} };
  const root = resolve(walker, json);
  const fields = objectFields(walker, "", root, 0).filter((f) => f.name !== "id");
  cache.set(kind, fields);
  return fields;
};

/** Every leaf field (rows and groups flattened), for mapping errors to inputs. */
export const leafFields = (fields: ReadonlyArray<FormField>): FormField[] =>
  fields.flatMap((f) => (f.type === "group" ? leafFields(f.fields) : [f]));

/**
 * The HTML id of the input for a value path (`codes.0.value` → `f-codes-0-value`).
 *
 * @example
 * ```ts
 * fieldId("valid.from"); // "f-valid-from"
 * ```
 */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
