import { describe, expect, it } from "vitest";
import {
  type CodeKind,
  type CodeSystem,
  CodeSystem as CodeSystemSchema,
  checkCode,
  codeFormats,
  codeOf,
  ExternalIdentifier,
} from "./ExternalIdentifier.js";

const issuesOf = (value: unknown) => {
  const result = ExternalIdentifier.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("ExternalIdentifier", () => {
  it("accepts ODS and GSS codes, with or without a period", () => {
    expect(ExternalIdentifier.parse({ system: "ods", value: "Z99999" })).toEqual({
      system: "ods",
      value: "Z99999",
    });
    expect(
      ExternalIdentifier.parse({
        system: "gss",
        value: "E54999999",
        period: { from: "2022-07-01", to: null },
      }),
    ).toEqual({ system: "gss", value: "E54999999", period: { from: "2022-07-01", to: null } });
  });

  it("trims the value", () => {
    expect(ExternalIdentifier.parse({ system: "ods", value: " 99Z " }).value).toBe("99Z");
  });

  it.each([
    ["an unknown system", { system: "nacs", value: "Z99999" }, "system", /ods|gss/],
    ["an empty value", { system: "ods", value: "" }, "value", /ODS code|>=1/],
    [
      "a lower-case ODS code",
      { system: "ods", value: "z99999" },
      "value",
      /"z99999" is not a well-formed ODS code/,
    ],
    [
      "a two-character ODS code",
      { system: "ods", value: "Z9" },
      "value",
      /not a well-formed ODS code/,
    ],
    [
      "a nine-character ODS code",
      { system: "ods", value: "Z99999999" },
      "value",
      /not a well-formed ODS code/,
    ],
    [
      "a GSS code without a country letter",
      { system: "gss", value: "999999999" },
      "value",
      /not a well-formed GSS code/,
    ],
    [
      "a GSS code one digit short",
      { system: "gss", value: "E0199900" },
      "value",
      /not a well-formed GSS code/,
    ],
    [
      "an ODS code under GSS",
      { system: "gss", value: "Z99999" },
      "value",
      /not a well-formed GSS code/,
    ],
    [
      "a period that ends before it starts",
      { system: "ods", value: "99Z", period: { from: "2022-07-01", to: "2013-04-01" } },
      "period.to",
      /after from/,
    ],
    [
      "a malformed period date",
      { system: "ods", value: "99Z", period: { from: "2022-13-01", to: null } },
      "period.from",
      /YYYY-MM-DD/,
    ],
  ])("rejects %s, naming the field", (_, value, path, message) => {
    expect(issuesOf(value)).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("knows exactly two code systems", () => {
    expect(CodeSystemSchema.options).toEqual(["ods", "gss"]);
  });
});

// Synthetic codes in each kind's format (999… ranges, Z/9 letters), and near misses.
const examples: Record<CodeSystem, Record<string, { good: string[]; bad: string[] }>> = {
  gss: {
    icb: { good: ["E54999999"], bad: ["E38999999", "E5499999", "E549999999"] },
    "sub-icb-location": { good: ["E38999001"], bad: ["E54999001", "e38999001"] },
    ccg: { good: ["E38999002"], bad: ["E08999002"] },
    "local-authority": {
      good: ["E06999001", "E07999001", "E08999001", "E09999001"],
      bad: ["E05999001", "E10999001", "E47999001"],
    },
    "combined-authority": { good: ["E47999001"], bad: ["E08999001"] },
    lsoa: { good: ["E01999001"], bad: ["E02999001", "W01999001", "E01999"] },
    msoa: { good: ["E02999001"], bad: ["E01999001"] },
    ward: { good: ["E05999001"], bad: ["E01999001"] },
    region: { good: ["E40999001"], bad: ["E12999001"] },
  },
  ods: {
    icb: { good: ["Q99", "QZ9"], bad: ["Z99", "Q999", "Q9"] },
    "sub-icb-location": {
      good: ["99Z", "X2C4Y", "M1J4Y"],
      bad: ["9Z9", "999Z", "99z", "X2C4", "XX2C4Y", "22C4Y", "x2c4y"],
    },
    ccg: { good: ["00Z", "D4U1Y"], bad: ["Z00", "D4U1"] },
    "nhs-trust": { good: ["R9Z", "RZZ"], bad: ["Z9Z", "R9ZZ", "R9"] },
    "gp-practice": { good: ["Z99999"], bad: ["Z9999", "Z999999", "99999Z", "ZZ9999"] },
    pcn: { good: ["U99999"], bad: ["Z99999", "U9999", "UZ9999"] },
    region: { good: ["Y99"], bad: ["Y9Z", "Y999"] },
  },
};

describe("codeFormats / checkCode", () => {
  it("has an example for every format", () => {
    for (const system of ["gss", "ods"] as const) {
      expect(Object.keys(examples[system]).sort()).toEqual(Object.keys(codeFormats[system]).sort());
    }
  });

  for (const system of ["gss", "ods"] as const) {
    for (const [kind, { good, bad }] of Object.entries(examples[system])) {
      it(`${system} ${kind}: accepts ${good.join(", ")}; rejects ${bad.join(", ")}`, () => {
        for (const value of good) {
          expect(checkCode(system, kind as CodeKind, value)).toBeNull();
          // Every kind-specific format is also a well-formed code of its system.
          expect(ExternalIdentifier.safeParse({ system, value }).success).toBe(true);
        }
        for (const value of bad) {
          expect(checkCode(system, kind as CodeKind, value)).toBe(
            `${value} is not a ${system.toUpperCase()} ${kind} code`,
          );
        }
      });
    }
  }

  it("has no opinion where a system has no format for a kind", () => {
    expect(checkCode("gss", "pcn", "anything")).toBeNull();
    expect(checkCode("gss", "gp-practice", "Z99999")).toBeNull();
    expect(checkCode("ods", "lsoa", "E01999001")).toBeNull();
  });
});

describe("codeOf", () => {
  const codes: ExternalIdentifier[] = [
    { system: "gss", value: "E38999001" },
    { system: "ods", value: "98Z", period: { from: "2013-04-01", to: "2017-04-01" } },
    { system: "ods", value: "99Z", period: { from: "2017-04-01", to: null } },
  ];

  it("returns the code of the system in force on the date", () => {
    expect(codeOf(codes, "ods", "2016-06-01")).toBe("98Z");
    expect(codeOf(codes, "ods", "2017-04-01")).toBe("99Z");
    expect(codeOf(codes, "gss", "2016-06-01")).toBe("E38999001");
  });

  it("returns the first code of the system without a date, and undefined when none applies", () => {
    expect(codeOf(codes, "ods")).toBe("98Z");
    expect(codeOf(codes, "ods", "2010-01-01")).toBeUndefined();
    expect(codeOf([], "gss")).toBeUndefined();
  });
});
