/**
 * @module FormModel
 * Forms generated from the domain's zod schemas: each entity kind's schema is walked into a
 * tree of fields — text, date, number, yes/no, choice, lists, groups of fields, repeating
 * rows — that the form view renders and `readForm` reads back. The structure comes from the
 * schemas themselves; labels, hints, multiline text and the kind an id refers to come from
 * the domain's field metadata (`fieldMetaOf`). Shapes too deep for plain HTML fields (a list
 * of rows inside a list of rows) become a JSON field, still validated by the same schema.
 */
import { type EntityKind, entitySchemas, fieldMeta, fieldMetaOf } from "@care-atlas/domain";
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
      /** The list may be left out of the record (left empty, it is). */
      readonly optional?: boolean;
      readonly fields: ReadonlyArray<FormField>;
    }
  | {
      readonly type: "json";
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      readonly required: boolean;
    };

/** A property's schema without its optional, default and nullable wrappers. */
interface Unwrapped {
  readonly schema: z.ZodType;
  /** Whether the property may be left out of the input (optional, or with a default). */
  readonly optional: boolean;
  readonly nullable: boolean;
}

const unwrap = (property: z.ZodType): Unwrapped => {
  let schema = property;
  let optional = false;
  let nullable = false;
  for (;;) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) optional = true;
    else if (schema instanceof z.ZodNullable) nullable = true;
    else return { schema, optional, nullable };
    schema = schema.unwrap() as z.ZodType;
  }
};

const isText = (schema: z.ZodType): boolean =>
  schema instanceof z.ZodString || schema instanceof z.ZodStringFormat;

const isPrimitive = (property: z.ZodType): boolean => {
  const { schema } = unwrap(property);
  return (
    isText(schema) ||
    schema instanceof z.ZodNumber ||
    schema instanceof z.ZodBoolean ||
    schema instanceof z.ZodEnum
  );
};

const isFlatGroup = (property: z.ZodType): boolean => {
  const { schema } = unwrap(property);
  return (
    schema instanceof z.ZodObject &&
    Object.values(schema.shape).every((p) => isPrimitive(p as z.ZodType))
  );
};

/** The kind an id refers to, or `undefined` for an id of any kind (and for a non-id). */
const kindOf = (refersTo: EntityKind | "any" | undefined): EntityKind | undefined =>
  refersTo === "any" ? undefined : refersTo;

const field = (object: z.ZodObject, key: string, name: string, depth: number): FormField => {
  const { schema, optional, nullable } = unwrap(object.shape[key] as z.ZodType);
  const required = !optional;
  const meta = fieldMetaOf(object, key);
  const base = {
    name,
    label: meta.label ?? key,
    ...(meta.hint === undefined ? {} : { hint: meta.hint }),
  };

  if (schema instanceof z.ZodEnum) {
    return {
      type: "choice",
      ...base,
      required: required && !nullable,
      options: schema.options.map(String),
    };
  }
  if (schema instanceof z.ZodBoolean) return { type: "boolean", ...base };
  if (schema instanceof z.ZodNumber) {
    return { type: "number", ...base, required, nullable, integer: schema.isInt };
  }
  if (schema instanceof z.ZodStringFormat && schema.format === "date") {
    return { type: "date", ...base, required, nullable };
  }
  if (isText(schema)) {
    if (meta.refersTo !== undefined) {
      return { type: "reference", ...base, required, kind: kindOf(meta.refersTo) };
    }
    return { type: "text", ...base, required, multiline: meta.multiline === true };
  }
  if (schema instanceof z.ZodArray) {
    const element = schema.element as z.ZodType;
    const items = unwrap(element).schema;
    if (items instanceof z.ZodEnum) {
      return { type: "choices", ...base, options: items.options.map(String) };
    }
    if (isText(items)) {
      return { type: "lines", ...base, kind: kindOf(fieldMeta.get(element)?.refersTo) };
    }
    if (items instanceof z.ZodObject && depth < 1) {
      const allFlat = Object.values(items.shape).every(
        (p) => isPrimitive(p as z.ZodType) || isFlatGroup(p as z.ZodType),
      );
      if (allFlat) {
        return {
          type: "rows",
          ...base,
          ...(optional ? { optional: true } : {}),
          fields: objectFields(items, `${name}.#`, 1),
        };
      }
    }
    return { type: "json", ...base, required };
  }
  if (schema instanceof z.ZodObject && depth < 2) {
    return { type: "group", ...base, required, fields: objectFields(schema, name, depth + 1) };
  }
  return { type: "json", ...base, required };
};

const objectFields = (object: z.ZodObject, prefix: string, depth: number): FormField[] =>
  Object.keys(object.shape).map((key) =>
    field(object, key, prefix === "" ? key : `${prefix}.${key}`, depth),
  );

const cache = new Map<EntityKind, ReadonlyArray<FormField>>();

/**
 * The fields of the form for an entity kind (every property except `id`), from its schema
 * and the domain's field metadata.
 *
 * @example
 * ```ts
 * formFields("organisation").map((f) => f.name);
 * // ["kind", "name", "codes", "roles", "placeId", "parentId", "postcode", "population", "valid", "provenance"]
 * ```
 */
export const formFields = (kind: EntityKind): ReadonlyArray<FormField> => {
  const cached = cache.get(kind);
  if (cached !== undefined) return cached;
  const fields = objectFields(entitySchemas[kind], "", 0).filter((f) => f.name !== "id");
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
