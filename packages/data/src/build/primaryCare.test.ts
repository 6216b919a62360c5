import { describe, expect, it } from "vitest";
import { odsOrganisation } from "./ids.js";
import { buildPrimaryCare } from "./primaryCare.js";
import { rawFromTexts, rawPaths } from "./raw.js";

const csv = (rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  `${rows.map((r) => r.join(",")).join("\n")}\n`;

const epraccur = csv([
  [
    "ods_code",
    "name",
    "postcode",
    "open_date",
    "close_date",
    "status_code",
    "commissioner_sub_icb",
    "prescribing_setting",
  ],
  ["Z99901", "SYNTHETIC PRACTICE ONE", "ZZ1 1ZZ", "1974-04-01", "", "A", "99X", "4"],
  ["Z99902", "SYNTHETIC PRACTICE TWO", "ZZ1 2ZZ", "1990-04-01", "2023-06-30", "C", "99X", "4"],
  ["Z99903", "SYNTHETIC CLOSED NO PCN", "ZZ1 3ZZ", "1990-04-01", "2015-03-31", "C", "99X", "4"],
  ["Z99904", "SYNTHETIC HOSPICE", "ZZ1 4ZZ", "2000-04-01", "", "A", "99X", "0"],
  ["Z99905", "SYNTHETIC PRACTICE FIVE", "ZZ1 5ZZ", "2001-04-01", "", "A", "99X", "4"],
]);
const pcns = csv([
  ["pcn_code", "pcn_name", "sub_icb_code", "open_date", "close_date", "postcode"],
  ["U99901", "SYNTHETIC PCN", "99X", "2019-10-01", "", "ZZ2 1ZZ"],
  ["U99902", "SYNTHETIC OLD PCN", "99X", "2019-10-01", "2021-07-31", "ZZ2 2ZZ"],
  ["U99903", "SYNTHETIC NEW PCN", "99X", "2021-08-01", "", "ZZ2 3ZZ"],
]);
const partners = (extra: ReadonlyArray<ReadonlyArray<string>> = []) =>
  csv([
    ["practice_code", "pcn_code", "relationship_start_date", "relationship_end_date"],
    ["Z99901", "U99901", "2019-10-01", ""],
    ["Z99902", "U99901", "2019-10-01", ""],
    ["Z99905", "U99902", "2019-10-01", "2021-07-31"],
    ["Z99905", "U99903", "2021-08-01", ""],
    ...extra,
  ]);
const listSizes = csv([
  ["EXTRACT_DATE", "CODE", "SEX", "AGE", "NUMBER_OF_PATIENTS"],
  ["01JAN2021", "Z99901", "ALL", "ALL", "1000"],
]);

const raw = (corePartners = partners()) =>
  rawFromTexts(
    new Map([
      [rawPaths.practices, epraccur],
      [rawPaths.pcns, pcns],
      [rawPaths.pcnCorePartners, corePartners],
      [rawPaths.listSizes, listSizes],
    ]),
  );
const places = new Map([["99X", "plc_synthetic01"]]);

describe("buildPrimaryCare", () => {
  const built = buildPrimaryCare(raw(), places);

  it("keeps active GP practices and the closed ones a membership needs", () => {
    expect(built.practices.map((p) => p.codes[0]?.value)).toEqual(["Z99901", "Z99902", "Z99905"]);
    expect(built.practices.every((p) => p.placeId === "plc_synthetic01")).toBe(true);
  });

  it("gives a practice its January 2021 list size, where there is one", () => {
    const [one, two] = built.practices;
    expect(one?.population).toEqual({
      value: 1000,
      basis: "registered",
      date: "2021-01-01",
      source: "nhsd-gp-registered-patients-2021-01",
    });
    expect(two?.population).toBeUndefined();
  });

  it("turns inclusive close and end dates into half-open periods", () => {
    expect(built.practices[1]?.valid).toEqual({ from: "1990-04-01", to: "2023-07-01" });
    const old = built.memberships.find((m) => m.objectId === odsOrganisation("U99902"));
    expect(old?.valid).toEqual({ from: "2019-10-01", to: "2021-08-01" });
  });

  it("ends an open membership when its practice closed, and says so", () => {
    const clipped = built.memberships.find((m) => m.subjectId === odsOrganisation("Z99902"));
    expect(clipped?.valid).toEqual({ from: "2019-10-01", to: "2023-07-01" });
    expect(clipped?.provenance.derivation).toMatch(/ended then at the latest/);
    expect(built.clipped).toEqual(["Z99902 in U99901"]);
  });

  it("records a transfer when a closed PCN's practices all join one PCN the next day", () => {
    expect(built.successions).toHaveLength(1);
    expect(built.successions[0]).toMatchObject({
      kind: "transfer",
      predecessorIds: [odsOrganisation("U99902")],
      successorIds: [odsOrganisation("U99903")],
      valid: { from: "2021-08-01", to: null },
    });
  });

  it("refuses a membership that starts before its PCN opened", () => {
    expect(() =>
      buildPrimaryCare(raw(partners([["Z99901", "U99903", "2020-01-01", ""]])), places),
    ).toThrow(/outside the practice or the PCN/);
  });

  it("refuses a practice whose commissioner is not a known sub-ICB location", () => {
    expect(() => buildPrimaryCare(raw(), new Map())).toThrow(
      /sub-ICB location 99X is not a GM one/,
    );
  });
});
