/**
 * @module FieldMeta
 * What a form needs to know about a field beyond its type: its label, its hint, whether its
 * text runs to several lines, and, for an id, the kind of entity it refers to. The metadata
 * lives in a zod registry beside the schemas, in three places:
 *
 * - on the field's own schema, `placeId: PlaceId.optional().register(fieldMeta, { label: "Place" })`;
 * - on a schema, for what holds wherever it is used: each id schema (`PlaceId`,
 *   `OrganisationId`, `EntityId`, …) carries the kind it refers to, `Name` is labelled "Name";
 * - on an object, under `fields`, for a field whose schema is shared with other fields
 *   (`hostId: OrganisationId`): registering on the shared schema would label every field
 *   that uses it, and a copy of a named schema (`EntityId`, `Pence`) would no longer be
 *   referenced by its name in OpenAPI documents.
 *
 * {@link fieldMetaOf} reads a field's metadata: the field schema's, then what the schemas it
 * wraps (`.optional()`, `.nullable()`, `.default()`) registered, then its object's `fields`
 * entry, the later winning over the inner. Copies made by `.describe()`, `.meta()` or
 * `.refine()` inherit the metadata of the schema they copy.
 */
import { z } from "zod";
import type { EntityKind } from "./Id.js";

/**
 * The form metadata of a field.
 *
 * @example
 * ```ts
 * import type { FieldMeta } from "@care-atlas/domain";
 * const meta: FieldMeta = { label: "Sub-ICB location", refersTo: "organisation" };
 * ```
 */
export interface FieldMeta {
  /** What a form calls the field, e.g. "Sub-ICB location". */
  readonly label?: string;
  /**
   * The help shown with the field. When absent, the schema's description is the hint;
   * `false` shows none (for a description that only explains values the form already lists).
   */
  readonly hint?: string | false;
  /** Whether the field holds free text long enough to need several lines. */
  readonly multiline?: boolean;
  /** For an id: the kind of entity it refers to, or `"any"` when any kind may be named. */
  readonly refersTo?: EntityKind | "any";
  /** On an object schema: the metadata of those of its fields whose schema is shared. */
  readonly fields?: Readonly<Record<string, Omit<FieldMeta, "fields">>>;
}

/**
 * The registry of field metadata. The domain's schemas are registered in it; register your
 * own schemas the same way to give their forms labels and hints.
 *
 * @example
 * ```ts
 * import { fieldMeta, OrganisationId, PlaceId } from "@care-atlas/domain";
 * import { z } from "zod";
 * const Clinic = z
 *   .object({
 *     name: z.string().register(fieldMeta, { label: "Clinic name" }),
 *     placeId: PlaceId.optional().register(fieldMeta, { label: "Place" }),
 *     hostId: OrganisationId, // a shared schema: the object says what this field is called
 *   })
 *   .register(fieldMeta, { fields: { hostId: { label: "Host organisation" } } });
 * ```
 */
export const fieldMeta = z.registry<FieldMeta>();

/** A field's metadata as a form reads it: the hint resolved to text or absent. */
export interface ResolvedFieldMeta {
  readonly label?: string;
  readonly hint?: string;
  readonly multiline?: boolean;
  readonly refersTo?: EntityKind | "any";
}

const inner = (schema: z.ZodType): z.ZodType | undefined =>
  schema instanceof z.ZodOptional ||
  schema instanceof z.ZodNullable ||
  schema instanceof z.ZodDefault
    ? (schema.unwrap() as z.ZodType)
    : undefined;

/**
 * The metadata of the field `key` of `object`: what its schema and the schemas it wraps
 * (`.optional()`, `.nullable()`, `.default()`) registered in {@link fieldMeta}, overridden by
 * the object's `fields` entry for it. The hint falls back to the field's description (the
 * outermost one), unless a registration says `hint: false`.
 *
 * @example
 * ```ts
 * import { fieldMetaOf, Organisation, PooledBudget } from "@care-atlas/domain";
 * fieldMetaOf(Organisation, "placeId");
 * // { refersTo: "place", label: "Place", hint: "The place the organisation is in or serves, when it is one place." }
 * fieldMetaOf(PooledBudget, "hostId"); // { refersTo: "organisation", label: "Host organisation" }
 * ```
 */
export const fieldMetaOf = (object: z.ZodObject, key: string): ResolvedFieldMeta => {
  const schema = object.shape[key];
  if (schema === undefined) throw new Error(`the object has no field ${key}`);
  const layers: z.ZodType[] = [];
  for (let s: z.ZodType | undefined = schema; s !== undefined; s = inner(s)) layers.push(s);
  const merged: FieldMeta = Object.assign(
    {},
    ...layers.toReversed().map((s) => fieldMeta.get(s)),
    fieldMeta.get(object)?.fields?.[key],
  );
  const { hint, fields: _fields, ...rest } = merged;
  const description = layers.find((s) => s.description !== undefined)?.description;
  const text = hint === false ? undefined : (hint ?? description);
  return text === undefined ? rest : { ...rest, hint: text };
};
