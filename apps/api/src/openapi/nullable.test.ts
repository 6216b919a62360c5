import { describe, expect, it } from "vitest";
import { nullableReferences } from "./nullable.js";

const place = {
  type: "object",
  properties: { id: { type: "string" } },
  required: ["id"],
  description: "A place.",
};

describe("nullableReferences", () => {
  it("turns allOf [$ref, object|null] into anyOf [$ref, null]", () => {
    const document = {
      components: { schemas: { Place: place } },
      paths: {
        x: { allOf: [{ $ref: "#/components/schemas/Place" }, { type: ["object", "null"] }] },
      },
    };
    nullableReferences(document);
    expect(document.paths.x).toEqual({
      anyOf: [{ $ref: "#/components/schemas/Place" }, { type: "null" }],
    });
  });

  it("turns an inline nullable copy of a component into a reference, keeping its description", () => {
    const copy = { ...place, type: ["object", "null"], description: "The place of the LSOA." };
    const document = {
      components: { schemas: { Place: place, Holder: { type: "object", properties: { copy } } } },
    };
    nullableReferences(document);
    expect(document.components.schemas.Holder.properties.copy).toEqual({
      anyOf: [{ $ref: "#/components/schemas/Place" }, { type: "null" }],
      description: "The place of the LSOA.",
    });
    expect(document.components.schemas.Place).toEqual(place);
  });

  it("leaves nullable scalars, and objects that copy no component, as they are", () => {
    const document = {
      components: { schemas: { Place: place } },
      a: { type: ["string", "null"] },
      b: { type: ["object", "null"], properties: { other: { type: "number" } } },
    };
    const before = JSON.parse(JSON.stringify(document));
    nullableReferences(document);
    expect(document).toEqual(before);
  });

  it("makes a component written nullable non-null, and each reference to it nullable", () => {
    const document = {
      components: { schemas: { Result: { ...place, type: ["object", "null"] } } },
      x: { $ref: "#/components/schemas/Result", description: "The result." },
    };
    nullableReferences(document);
    expect(document.components.schemas.Result).toEqual(place);
    expect(document.x).toEqual({
      anyOf: [{ $ref: "#/components/schemas/Result" }, { type: "null" }],
      description: "The result.",
    });
  });

  it("adds null to the values of a nullable enumeration", () => {
    const document = { x: { type: ["string", "null"], enum: ["place", "team"] } };
    nullableReferences(document);
    expect(document.x.enum).toEqual(["place", "team", null]);
  });

  it("drops the empty second half of an item's allOf", () => {
    const document = {
      x: {
        allOf: [
          { type: "object", properties: { a: { type: "string" } } },
          { type: "object", properties: {} },
        ],
        description: "One item.",
      },
    };
    nullableReferences(document);
    expect(document.x).toEqual({
      type: "object",
      properties: { a: { type: "string" } },
      description: "One item.",
    });
  });
});
