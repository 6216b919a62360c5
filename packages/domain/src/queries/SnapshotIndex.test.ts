import { describe, expect, it } from "vitest";
import {
  idOf,
  lsoa,
  lsoaCode,
  organisation,
  period,
  place,
  snapshot,
  succession,
} from "../testing/syntheticRecords.js";
import {
  aliveOn,
  anyVersionsOf,
  asIndex,
  indexSnapshot,
  insideLifetime,
  kindOfPrefix,
  lifetimeOf,
  versionsOf,
} from "./SnapshotIndex.js";

const s = snapshot({
  places: [
    place(1, { name: "Synthetic Place 1 (third)", valid: period("2022-01-01") }),
    place(1, { name: "Synthetic Place 1 (first)", valid: period("2018-01-01", "2019-01-01") }),
    place(1, { name: "Synthetic Place 1 (second)", valid: period("2019-01-01", "2020-01-01") }),
  ],
  organisations: [organisation(1, { valid: period("2013-04-01", "2017-04-01") }), organisation(2)],
  successions: [
    succession(1, "rename", [idOf("organisation", 1)], [idOf("organisation", 2)], "2017-04-01"),
  ],
  lsoas: [
    lsoa(lsoaCode(2), "E08999002"),
    lsoa(lsoaCode(1), "E08999002"),
    lsoa(lsoaCode(3), "E08999003"),
  ],
});

describe("indexSnapshot", () => {
  it("sorts each id's versions by start", () => {
    expect(versionsOf(s, "place", idOf("place", 1)).map((p) => p.name)).toEqual([
      "Synthetic Place 1 (first)",
      "Synthetic Place 1 (second)",
      "Synthetic Place 1 (third)",
    ]);
    expect(anyVersionsOf(s, idOf("organisation", 2))).toHaveLength(1);
    expect(anyVersionsOf(s, "not an id")).toEqual([]);
    expect(versionsOf(s, "place", idOf("place", 9))).toEqual([]);
  });

  it("merges versions into a lifetime, keeping gaps", () => {
    expect(lifetimeOf(s, idOf("place", 1))).toEqual([
      period("2018-01-01", "2020-01-01"),
      period("2022-01-01"),
    ]);
    expect(lifetimeOf(s, idOf("place", 9))).toBeUndefined();
  });

  it("indexes LSOAs by code and by district, and successions by predecessor", () => {
    const index = indexSnapshot(s);
    expect(index.lsoas.get(lsoaCode(3))?.districtCode).toBe("E08999003");
    expect(index.lsoasByDistrict.get("E08999002")?.map((l) => l.code)).toEqual([
      lsoaCode(1),
      lsoaCode(2),
    ]);
    expect(index.successionsFrom.get(idOf("organisation", 1))?.map((x) => x.id)).toEqual([
      idOf("succession", 1),
    ]);
    expect(index.sourceKeys.has("synthetic")).toBe(true);
  });

  it("reuses an index passed as the source", () => {
    const index = indexSnapshot(s);
    expect(asIndex(index)).toBe(index);
    expect(asIndex(s)).not.toBe(index);
  });
});

describe("lifetime helpers", () => {
  const lifetime = [period("2018-01-01", "2020-01-01"), period("2022-01-01")];
  it("tells whether a period lies inside one segment of a lifetime", () => {
    expect(insideLifetime(lifetime, period("2018-06-01", "2019-01-01"))).toBe(true);
    expect(insideLifetime(lifetime, period("2023-01-01"))).toBe(true);
    expect(insideLifetime(lifetime, period("2019-01-01", "2023-01-01"))).toBe(false);
    expect(insideLifetime(lifetime, period("2017-01-01", "2019-01-01"))).toBe(false);
  });
  it("tells whether a lifetime contains a date", () => {
    expect(aliveOn(lifetime, "2019-12-31")).toBe(true);
    expect(aliveOn(lifetime, "2020-01-01")).toBe(false);
    expect(aliveOn(lifetime, "2030-01-01")).toBe(true);
  });
  it("reads a kind from an id prefix", () => {
    expect(kindOfPrefix("nbh_0000000001")).toBe("neighbourhood");
    expect(kindOfPrefix("xyz_0000000001")).toBeUndefined();
    expect(kindOfPrefix("nbh0000000001")).toBeUndefined();
  });
});
