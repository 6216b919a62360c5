import { emptySnapshot } from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import { canonicalJson, lsoaAssignmentCsv, postcodeCsv, serialiseSnapshot } from "./serialise.js";

describe("canonicalJson", () => {
  it("puts leading keys first and the rest in code-point order, at every depth", () => {
    expect(
      canonicalJson({ valid: { to: null, from: "2020-01-01" }, name: "n", id: "i", Z: 1 }),
    ).toBe('{"id":"i","name":"n","Z":1,"valid":{"from":"2020-01-01","to":null}}');
  });

  it("gives the same text whatever order the keys were built in", () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(
      canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }),
    );
  });

  it("drops undefined members and refuses non-finite numbers", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
  });
});

describe("serialiseSnapshot", () => {
  it("writes every collection in schema order, one record per line", () => {
    const snapshot = emptySnapshot();
    snapshot.sources.push({
      key: "synthetic",
      publisher: "Synthetic",
      dataset: "Synthetic",
      licence: "OGL-UK-3.0",
      dataDate: null,
    });
    const text = serialiseSnapshot(snapshot);
    expect(text.split("\n")[1]).toBe('"systems":[],');
    expect(text).toContain(
      '"sources":[\n{"key":"synthetic","dataDate":null,"dataset":"Synthetic","licence":"OGL-UK-3.0","publisher":"Synthetic"}\n]',
    );
    expect(JSON.parse(text)).toEqual(snapshot);
  });
});

describe("postcodeCsv", () => {
  it("sorts by postcode and leaves unknown fields empty", () => {
    expect(
      postcodeCsv([
        { postcode: "ZZ9 9ZZ", lsoaCode: "E01999002", introduced: null, terminated: null },
        {
          postcode: "ZZ1 1ZZ",
          lsoaCode: "E01999001",
          introduced: "1980-01",
          terminated: "2024-01",
          wardCode: "E05999001",
          districtCode: "E08999001",
          point: { lat: 53.4, lon: -2.3 },
          source: "synthetic",
        },
      ]),
    ).toBe(
      "postcode,lsoa21,introduced,terminated,ward,district,lat,lon,source\nZZ1 1ZZ,E01999001,1980-01,2024-01,E05999001,E08999001,53.4,-2.3,synthetic\nZZ9 9ZZ,E01999002,,,,,,,\n",
    );
  });
});

describe("lsoaAssignmentCsv", () => {
  it("writes every field, quoting names with commas", () => {
    expect(
      lsoaAssignmentCsv([
        {
          lsoaCode: "E01999001",
          lsoaName: "Synthetic 001A",
          kind: "commissioner",
          valid: { from: "2016-04-01", to: "2022-07-01" },
          vintage: { year: 2016, from: "2016-04-01" },
          areaKind: "ccg",
          area: { code: "99Z", gssCode: "E38999001", name: "NHS Synthetic, Other and Third CCG" },
          districtCode: "E08999001",
          source: "synthetic",
        },
      ]).split("\n")[1],
    ).toBe(
      'E01999001,Synthetic 001A,commissioner,2016-04-01,2022-07-01,2016,2016-04-01,ccg,99Z,E38999001,"NHS Synthetic, Other and Third CCG",,,,E08999001,synthetic',
    );
  });
});
