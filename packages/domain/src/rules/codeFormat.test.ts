import { describe, expect, it } from "vitest";
import {
  districtCode,
  lsoa,
  lsoaCode,
  organisation,
  period,
  place,
  snapshot,
  system,
} from "../testing/syntheticRecords.js";
import { checkCodeFormat, checkDuplicateCode } from "./codeFormat.js";

describe("code-format", () => {
  it("passes codes of the right form for each kind of holder", () => {
    const s = snapshot({
      systems: [
        system(1, {
          codes: [
            { system: "gss", value: "E54999001" },
            { system: "ods", value: "QZZ" },
          ],
        }),
      ],
      places: [place(1)],
      organisations: [
        organisation(1, { kind: "gp-practice", codes: [{ system: "ods", value: "Z99999" }] }),
        organisation(2, { kind: "pcn", codes: [{ system: "ods", value: "U99999" }] }),
        organisation(3, {
          kind: "ccg",
          codes: [
            { system: "ods", value: "99X" },
            { system: "gss", value: "E38999001" },
          ],
        }),
        organisation(4, { kind: "vcfse", codes: [{ system: "ods", value: "ZZZ9" }] }),
      ],
      lsoas: [
        lsoa(lsoaCode(1), districtCode(1), { ward: { code: "E05999001", name: "Synthetic Ward" } }),
      ],
    });
    expect(checkCodeFormat(s)).toEqual([]);
  });

  it("reports codes of the wrong form for their holder's kind", () => {
    const s = snapshot({
      systems: [system(1, { codes: [{ system: "gss", value: "E38999001" }] })],
      places: [place(1, { codes: [{ system: "gss", value: "E01999001" }] })],
      organisations: [
        organisation(1, {
          kind: "pcn",
          name: "Synthetic PCN",
          codes: [{ system: "ods", value: "Z99999" }],
        }),
      ],
    });
    const findings = checkCodeFormat(s);
    expect(findings.map((f) => f.subjects)).toEqual([
      ["sys_0000000001", "E38999001"],
      ["plc_0000000001", "E01999001"],
      ["org_0000000001", "Z99999"],
    ]);
    expect(findings[2]?.message).toBe(
      'PCN "Synthetic PCN" (ODS Z99999, org_0000000001) has ODS code "Z99999", which is not an ODS code for a PCN (U and 5 digits).',
    );
  });

  it("reports malformed LSOA, MSOA and district codes in an unvalidated snapshot", () => {
    const s = snapshot({ lsoas: [lsoa(lsoaCode(1))] });
    const [area] = s.lsoas;
    if (area === undefined) throw new Error("fixture");
    area.msoa = { code: "E01999001", name: area.msoa?.name ?? "Synthetic" };
    area.districtCode = "E54999001";
    expect(checkCodeFormat(s).map((f) => f.subjects)).toEqual([
      [lsoaCode(1), "E01999001"],
      [lsoaCode(1), "E54999001"],
    ]);
  });
});

describe("duplicate-code", () => {
  it("passes a code held by records of different kinds, or one after another", () => {
    const s = snapshot({
      places: [place(1)],
      organisations: [
        organisation(1, {
          kind: "local-authority",
          codes: [{ system: "gss", value: districtCode(1) }],
        }),
        organisation(2, {
          kind: "ccg",
          codes: [{ system: "ods", value: "99X" }],
          valid: period("2013-04-01", "2022-07-01"),
        }),
        organisation(3, {
          kind: "sub-icb-location",
          codes: [{ system: "ods", value: "99X" }],
          valid: period("2022-07-01"),
        }),
      ],
    });
    expect(checkDuplicateCode(s)).toEqual([]);
  });

  it("warns when two records of one kind hold a code on the same days", () => {
    const s = snapshot({
      organisations: [
        organisation(1, {
          kind: "gp-practice",
          codes: [{ system: "ods", value: "Z99999" }],
          valid: period("2020-01-01", "2023-01-01"),
        }),
        organisation(2, {
          kind: "gp-practice",
          codes: [{ system: "ods", value: "Z99999", period: period("2022-01-01") }],
        }),
      ],
    });
    const findings = checkDuplicateCode(s);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      subjects: ["Z99999", "org_0000000001", "org_0000000002"],
    });
    expect(findings[0]?.message).toContain(
      "held by two organisations at once, 2022-01-01 to 2023-01-01",
    );
  });
});
