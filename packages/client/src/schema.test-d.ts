/**
 * Type tests of the generated types: a nullable reference in the document is `T | null`
 * in TypeScript (not `T & (Record<string, never> | null)`), so a client reads `place.name`
 * after checking for null, and must check.
 */
import { describe, expectTypeOf, it } from "vitest";
import type { CareAtlasClient, components } from "./index.js";

type Schemas = components["schemas"];

describe("nullable references", () => {
  it("are T | null in the lookups", () => {
    expectTypeOf<Schemas["PracticeLookup"]["membership"]>().toEqualTypeOf<
      Schemas["Relationship"] | null
    >();
    expectTypeOf<Schemas["PracticeLookup"]["pcn"]>().toEqualTypeOf<
      Schemas["Organisation"] | null
    >();
    expectTypeOf<Schemas["PostcodeLookup"]["place"]>().toEqualTypeOf<Schemas["Place"] | null>();
    expectTypeOf<Schemas["PostcodeLookup"]["subIcbLocation"]>().toEqualTypeOf<
      Schemas["Organisation"] | null
    >();
    expectTypeOf<Schemas["LsoaLookup"]["icb"]>().toEqualTypeOf<Schemas["Organisation"] | null>();
    expectTypeOf<Schemas["NeighbourhoodInScheme"]["scheme"]>().toEqualTypeOf<
      Schemas["NeighbourhoodScheme"] | null
    >();
    expectTypeOf<Schemas["BulkPostcodeItem"]["result"]>().toEqualTypeOf<
      Schemas["BulkPostcodeResult"] | null
    >();
  });

  it("give a name only after the null check", () => {
    const place = {} as Schemas["PostcodeLookup"]["place"];
    // @ts-expect-error: place may be null
    place.name;
    if (place !== null) expectTypeOf(place.name).toEqualTypeOf<string>();
  });

  it("reach the client's answers", () => {
    type Answer = Awaited<ReturnType<CareAtlasClient["GET"]>>;
    expectTypeOf<Answer>().not.toBeNever();
  });
});
