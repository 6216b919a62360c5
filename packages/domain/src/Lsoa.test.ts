import { describe, expect, it } from "vitest";
import {
  CanonicalPostcode,
  LatLon,
  Lsoa,
  normalisePostcode,
  Postcode,
  PostcodeLocation,
} from "./Lsoa.js";

const lsoa = {
  code: "E01999001",
  name: "Synthetic 001A",
  msoa: { code: "E02999001", name: "Synthetic 001", hclName: "Synthetic Village" },
  ward: { code: "E05999001", name: "Synthetic Ward" },
  districtCode: "E08999001",
  centroid: { lat: 53.4, lon: -2.3 },
  population: { value: 1500, basis: "resident", date: "2021-03-21", source: "synthetic" },
};

const issuesOf = (value: unknown) => {
  const result = Lsoa.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("Lsoa", () => {
  it("accepts an LSOA with its MSOA, ward, district, centroid and population", () => {
    expect(Lsoa.parse(lsoa)).toEqual(lsoa);
  });

  it("needs only code, name and district, with an MSOA when known", () => {
    const minimal = {
      code: "E01999002",
      name: "Synthetic 001B",
      msoa: { code: "E02999001", name: "Synthetic 001" },
      districtCode: "E06999001",
    };
    expect(Lsoa.parse(minimal)).toEqual(minimal);
  });

  it("takes an LSOA without its MSOA, as the national LSOA lookups give it", () => {
    const national = {
      code: "E01012392",
      name: "Halton 001A",
      districtCode: "E06000006",
    };
    expect(Lsoa.parse(national)).toEqual(national);
  });

  it.each([
    [
      "an MSOA code as the LSOA code",
      { code: "E02999001" },
      "code",
      "must be an LSOA code, E01 + 6 digits",
    ],
    ["an empty name", { name: "" }, "name", "must not be empty"],
    [
      "a bad MSOA code",
      { msoa: { code: "E01999001", name: "Synthetic 001" } },
      "msoa.code",
      "must be an MSOA code, E02 + 6 digits",
    ],
    [
      "an MSOA without a name",
      { msoa: { code: "E02999001", name: "" } },
      "msoa.name",
      "must not be empty",
    ],
    [
      "a bad ward code",
      { ward: { code: "E08999001", name: "Synthetic Ward" } },
      "ward.code",
      "must be a ward code, E05 + 6 digits",
    ],
    [
      "a combined authority as the district",
      { districtCode: "E47999001" },
      "districtCode",
      "must be a local authority district code",
    ],
    [
      "a Welsh district code",
      { districtCode: "W06999001" },
      "districtCode",
      "must be a local authority district code",
    ],
    [
      "a latitude above 90",
      { centroid: { lat: 91, lon: -2.3 } },
      "centroid.lat",
      expect.stringMatching(/<=90/),
    ],
    [
      "a longitude below -180",
      { centroid: { lat: 53.4, lon: -181 } },
      "centroid.lon",
      expect.stringMatching(/>=-180/),
    ],
    [
      "a population with a bad date",
      { population: { ...lsoa.population, date: "2021-3-21" } },
      "population.date",
      "must be a date, YYYY-MM-DD",
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...lsoa, ...patch })).toContainEqual({ path, message });
  });

  it("LatLon accepts the extremes", () => {
    expect(LatLon.parse({ lat: -90, lon: 180 })).toEqual({ lat: -90, lon: 180 });
  });
});

describe("normalisePostcode / Postcode", () => {
  it.each([
    ["ZZ9 9ZZ", "ZZ9 9ZZ"],
    [" zz99zz ", "ZZ9 9ZZ"],
    ["z9  9zz", "Z9 9ZZ"],
    ["ZZ9Z9ZZ", "ZZ9Z 9ZZ"],
    ["Z99 9ZZ", "Z99 9ZZ"],
    ["zz\t9 9\nzz", "ZZ9 9ZZ"],
  ])("normalises %j to %j", (text, canonical) => {
    expect(normalisePostcode(text)).toBe(canonical);
    expect(Postcode.parse(text)).toBe(canonical);
  });

  it.each(["", "ZZ9", "ZZ9 9Z", "9Z9 9ZZ", "ZZZ9 9ZZ", "ZZ9 99Z", "ZZ9 9ZZ9", "not a postcode"])(
    "rejects %j",
    (text) => {
      expect(normalisePostcode(text)).toBeNull();
      const result = Postcode.safeParse(text);
      expect(result.error?.issues[0]?.message).toBe(`"${text}" is not a UK postcode`);
    },
  );

  it("CanonicalPostcode accepts only the canonical form", () => {
    expect(CanonicalPostcode.parse("ZZ9 9ZZ")).toBe("ZZ9 9ZZ");
    for (const text of ["zz9 9zz", "ZZ99ZZ", "ZZ9  9ZZ", " ZZ9 9ZZ", "ZZ9"]) {
      expect(CanonicalPostcode.safeParse(text).error?.issues[0]?.message).toBe(
        "must be a canonical postcode such as M32 0JG",
      );
    }
  });

  it("normalised postcodes are canonical", () => {
    for (const text of ["zz99zz", "z9 9zz", "zz9z9zz"]) {
      const postcode = normalisePostcode(text);
      expect(postcode).not.toBeNull();
      expect(CanonicalPostcode.safeParse(postcode).success).toBe(true);
    }
  });
});

describe("PostcodeLocation", () => {
  it("accepts a canonical postcode with its LSOA, ward and point", () => {
    const location = {
      postcode: "ZZ9 9ZZ",
      lsoaCode: "E01999001",
      wardCode: "E05999001",
      point: { lat: 53.4, lon: -2.3 },
    };
    expect(PostcodeLocation.parse(location)).toEqual(location);
  });

  it.each([
    [
      "a lower-case postcode",
      { postcode: "zz9 9zz" },
      "postcode",
      "must be a canonical postcode such as M32 0JG",
    ],
    [
      "a postcode without its space",
      { postcode: "ZZ99ZZ" },
      "postcode",
      "must be a canonical postcode such as M32 0JG",
    ],
    [
      "a bad postcode",
      { postcode: "ZZ9" },
      "postcode",
      "must be a canonical postcode such as M32 0JG",
    ],
    [
      "a bad LSOA code",
      { lsoaCode: "E05999001" },
      "lsoaCode",
      "must be an LSOA code, E01 + 6 digits",
    ],
    [
      "a bad ward code",
      { wardCode: "E01999001" },
      "wardCode",
      "must be a ward code, E05 + 6 digits",
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    const result = PostcodeLocation.safeParse({
      postcode: "ZZ9 9ZZ",
      lsoaCode: "E01999001",
      ...patch,
    });
    expect(
      result.error?.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    ).toContainEqual({ path, message });
  });
});
