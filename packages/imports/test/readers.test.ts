/**
 * Every reader over the real files of the shared open-data collection (read where the
 * repository keeps its copy: packages/data/raw, or the collection itself for the files the
 * dataset does not ship), and over the official headerless layouts built from those rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  LayoutError,
  type LsoaLookupHeader,
  readEpcn,
  readLsoaLookup,
  readOdsOrganisations,
  readPostcodes,
  readSuccessions,
} from "../src/index.js";

const raw = join(import.meta.dirname, "../../data/raw");
const file = (path: string) => readFileSync(join(raw, path));

const all = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
  const list: T[] = [];
  for await (const row of rows) list.push(row);
  return list;
};

/** An official headerless ODS row: 27 columns, dates as YYYYMMDD. */
const headerless = (fields: Record<number, string>): string =>
  Array.from({ length: 27 }, (_, i) => JSON.stringify(fields[i] ?? "")).join(",");

describe("ODS organisation files", () => {
  it("reads the headered etr extract: every trust, with its dates", async () => {
    const rows = await all(
      readOdsOrganisations("ods-etr", file("nhs_organisations/gm_nhs_trusts_ods_etr.csv")),
    );
    expect(rows).toHaveLength(14);
    const rw6 = rows.find((row) => row.code === "RW6");
    expect(rw6).toMatchObject({
      name: "PENNINE ACUTE HOSPITALS NHS TRUST",
      openDate: "2002-04-01",
      closeDate: "2021-09-30",
      postcode: "M8 5RB",
    });
  });

  it("reads the official headerless layout by position", async () => {
    const text = `${headerless({ 0: "RW6", 1: "PENNINE ACUTE HOSPITALS NHS TRUST", 2: "Y62", 3: "QOP", 9: "M8 5RB", 10: "20020401", 11: "20210930" })}\n`;
    const [row] = await all(readOdsOrganisations("ods-etr", text));
    expect(row).toMatchObject({
      code: "RW6",
      openDate: "2002-04-01",
      closeDate: "2021-09-30",
      healthGeography: "QOP",
    });
  });

  it("reads epraccur with status, commissioner and prescribing setting", async () => {
    const rows = await all(
      readOdsOrganisations(
        "ods-epraccur",
        file("gp_practices/gm_gp_practices_ods_epraccur_2025.csv"),
      ),
    );
    expect(rows).toHaveLength(914);
    expect(rows.filter((r) => r.statusCode === "A" && r.prescribingSetting === 4)).toHaveLength(
      408,
    );
    expect(rows.find((r) => r.code === "P82001")).toMatchObject({
      parentCode: "00T",
      statusCode: "A",
    });
  });

  it("reads eccg, keeping column 14 (the role code)", async () => {
    const rows = await all(
      readOdsOrganisations(
        "ods-eccg",
        file("nhs_organisations/gm_ccgs_sub_icb_locations_ods_eccg.csv"),
      ),
    );
    expect(rows).toHaveLength(14);
    expect(rows.find((r) => r.code === "00T")?.subTypeCode).toBe("RO319");
  });

  it("reads the 5-character codes of CCGs formed by mergers (X2C4Y), and refuses others", async () => {
    const header = "ods_code,name,high_level_health_geography,postcode,open_date,close_date\n";
    const rows = await all(
      readOdsOrganisations(
        "ods-eccg",
        `${header}X2C4Y,NHS West Yorkshire ICB - X2C4Y,QWO,,2021-04-01,\n`,
      ),
    );
    expect(rows.map((r) => [r.code, r.healthGeography, r.openDate])).toEqual([
      ["X2C4Y", "QWO", "2021-04-01"],
    ]);
    const error = await all(
      readOdsOrganisations("ods-eccg", `${header}X2C4,NHS Nowhere,QWO,,2021-04-01,\n`),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.message).toMatch(/or 5 as X2C4Y/);
  });

  it("refuses a headerless file without 27 columns, naming the count", async () => {
    const error = await all(readOdsOrganisations("ods-etr", '"RW6","PENNINE",20020401\n')).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.expectedColumns).toBe(27);
    expect(error.message).toMatch(/line 1 has 3 columns; ODS's headerless layout has 27/);
  });

  it("refuses a headered file that lacks columns, naming them", async () => {
    const error = await all(readOdsOrganisations("ods-etr", "ods_code,name\nRW6,X\n")).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.missing).toEqual(["postcode", "open_date", "close_date"]);
  });

  it("refuses another layout's file: practices read as trusts", async () => {
    const error = await all(
      readOdsOrganisations("ods-etr", file("gp_practices/gm_gp_practices_ods_epraccur_2025.csv")),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.message).toMatch(/not an NHS trust code/);
  });
});

describe("successor files", () => {
  it("reads the three-column table: 25,480 rows, RW6 → RM3 and R0A", async () => {
    const rows = await all(
      readSuccessions(file("nhs_organisations/ods_successions_england_2022-09.csv")),
    );
    expect(rows).toHaveLength(25_480);
    expect(rows.filter((r) => r.oldCode === "RW6").map((r) => [r.newCode, r.date])).toEqual([
      ["RM3", "2021-10-01"],
      ["R0A", "2021-10-01"],
    ]);
  });

  it("reads ODS's headerless succ.csv (5 columns)", async () => {
    const [row] = await all(readSuccessions('"RW6","RM3","R","20211001",""\n'));
    expect(row).toMatchObject({ oldCode: "RW6", newCode: "RM3", date: "2021-10-01", type: "R" });
  });

  it("refuses a file of another layout", async () => {
    const error = await all(readSuccessions("a,b\n1,2\n")).catch((e) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.missing).toEqual(["old_code", "new_code", "date"]);
  });
});

describe("ePCN workbook", () => {
  it("reads both sheets of the October 2024 workbook", async () => {
    const workbook = await readEpcn(file("gp_practices/epcn_2024-10.xlsx"));
    expect(workbook.pcns).toHaveLength(1366);
    expect(workbook.members).toHaveLength(7705);
    expect(workbook.pcns.find((p) => p.code === "U01630")?.name).toBe(
      "STALYBRIDGE, DUKINFIELD & MOSSLEY PCN",
    );
    expect(
      workbook.members
        .filter((m) => m.practiceCode === "P83620")
        .map((m) => [m.pcnCode, m.startDate, m.endDate]),
    ).toEqual([
      ["U49226", "2019-10-01", "2024-07-31"],
      ["U49525", "2024-08-01", null],
    ]);
  });

  it("refuses a file that is not a workbook", async () => {
    const error = await readEpcn("PCN Code,PCN Name\n").catch((e) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.message).toMatch(/not an xlsx workbook/);
  });
});

describe("postcode directories", () => {
  it("reads the Trafford extract of ONSPD (no dates)", async () => {
    const rows = await all(readPostcodes(file("postcodes/trafford_postcodes_2025-02.csv")));
    expect(rows).toHaveLength(11_264);
    expect(rows.find((r) => r.postcode === "M32 0JG")).toMatchObject({
      lsoaCode: "E01006187",
      districtCode: "E08000009",
      introduced: null,
      terminated: null,
    });
  });

  it("reads ONSPD's columns, with introduction and termination months", async () => {
    const header = "pcd,pcd2,pcds,dointr,doterm,oscty,oslaua,osward,lsoa21,lat,long";
    const text = `${header}\nZZ9 9ZZ,ZZ9  9ZZ,ZZ9 9ZZ,198001,202401,E99999999,E08999001,E05999001,E01999001,99.999999,0.000000\n`;
    let directory = "";
    const [row] = await all(
      readPostcodes(text, (d) => {
        directory = d;
      }),
    );
    expect(directory).toBe("onspd");
    expect(row).toMatchObject({
      introduced: "1980-01",
      terminated: "2024-01",
      wardCode: "E05999001",
      point: null,
    });
  });

  it("refuses a file without postcode and LSOA columns", async () => {
    const error = await all(readPostcodes("postcode,ward\nZZ9 9ZZ,E05999001\n")).catch((e) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.missing).toEqual(["lsoa21"]);
  });
});

describe("LSOA lookups", () => {
  const cases: [string, LsoaLookupHeader, number][] = [
    [
      "geography/gm_lsoa11_to_ccg16_lad16_lookup.csv",
      { kind: "commissioner", vintage: 2016, lsoaVintage: 2011 },
      1694,
    ],
    [
      "geography/gm_lsoa11_to_ccg20_lad20_lookup.csv",
      { kind: "commissioner", vintage: 2020, lsoaVintage: 2011 },
      1694,
    ],
    [
      "geography/gm_lsoa21_to_ward22_bestfit_lookup.csv",
      { kind: "ward", vintage: 2022, lsoaVintage: 2021 },
      1702,
    ],
  ];
  it.each(cases)("reads %s", async (path, expected, count) => {
    let header: LsoaLookupHeader | undefined;
    const rows = await all(
      readLsoaLookup(file(path), (h) => {
        header = h;
      }),
    );
    expect(header).toEqual(expected);
    expect(rows).toHaveLength(count);
  });

  it("reads ONS's own column names (LSOA21CD, SICBL24CDH, ICB24CDH)", async () => {
    const text =
      "LSOA21CD,LSOA21NM,SICBL24CD,SICBL24CDH,SICBL24NM,ICB24CD,ICB24CDH,ICB24NM\nE01999001,Synthetic 001A,E38999001,99Z,Synthetic SICBL,E54999001,QZZ,Synthetic ICB\n";
    const [row] = await all(readLsoaLookup(text));
    expect(row).toMatchObject({
      kind: "commissioner",
      commissionerKind: "sub-icb-location",
      commissioner: { ods: "99Z", gss: "E38999001" },
      icb: { ods: "QZZ" },
    });
  });

  it("refuses a file that is neither kind", async () => {
    const error = await all(readLsoaLookup("lsoa21cd,population\nE01999001,1\n")).catch((e) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.message).toMatch(/lacks SICBLnnCDH \/ CCGnnCDH, or WDnnCD/);
  });
});
