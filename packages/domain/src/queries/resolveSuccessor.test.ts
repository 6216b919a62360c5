import { describe, expect, it } from "vitest";
import { idOf, organisation, period, snapshot, succession } from "../testing/syntheticRecords.js";
import { findByCode } from "./codeCrosswalk.js";
import { resolveSuccessor } from "./resolveSuccessor.js";

const org = (n: number) => idOf("organisation", n);
const ods = (value: string) => [{ system: "ods" as const, value }];

/**
 * The shape of "00W → 14L → the sub-ICB location of the ICB", with synthetic codes: three
 * CCGs (99A, 99B, 99C) merge into a city CCG (99M) on 2017-04-01; on 2022-07-01 the CCG's
 * functions transfer to a sub-ICB location (same ODS code) whose parent is the ICB (QZZ).
 */
const merged = snapshot({
  organisations: [
    organisation(1, {
      kind: "ccg",
      name: "Synthetic Central CCG",
      codes: ods("99A"),
      valid: period("2013-04-01", "2017-04-01"),
    }),
    organisation(2, {
      kind: "ccg",
      name: "Synthetic North CCG",
      codes: ods("99B"),
      valid: period("2013-04-01", "2017-04-01"),
    }),
    organisation(3, {
      kind: "ccg",
      name: "Synthetic South CCG",
      codes: ods("99C"),
      valid: period("2013-04-01", "2017-04-01"),
    }),
    organisation(4, {
      kind: "ccg",
      name: "Synthetic City CCG",
      codes: ods("99M"),
      valid: period("2017-04-01", "2022-07-01"),
    }),
    organisation(5, {
      kind: "icb",
      name: "Synthetic ICB",
      codes: ods("QZZ"),
      valid: period("2022-07-01"),
    }),
    organisation(6, {
      kind: "sub-icb-location",
      name: "Synthetic City Sub-ICB Location",
      codes: ods("99M"),
      parentId: org(5),
      valid: period("2022-07-01"),
    }),
  ],
  successions: [
    succession(1, "merge", [org(1), org(2), org(3)], [org(4)], "2017-04-01"),
    succession(2, "transfer", [org(4)], [org(6)], "2022-07-01"),
  ],
});

describe("resolveSuccessor", () => {
  it("follows a merge and a transfer to today's sub-ICB location of the ICB", () => {
    const [start] = findByCode(merged, "99A");
    expect(start?.id).toBe(org(1));
    const paths = resolveSuccessor(merged, org(1), "2025-01-01");
    expect(paths.map((p) => p.path)).toEqual([[org(1), org(4), org(6)]]);
    const [carrier] = paths;
    expect(carrier?.version).toMatchObject({ kind: "sub-icb-location", parentId: org(5) });
    expect(
      carrier?.steps.map((s) => [s.succession.id, s.succession.kind, s.fromId, s.toId]),
    ).toEqual([
      [idOf("succession", 1), "merge", org(1), org(4)],
      [idOf("succession", 2), "transfer", org(4), org(6)],
    ]);
  });

  it("stops where the date is: in 2019 the merged CCG carries it on", () => {
    expect(resolveSuccessor(merged, org(2), "2019-01-01")).toMatchObject([
      { id: org(4), kind: "organisation", version: { name: "Synthetic City CCG" } },
    ]);
  });

  it("answers the entity itself while it is valid", () => {
    expect(resolveSuccessor(merged, org(1), "2015-01-01")).toMatchObject([
      { id: org(1), path: [org(1)], steps: [] },
    ]);
  });

  it("follows a chain when the successor keeps its id and only gets a new version", () => {
    const s = snapshot({
      organisations: [
        organisation(1, {
          kind: "ccg",
          codes: ods("99A"),
          valid: period("2013-04-01", "2017-04-01"),
        }),
        organisation(2, {
          kind: "ccg",
          codes: ods("99M"),
          valid: period("2017-04-01", "2022-07-01"),
        }),
        organisation(2, {
          kind: "sub-icb-location",
          codes: ods("99M"),
          valid: period("2022-07-01"),
        }),
      ],
      successions: [succession(1, "rename", [org(1)], [org(2)], "2017-04-01")],
    });
    const [carrier] = resolveSuccessor(s, org(1), "2025-01-01");
    expect(carrier?.version).toMatchObject({ id: org(2), kind: "sub-icb-location" });
  });

  it("gives every successor of a split", () => {
    const s = snapshot({
      organisations: [
        organisation(1, { valid: period("2010-01-01", "2018-01-01") }),
        organisation(2, { valid: period("2018-01-01") }),
        organisation(3, { valid: period("2018-01-01") }),
      ],
      successions: [succession(1, "split", [org(1)], [org(3), org(2)], "2018-01-01")],
    });
    expect(resolveSuccessor(s, org(1), "2020-01-01").map((p) => p.path)).toEqual([
      [org(1), org(2)],
      [org(1), org(3)],
    ]);
  });

  it("reports a dead end for a body closed without a successor, or a succession not yet in force", () => {
    expect(resolveSuccessor(merged, org(5), "2020-01-01")).toMatchObject([
      { id: org(5), version: undefined },
    ]);
    const s = snapshot({
      organisations: [organisation(1, { valid: period("2010-01-01", "2018-01-01") })],
    });
    expect(resolveSuccessor(s, org(1), "2020-01-01")).toMatchObject([
      { id: org(1), version: undefined, path: [org(1)] },
    ]);
  });

  it("ends on a cycle instead of looping", () => {
    const s = snapshot({
      organisations: [
        organisation(1, { valid: period("2010-01-01", "2015-01-01") }),
        organisation(2, { valid: period("2015-01-01", "2016-01-01") }),
      ],
      successions: [
        succession(1, "rename", [org(1)], [org(2)], "2015-01-01"),
        succession(2, "rename", [org(2)], [org(1)], "2016-01-01"),
      ],
    });
    const paths = resolveSuccessor(s, org(1), "2020-01-01");
    expect(paths).toMatchObject([{ id: org(2), version: undefined, path: [org(1), org(2)] }]);
  });

  it("reaches a body once when a split merges again", () => {
    const s = snapshot({
      organisations: [
        organisation(1, { valid: period("2010-01-01", "2015-01-01") }),
        organisation(2, { valid: period("2015-01-01", "2016-01-01") }),
        organisation(3, { valid: period("2015-01-01", "2016-01-01") }),
        organisation(4, { valid: period("2016-01-01") }),
      ],
      successions: [
        succession(1, "split", [org(1)], [org(2), org(3)], "2015-01-01"),
        succession(2, "merge", [org(2), org(3)], [org(4)], "2016-01-01"),
      ],
    });
    expect(resolveSuccessor(s, org(1), "2020-01-01").map((p) => p.path)).toEqual([
      [org(1), org(2), org(4)],
    ]);
  });
});
