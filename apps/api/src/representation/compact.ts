/**
 * @module representation/compact
 * The compact form of an answer: every record it holds (an entity version, an LSOA) is
 * replaced by its key — the entity's id, the LSOA's code — and the records are listed once
 * each in `included`, by collection (`organisations`, `places`, `lsoas`…). A record is kept
 * whole inside `included` (its own fields are ids already). The same rule, applied to the
 * answer's JSON Schema, gives the compact form's schema (`compactSchema`), so the document
 * describes exactly what `compact` produces.
 */
import {
  collections,
  type EntityKind,
  entityKinds,
  entitySchemas,
  idPrefixes,
} from "@care-atlas/domain";
import { z } from "zod";
import { isObject, type Json, type JsonObject } from "../openapi/nullable.js";

/** The collection of `included` each kind of record goes to. */
const collectionOfKind: Readonly<Record<EntityKind, string>> = {
  ...collections,
  strategyElement: "strategyElements",
};

/** The LSOAs' collection. */
const lsoas = "lsoas";

const kindOfPrefix = new Map<string, EntityKind>(
  entityKinds.map((kind) => [idPrefixes[kind], kind]),
);

const recordId = /^([a-z]{3})_[0-9a-z]{8,40}$/;
const lsoaCode = /^E01\d{6}$/;

/** The collection and key of a value when it is a record, else undefined. */
const recordKey = (value: JsonObject): { collection: string; key: string } | undefined => {
  const id = value.id;
  if (typeof id === "string" && "valid" in value) {
    const kind = kindOfPrefix.get(recordId.exec(id)?.[1] ?? "");
    if (kind !== undefined) return { collection: collectionOfKind[kind], key: id };
  }
  const code = value.code;
  if (
    typeof code === "string" &&
    lsoaCode.test(code) &&
    "districtCode" in value &&
    "name" in value
  ) {
    return { collection: lsoas, key: code };
  }
  return undefined;
};

/**
 * The compact form of an answer's JSON (its top-level members kept, records inside them
 * replaced by keys, `included` added).
 *
 * @example
 * ```ts
 * compact({ data: { practice: { id: "org_…", valid: {…}, … } }, dataVersion: 9 });
 * // { data: { practice: "org_…" }, dataVersion: 9, included: { organisations: { "org_…": {…} } } }
 * ```
 */
export const compact = (answer: JsonObject): JsonObject => {
  const included: Record<string, Record<string, Json>> = {};
  const walk = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isObject(value)) return value;
    const record = recordKey(value);
    if (record !== undefined) {
      const into = included[record.collection] ?? {};
      included[record.collection] = into;
      into[record.key] ??= value;
      return record.key;
    }
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(value)) out[key] = walk(member);
    return out;
  };
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(answer)) body[key] = walk(value);
  body.included = included;
  return body;
};

/** The component name of each entity schema (its zod meta id), with its collection. */
const entityComponents = (): Map<string, string> => {
  const names = new Map<string, string>();
  for (const kind of entityKinds) {
    const id = z.globalRegistry.get(entitySchemas[kind])?.id;
    if (id !== undefined) names.set(id, collectionOfKind[kind]);
  }
  names.set("Lsoa", lsoas);
  return names;
};

const refName = (ref: string): string => ref.replace("#/components/schemas/", "");

/**
 * The JSON Schema of the compact form of answers that `schema` describes, in `document`
 * (whose components it reads): the same rule as {@link compact}, on schemas.
 */
export const compactSchema = (schema: Json, document: JsonObject): JsonObject => {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const entities = entityComponents();
  // A component that is an entity with fields beside it (allOf [entity, …]) is one too.
  for (const [name, component] of Object.entries(schemas)) {
    const first =
      isObject(component) && Array.isArray(component.allOf) ? component.allOf[0] : undefined;
    if (isObject(first) && typeof first.$ref === "string") {
      const collection = entities.get(refName(first.$ref));
      if (collection !== undefined) entities.set(name, collection);
    }
  }
  const anyVersion = "EntityVersion";
  const included = new Map<string, Set<string>>();
  const include = (collection: string, ref: string) => {
    const refs = included.get(collection) ?? new Set<string>();
    refs.add(ref);
    included.set(collection, refs);
  };

  const walk = (node: Json, seen: ReadonlySet<string>): Json => {
    if (Array.isArray(node)) return node.map((item) => walk(item, seen));
    if (!isObject(node)) return node;
    if (typeof node.$ref === "string") {
      const name = refName(node.$ref);
      const collection = entities.get(name);
      if (collection !== undefined) {
        include(collection, node.$ref);
        const { $ref: _ref, ...rest } = node;
        return {
          ...rest,
          type: "string",
          description: `The key of a record in \`included.${collection}\`.`,
        };
      }
      if (name === anyVersion) {
        for (const collection of Object.values(collectionOfKind)) include(collection, node.$ref);
        const { $ref: _ref, ...rest } = node;
        return {
          ...rest,
          type: "string",
          description: "The id of a record in `included` (under its kind's collection).",
        };
      }
      const target = schemas[name];
      if (target === undefined || seen.has(name)) return node;
      const before = JSON.stringify(target);
      const walked = walk(target, new Set([...seen, name]));
      // A component with no record inside stays a reference.
      if (JSON.stringify(walked) === before) return node;
      const { $ref: _ref, ...rest } = node;
      return Object.keys(rest).length === 0 ? walked : { allOf: [walked], ...rest };
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === "properties" && isObject(value)
          ? Object.fromEntries(
              Object.entries(value).map(([name, property]) => [name, walk(property, seen)]),
            )
          : key === "example" || key === "examples" || key === "description"
            ? value
            : walk(value, seen);
    }
    return out;
  };

  const body = walk(schema, new Set());
  const properties: JsonObject = {};
  for (const [collection, refs] of [...included.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const members = [...refs].sort().map((ref) => ({ $ref: ref }));
    properties[collection] = {
      type: "object",
      description: `The ${collection} the answer refers to, by key, each once.`,
      additionalProperties: members.length === 1 ? (members[0] ?? {}) : { anyOf: members },
    };
  }
  return {
    allOf: [
      body,
      {
        type: "object",
        properties: {
          included: {
            type: "object",
            description: "The records the answer refers to, by collection and key, each once.",
            properties,
          },
        },
        required: ["included"],
      },
    ],
    description:
      "The compact form (`form=compact`): records replaced by their keys, each record once in `included`.",
  };
};
