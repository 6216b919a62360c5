/**
 * A Redocly CLI plugin: every property of every schema has a description, its own or its
 * referenced schema's (`care-atlas/property-description`). The configurable rules of
 * `redocly.yaml` check the operations' descriptions and the responses' examples.
 */
function PropertyDescription() {
  return {
    Schema: {
      enter(schema, ctx) {
        const properties = schema.properties;
        if (properties === undefined || properties === null) return;
        for (const [name, property] of Object.entries(properties)) {
          if (typeof property !== "object" || property === null) continue;
          if (typeof property.description === "string" && property.description.trim() !== "") {
            continue;
          }
          // A reference, or a nullable one (anyOf [reference, null]): the target's description.
          const refs = [property, ...(Array.isArray(property.anyOf) ? property.anyOf : [])];
          const described = refs.some((ref) => {
            if (typeof ref?.$ref !== "string") return false;
            const target = ctx.resolve(ref).node;
            return typeof target?.description === "string" && target.description.trim() !== "";
          });
          if (described) continue;
          ctx.report({
            message: `The property "${name}" has no description.`,
            location: ctx.location.child(["properties", name]),
          });
        }
      },
    },
  };
}

export default function careAtlasPlugin() {
  return {
    id: "care-atlas",
    rules: { oas3: { "property-description": PropertyDescription } },
  };
}
