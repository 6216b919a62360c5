/**
 * Type tests for the public types: checked by tsc (`vitest run` with typecheck, and the
 * package's `typecheck` script), never executed.
 */

import { describe, expectTypeOf, test } from "vitest";
import type { z } from "zod";
import {
  type Collaborative,
  type CollaborativePurpose,
  contains,
  type Entity,
  type EntityKind,
  type EntityOf,
  type ExternalIdentifier,
  entitiesOf,
  type Finding,
  gaps,
  type IsoDate,
  intersect,
  kindOfId,
  merge,
  type Neighbourhood,
  newId,
  type Organisation,
  type Period,
  Place,
  type Snapshot,
  stableId,
  type TeamRole,
  validAt,
} from "./index.js";

describe("schemas and their types share a name", () => {
  test("a Place is the output of the Place schema", () => {
    expectTypeOf<Place>().toEqualTypeOf<z.output<typeof Place>>();
    expectTypeOf(Place.parse({})).toEqualTypeOf<Place>();
  });

  test("defaults are optional on input and present on output", () => {
    expectTypeOf<z.input<typeof Place>["codes"]>().toExtend<unknown[] | undefined>();
    expectTypeOf<Place["codes"]>().not.toBeUndefined();
    expectTypeOf<Place["codes"]>().toEqualTypeOf<ExternalIdentifier[]>();
  });

  test("optional fields may be left out; required ones may not", () => {
    expectTypeOf<Omit<Place, "councilId" | "placeBasedLead">>().toExtend<Place>();
    expectTypeOf<Omit<Place, "name">>().not.toExtend<Place>();
    expectTypeOf<Omit<Place, "provenance">>().not.toExtend<Place>();
  });
});

describe("time", () => {
  test("a period's end is a date or null", () => {
    expectTypeOf<Period>().toEqualTypeOf<{ from: string; to: string | null }>();
    expectTypeOf<IsoDate>().toBeString();
  });

  test("the algebra's signatures", () => {
    expectTypeOf(contains).parameters.toEqualTypeOf<[Period, IsoDate]>();
    expectTypeOf(contains).returns.toBeBoolean();
    expectTypeOf(intersect).returns.toEqualTypeOf<Period | null>();
    expectTypeOf(merge).returns.toEqualTypeOf<Period[]>();
    expectTypeOf(gaps).returns.toEqualTypeOf<Period[]>();
    // @ts-expect-error a period needs `to` (null when open-ended)
    contains({ from: "2020-01-01" }, "2020-01-01");
  });

  test("validAt keeps the element type", () => {
    expectTypeOf(validAt<Neighbourhood>).returns.toEqualTypeOf<Neighbourhood[]>();
    const places: Place[] = [];
    expectTypeOf(validAt(places, "2020-01-01")).toEqualTypeOf<Place[]>();
    // @ts-expect-error versions must carry a valid period
    validAt([{ id: "plc_00000001" }], "2020-01-01");
  });
});

describe("ids", () => {
  test("kinds and ids", () => {
    expectTypeOf(kindOfId).returns.toEqualTypeOf<EntityKind | undefined>();
    expectTypeOf(stableId).parameter(0).toEqualTypeOf<EntityKind>();
    expectTypeOf<"place">().toExtend<EntityKind>();
    expectTypeOf<"hospital">().not.toExtend<EntityKind>();
    // @ts-expect-error "hospital" is not an entity kind
    newId("hospital");
  });
});

describe("the snapshot", () => {
  test("collections hold their kind's records", () => {
    expectTypeOf<Snapshot["places"]>().toEqualTypeOf<Place[]>();
    expectTypeOf<Snapshot["organisations"]>().toEqualTypeOf<Organisation[]>();
    expectTypeOf<EntityOf["collaborative"]>().toEqualTypeOf<Collaborative>();
    expectTypeOf<Place>().toExtend<Entity>();
  });

  test("entitiesOf yields kind-tagged entities", () => {
    expectTypeOf(entitiesOf).returns.toEqualTypeOf<
      Generator<{ kind: EntityKind; entity: Entity }>
    >();
  });
});

describe("vocabularies are literal unions", () => {
  test("team roles, purposes and severities", () => {
    expectTypeOf<"district-nurse">().toExtend<TeamRole>();
    expectTypeOf<"surgeon">().not.toExtend<TeamRole>();
    expectTypeOf<Collaborative["purposes"]>().toEqualTypeOf<CollaborativePurpose[]>();
    expectTypeOf<Finding["severity"]>().toEqualTypeOf<"error" | "warning">();
  });
});
