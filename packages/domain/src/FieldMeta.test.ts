import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldMeta, fieldMetaOf } from "./FieldMeta.js";
import { EntityId, OrganisationId, PlaceId } from "./Id.js";
import { Organisation } from "./Organisation.js";
import { PooledBudget } from "./PooledBudget.js";
import { Relationship } from "./Relationship.js";
import { entitySchemas } from "./Snapshot.js";
import { StrategyElement } from "./StrategyElement.js";

describe("fieldMetaOf", () => {
  it("merges the field's registration with the kind its id schema refers to", () => {
    expect(fieldMetaOf(Organisation, "parentId")).toEqual({
      refersTo: "organisation",
      label: "Parent organisation",
      hint: "e.g. a sub-ICB location's ICB.",
    });
    expect(fieldMetaOf(StrategyElement, "parentId")).toMatchObject({
      refersTo: "strategyElement",
      label: "Parent outcome",
    });
  });

  it("takes the object's entry for a field whose schema is shared", () => {
    expect(fieldMetaOf(PooledBudget, "hostId")).toEqual({
      refersTo: "organisation",
      label: "Host organisation",
      hint: "The organisation that hosts the budget.",
    });
    expect(fieldMetaOf(Relationship, "subjectId")).toMatchObject({
      refersTo: "any",
      label: "Subject",
    });
    expect(fieldMetaOf(Relationship, "objectId")).toMatchObject({ label: "Object" });
  });

  it("falls back to the description for the hint, and shows none for `hint: false`", () => {
    expect(fieldMetaOf(Organisation, "kind")).toEqual({ label: "Kind" });
    expect(fieldMetaOf(Organisation, "roles")).toEqual({
      label: "Roles",
      hint: "The roles it holds (commissioner, provider…), each with its period.",
    });
    expect(fieldMetaOf(Organisation, "valid")).toEqual({
      label: "Valid",
      hint: "When this version was true in the world.",
    });
    expect(fieldMetaOf(Relationship, "kind").hint).toBe("How the subject relates to the object.");
  });

  it("reads schemas registered outside the domain, through optional, nullable and default", () => {
    const Clinic = z
      .object({
        name: z.string().describe("What the clinic calls itself.").register(fieldMeta, {
          label: "Clinic name",
        }),
        placeId: PlaceId.optional().register(fieldMeta, { label: "Place" }),
        notes: z.string().nullable().default(null).register(fieldMeta, { multiline: true }),
        hostId: OrganisationId,
      })
      .register(fieldMeta, { fields: { hostId: { label: "Host organisation", hint: false } } });
    expect(fieldMetaOf(Clinic, "name")).toEqual({
      label: "Clinic name",
      hint: "What the clinic calls itself.",
    });
    expect(fieldMetaOf(Clinic, "placeId")).toEqual({ refersTo: "place", label: "Place" });
    expect(fieldMetaOf(Clinic, "notes")).toEqual({ multiline: true });
    expect(fieldMetaOf(Clinic, "hostId")).toEqual({
      refersTo: "organisation",
      label: "Host organisation",
    });
    expect(() => fieldMetaOf(Clinic, "nothing")).toThrow("no field nothing");
  });

  it("leaves the shared schemas alone", () => {
    expect(fieldMeta.get(OrganisationId)).toEqual({ refersTo: "organisation" });
    expect(fieldMeta.get(EntityId)).toEqual({ refersTo: "any" });
  });
});

/** Every object schema reachable from the entity schemas, with its path. */
const objectsOf = (schema: z.ZodType, path: string): Array<[string, z.ZodObject]> => {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault
  ) {
    return objectsOf(schema.unwrap() as z.ZodType, path);
  }
  if (schema instanceof z.ZodArray) return objectsOf(schema.element as z.ZodType, `${path}.#`);
  if (!(schema instanceof z.ZodObject)) return [];
  return [
    [path, schema],
    ...Object.entries(schema.shape).flatMap(([key, field]) =>
      objectsOf(field as z.ZodType, `${path}.${key}`),
    ),
  ];
};

const elementOf = (schema: z.ZodType): z.ZodType => {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
    s = s.unwrap() as z.ZodType;
  }
  return s instanceof z.ZodArray ? (s.element as z.ZodType) : s;
};

describe("the domain's field metadata", () => {
  const objects = Object.entries(entitySchemas).flatMap(([kind, schema]) =>
    objectsOf(schema, kind),
  );

  it("labels every field of every entity, however deep", () => {
    const unlabelled = objects.flatMap(([path, object]) =>
      Object.keys(object.shape)
        .filter((key) => key !== "id" && fieldMetaOf(object, key).label === undefined)
        .map((key) => `${path}.${key}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it("says which kind every id field refers to", () => {
    const unknown = objects.flatMap(([path, object]) =>
      Object.entries(object.shape)
        .filter(([key]) => /Ids?$/.test(key))
        .filter(
          ([key, field]) =>
            fieldMetaOf(object, key).refersTo === undefined &&
            fieldMeta.get(elementOf(field as z.ZodType))?.refersTo === undefined,
        )
        .map(([key]) => `${path}.${key}`),
    );
    expect(unknown).toEqual([]);
  });

  it("names only fields that exist in an object's `fields`", () => {
    const strays = objects.flatMap(([path, object]) =>
      Object.keys(fieldMeta.get(object)?.fields ?? {})
        .filter((key) => !(key in object.shape))
        .map((key) => `${path}.${key}`),
    );
    expect(strays).toEqual([]);
  });
});
