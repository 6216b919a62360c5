/**
 * @module openapi/nullable
 * Nullable references as JSON Schema 2020-12 says them: `anyOf: [{ $ref }, { type: "null" }]`.
 * The generator writes a nullable component as `allOf: [{ $ref }, { type: [..., "null"] }]`
 * (which `null` fails: it must match the `$ref` too), or, when the nullable schema carries
 * its own description, as an inline copy of the component with `"null"` added to its
 * type; and sometimes makes the component itself nullable; and leaves `null` out of the
 * `enum` of a nullable enumeration. This rewrites the four forms, keeping the description beside the `anyOf`; and drops the
 * empty second half of `allOf: [A, { type: "object", properties: {} }]` (an item with no
 * extra fields).
 */

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** Whether a value is a JSON object (not an array, not null). */
export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A canonical text of a value (keys sorted). */
const canonical = (value: Json): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (!isObject(value)) return JSON.stringify(value);
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(value[key] ?? null)}`)
    .join(",")}}`;
};

/** The canonical text of a schema without its own description, for comparing copies. */
const shapeOf = (schema: JsonObject): string => {
  const { description: _description, ...rest } = schema;
  return canonical(rest);
};

const nullType = { type: "null" };

/** `type` with `"null"` taken out, or undefined when it had no `"null"`. */
const withoutNull = (type: Json | undefined): Json | undefined => {
  if (!Array.isArray(type) || !type.includes("null")) return undefined;
  const rest = type.filter((t) => t !== "null");
  return rest.length === 1 ? (rest[0] ?? null) : rest;
};

/**
 * Rewrites the nullable references of an OpenAPI 3.1 document in place.
 *
 * @example
 * ```ts
 * nullableReferences(document);
 * // { allOf: [{ $ref: "#/components/schemas/Place" }, { type: ["object", "null"] }] }
 * // becomes { anyOf: [{ $ref: "#/components/schemas/Place" }, { type: "null" }] }
 * ```
 */
export const nullableReferences = (document: JsonObject): void => {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  // A component written nullable itself: made non-null, and every reference to it nullable
  // (each one accepted null before, and still does).
  const nullableComponents = new Set<string>();
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema)) continue;
    const type = withoutNull(schema.type);
    if (type === undefined) continue;
    schema.type = type;
    nullableComponents.add(`#/components/schemas/${name}`);
  }

  // First the allOf forms everywhere, then inline copies of the (rewritten) components.
  let byShape = new Map<string, string>();
  const rewrite = (node: Json, copies: boolean): Json => {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, copies));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) out[key] = rewrite(value, copies);

    // A nullable enum lists null among its values (or null fails the enum).
    if (!copies && Array.isArray(out.enum) && withoutNull(out.type) !== undefined) {
      if (!out.enum.includes(null)) out.enum = [...out.enum, null];
    }

    if (!copies && typeof out.$ref === "string" && nullableComponents.has(out.$ref)) {
      const { $ref, ...rest } = out;
      return { ...rest, anyOf: [{ $ref }, nullType] };
    }

    // allOf [{ $ref }, { type: [T, "null"] }] → anyOf [{ $ref }, { type: "null" }]
    const all = out.allOf;
    if (Array.isArray(all) && all.length === 2) {
      const [first, second] = all;
      if (
        isObject(first) &&
        typeof first.$ref === "string" &&
        isObject(second) &&
        Object.keys(second).length === 1 &&
        withoutNull(second.type) !== undefined
      ) {
        const { allOf: _all, ...rest } = out;
        return { ...rest, anyOf: [first, nullType] };
      }
      if (
        isObject(second) &&
        second.type === "object" &&
        isObject(second.properties) &&
        Object.keys(second.properties).length === 0 &&
        Object.keys(second).every((key) => key === "type" || key === "properties")
      ) {
        const { allOf: _all, ...rest } = out;
        return isObject(first) ? { ...first, ...rest } : out;
      }
    }

    // An inline copy of an object component with "null" in its type → anyOf [{ $ref }, null]
    if (copies && withoutNull(out.type) === "object") {
      const name = byShape.get(shapeOf({ ...out, type: "object" }));
      if (name !== undefined) {
        const ref = { $ref: `#/components/schemas/${name}` };
        return typeof out.description === "string"
          ? { anyOf: [ref, nullType], description: out.description }
          : { anyOf: [ref, nullType] };
      }
    }
    return out;
  };

  for (const [key, value] of Object.entries(document)) document[key] = rewrite(value, false);
  const rewritten = isObject(document.components) ? document.components.schemas : undefined;
  byShape = new Map();
  for (const [name, schema] of Object.entries(isObject(rewritten) ? rewritten : {})) {
    if (isObject(schema) && schema.type === "object") byShape.set(shapeOf(schema), name);
  }
  for (const [key, value] of Object.entries(document)) document[key] = rewrite(value, true);
};
