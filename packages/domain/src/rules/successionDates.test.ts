import { describe, expect, it } from "vitest";
import { idOf, organisation, period, snapshot, succession } from "../testing/syntheticRecords.js";
import { checkSuccessionDates } from "./successionDates.js";

const org = (n: number) => idOf("organisation", n);

describe("succession-dates", () => {
  it("passes a merge into a new body and a merge into a body that already existed", () => {
    const s = snapshot({
      organisations: [
        organisation(1, { kind: "ccg", valid: period("2013-04-01", "2017-04-01") }),
        organisation(2, { kind: "ccg", valid: period("2013-04-01", "2017-04-01") }),
        organisation(3, { kind: "ccg", valid: period("2017-04-01") }),
        organisation(4, { kind: "nhs-trust", valid: period("2010-01-01") }),
        organisation(5, { kind: "nhs-trust", valid: period("2010-01-01", "2019-01-01") }),
      ],
      successions: [
        succession(1, "merge", [org(1), org(2)], [org(3)], "2017-04-01"),
        // org 5 merges into org 4, which carries on.
        succession(2, "transfer", [org(5)], [org(4)], "2019-01-01"),
      ],
    });
    expect(checkSuccessionDates(s)).toEqual([]);
  });

  it("passes a predecessor that lives on as a part of its successor (a CCG becoming a sub-ICB location)", () => {
    const icb = organisation(3, { kind: "icb", valid: period("2022-07-01") });
    const s = snapshot({
      organisations: [
        organisation(1, { kind: "ccg", valid: period("2013-04-01", "2022-07-01") }),
        organisation(1, {
          kind: "sub-icb-location",
          parentId: icb.id,
          valid: period("2022-07-01"),
        }),
        organisation(2, { kind: "ccg", valid: period("2013-04-01", "2022-07-01") }),
        organisation(2, { kind: "sub-icb-location", valid: period("2022-07-01") }),
        icb,
      ],
      successions: [succession(1, "merge", [org(1), org(2)], [org(3)], "2022-07-01")],
    });
    // org 1 lives on inside the ICB; org 2 carries on with no parent: it should have ended.
    expect(checkSuccessionDates(s).map((f) => f.subjects)).toEqual([
      ["suc_0000000001", "org_0000000002"],
    ]);
  });

  it("reports a predecessor that does not end on the succession date", () => {
    const s = snapshot({
      organisations: [
        organisation(1, {
          kind: "ccg",
          name: "Synthetic North CCG",
          codes: [{ system: "ods", value: "99X" }],
          valid: period("2013-04-01", "2017-06-01"),
        }),
        organisation(2, { kind: "ccg", valid: period("2017-04-01") }),
      ],
      successions: [succession(1, "rename", [org(1)], [org(2)], "2017-04-01")],
    });
    const findings = checkSuccessionDates(s);
    expect(findings.map((f) => f.subjects)).toEqual([["suc_0000000001", "org_0000000001"]]);
    expect(findings[0]?.message).toBe(
      'In the rename suc_0000000001 of 2017-04-01, predecessor CCG "Synthetic North CCG" (ODS 99X, org_0000000001) should end on 2017-04-01, but it exists 2013-04-01 to 2017-06-01.',
    );
  });

  it("reports a successor that does not exist on the date", () => {
    const s = snapshot({
      organisations: [
        organisation(1, { valid: period("2013-04-01", "2017-04-01") }),
        organisation(2, { valid: period("2017-05-01") }),
        organisation(3, { valid: period("2017-04-01") }),
      ],
      successions: [succession(1, "split", [org(1)], [org(2), org(3)], "2017-04-01")],
    });
    expect(checkSuccessionDates(s).map((f) => f.subjects)).toEqual([
      ["suc_0000000001", "org_0000000002"],
    ]);
  });
});
