import { describe, expect, it } from "vitest";
import { organisation, period, place, snapshot } from "../testing/syntheticRecords.js";
import { checkVersionOverlap } from "./versionOverlap.js";

describe("version-overlap", () => {
  it("passes versions that follow each other", () => {
    const s = snapshot({
      places: [
        place(1, { valid: period("2020-01-01", "2021-01-01") }),
        place(1, { name: "Synthetic Place 1 (renamed)", valid: period("2021-01-01") }),
      ],
    });
    expect(checkVersionOverlap(s)).toEqual([]);
  });

  it("reports two versions of one id that share days, naming the record", () => {
    const s = snapshot({
      organisations: [
        organisation(1, {
          kind: "gp-practice",
          codes: [{ system: "ods", value: "Z99999" }],
          valid: period("2020-01-01", "2022-01-01"),
        }),
        organisation(1, {
          kind: "gp-practice",
          codes: [{ system: "ods", value: "Z99999" }],
          valid: period("2021-06-01"),
        }),
      ],
    });
    const findings = checkVersionOverlap(s);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "version-overlap",
      severity: "error",
      subjects: ["org_0000000001"],
    });
    expect(findings[0]?.message).toContain(
      'GP practice "Synthetic Organisation 1" (ODS Z99999, org_0000000001)',
    );
    expect(findings[0]?.message).toContain("overlap 2021-06-01 to 2022-01-01");
  });

  it("finds an overlap with a version that is not the one just before", () => {
    const s = snapshot({
      places: [
        place(1, { valid: period("2020-01-01") }),
        place(1, { valid: period("2021-01-01", "2022-01-01") }),
        place(1, { valid: period("2023-01-01") }),
      ],
    });
    // The open first version overlaps both later ones; the later two do not overlap.
    expect(checkVersionOverlap(s)).toHaveLength(2);
  });
});
