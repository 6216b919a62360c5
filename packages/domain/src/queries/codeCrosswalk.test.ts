import { describe, expect, it } from "vitest";
import {
  districtCode,
  idOf,
  lsoa,
  lsoaCode,
  organisation,
  period,
  place,
  snapshot,
  system,
} from "../testing/syntheticRecords.js";
import { codeCrosswalk, findByCode } from "./codeCrosswalk.js";
import { indexSnapshot } from "./SnapshotIndex.js";

const s = snapshot({
  systems: [system(1, { codes: [{ system: "gss", value: "E54999001" }] })],
  places: [place(1)],
  organisations: [
    organisation(1, {
      kind: "icb",
      codes: [
        { system: "ods", value: "QZZ" },
        { system: "gss", value: "E54999001" },
      ],
    }),
    organisation(2, {
      kind: "local-authority",
      name: "Synthetic Council",
      codes: [{ system: "gss", value: districtCode(1) }],
    }),
    // A CCG whose id carries on as a sub-ICB location, with the same ODS code.
    organisation(3, {
      kind: "ccg",
      name: "Synthetic CCG",
      codes: [
        { system: "ods", value: "99X" },
        { system: "gss", value: "E38999001" },
      ],
      valid: period("2013-04-01", "2022-07-01"),
    }),
    organisation(3, {
      kind: "sub-icb-location",
      name: "Synthetic Sub-ICB Location",
      codes: [
        { system: "ods", value: "99X" },
        { system: "gss", value: "E38999002", period: period("2023-01-01") },
      ],
      valid: period("2022-07-01"),
    }),
  ],
  lsoas: [lsoa(lsoaCode(1))],
});

describe("codeCrosswalk", () => {
  it("maps every code to its holders, once per index", () => {
    const index = indexSnapshot(s);
    const crosswalk = codeCrosswalk(index);
    expect(codeCrosswalk(index)).toBe(crosswalk);
    expect(crosswalk.get("99X")?.map((m) => m.version.name)).toEqual([
      "Synthetic CCG",
      "Synthetic Sub-ICB Location",
    ]);
    expect(crosswalk.get(lsoaCode(1))?.map((m) => m.kind)).toEqual(["lsoa"]);
  });
});

describe("findByCode", () => {
  it("finds an organisation by ODS code on a date, in the version of that date", () => {
    expect(
      findByCode(s, "99X", { date: "2020-01-01" }).map((m) => [m.kind, m.id, m.version.name]),
    ).toEqual([["organisation", idOf("organisation", 3), "Synthetic CCG"]]);
    expect(findByCode(s, " 99x ", { date: "2024-01-01" }).map((m) => m.version.name)).toEqual([
      "Synthetic Sub-ICB Location",
    ]);
  });

  it("without a date returns every holder, most recent first", () => {
    expect(findByCode(s, "99X").map((m) => m.period)).toEqual([
      period("2022-07-01"),
      period("2013-04-01", "2022-07-01"),
    ]);
  });

  it("honours the code's own period inside the version", () => {
    expect(findByCode(s, "E38999002", { date: "2022-08-01" })).toEqual([]);
    expect(findByCode(s, "E38999002", { date: "2023-08-01" }).map((m) => m.period)).toEqual([
      period("2023-01-01"),
    ]);
  });

  it("returns all holders of a shared GSS code, system before organisation", () => {
    expect(findByCode(s, "E54999001", { date: "2024-01-01" }).map((m) => [m.kind, m.id])).toEqual([
      ["system", idOf("system", 1)],
      ["organisation", idOf("organisation", 1)],
    ]);
    expect(findByCode(s, districtCode(1)).map((m) => m.kind)).toEqual(["place", "organisation"]);
  });

  it("filters by code system", () => {
    expect(findByCode(s, "QZZ", { system: "gss" })).toEqual([]);
    expect(findByCode(s, "QZZ", { system: "ods" })).toHaveLength(1);
  });

  it("finds an LSOA by its E01 code, whatever the date", () => {
    const [match] = findByCode(s, lsoaCode(1), { date: "1999-01-01" });
    expect(match).toMatchObject({ kind: "lsoa", id: lsoaCode(1), system: "gss", period: null });
    expect(match?.version.name).toBe(`Synthetic ${lsoaCode(1)}`);
  });

  it("finds nothing for an unknown code", () => {
    expect(findByCode(s, "Z00000")).toEqual([]);
  });
});
