import { describe, expect, it } from "vitest";
import { idOf, organisation, period, snapshot } from "../testing/syntheticRecords.js";
import { versionAt } from "./versionAt.js";

describe("versionAt", () => {
  const s = snapshot({
    organisations: [
      organisation(1, {
        kind: "ccg",
        name: "Synthetic CCG",
        valid: period("2013-04-01", "2022-07-01"),
      }),
      organisation(1, {
        kind: "sub-icb-location",
        name: "Synthetic Location",
        valid: period("2022-07-01"),
      }),
    ],
  });
  const id = idOf("organisation", 1);

  it("picks the version valid on the date, honouring half-open periods", () => {
    expect(versionAt(s, "organisation", id, "2022-06-30")?.kind).toBe("ccg");
    expect(versionAt(s, "organisation", id, "2022-07-01")?.kind).toBe("sub-icb-location");
  });

  it("returns undefined before the first version, and for unknown ids", () => {
    expect(versionAt(s, "organisation", id, "2013-03-31")).toBeUndefined();
    expect(versionAt(s, "organisation", idOf("organisation", 2), "2020-01-01")).toBeUndefined();
    expect(versionAt(s, "place", id, "2020-01-01")).toBeUndefined();
  });
});
