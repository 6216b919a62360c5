import { PostcodeTable } from "@care-atlas/store";
import { describe, expect, it } from "vitest";
import { syntheticPostcodes, syntheticSnapshot } from "../../test/fixtures.js";
import { ReadModel } from "../ReadModel.js";
import { lookupPostcodesIn } from "./postcode.js";

const snapshot = syntheticSnapshot();
const reference = {
  seq: 0,
  lsoas: snapshot.lsoas,
  postcodes: PostcodeTable.from(syntheticPostcodes),
  assignments: [],
  sources: snapshot.sources,
};
const model = ReadModel.fromVersions(
  5,
  [...snapshot.places, ...snapshot.organisations, ...snapshot.neighbourhoods],
  reference,
);

describe("lookupPostcodesIn", () => {
  it("answers from the postcodes' columns, one answer per input, in order", () => {
    const items = lookupPostcodesIn(
      model,
      ["ZZ9 9ZB", "nonsense", "ZZ9 9ZA", "ZZ9 9ZX"],
      "2024-01-01",
    );
    expect(items.map((item) => item.read?.postcode.postcode ?? item.error?.code)).toEqual([
      "ZZ9 9ZB",
      "invalid-postcode",
      "ZZ9 9ZA",
      "outside-coverage",
    ]);
    expect(items[0]?.read?.lsoa.code).toBe("E01999003");
  });

  it("works out an LSOA's chain once per model and date, across calls", () => {
    const [first] = lookupPostcodesIn(model, ["ZZ9 9ZA"], "2024-01-01");
    const [again] = lookupPostcodesIn(model, ["ZZ9 9ZA"], "2024-01-01");
    expect(again?.read?.lsoa).toBe(first?.read?.lsoa);
    expect(again?.read?.neighbourhoods).toBe(first?.read?.neighbourhoods);
    // Another date, or another model (another data version), works it out again.
    const [otherDate] = lookupPostcodesIn(model, ["ZZ9 9ZA"], "2020-01-01");
    expect(otherDate?.read?.neighbourhoods).not.toBe(first?.read?.neighbourhoods);
    const next = model.withReference({ ...reference, seq: 1 });
    const [otherModel] = lookupPostcodesIn(next, ["ZZ9 9ZA"], "2024-01-01");
    expect(otherModel?.read?.neighbourhoods).not.toBe(first?.read?.neighbourhoods);
    expect(otherModel?.read).toEqual(first?.read);
  });
});
