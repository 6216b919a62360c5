import { emptySnapshot } from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import { canonicalJson, postcodeCsv, serialiseSnapshot } from "./serialise.js";

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
        { postcode: "ZZ9 9ZZ", lsoaCode: "E01999002" },
        {
          postcode: "ZZ1 1ZZ",
          lsoaCode: "E01999001",
          wardCode: "E05999001",
          point: { lat: 53.4, lon: -2.3 },
        },
      ]),
    ).toBe(
      "postcode,lsoa21,ward,lat,lon\nZZ1 1ZZ,E01999001,E05999001,53.4,-2.3\nZZ9 9ZZ,E01999002,,,\n",
    );
  });
});
