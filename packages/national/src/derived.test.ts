import { readFileSync } from "node:fs";
import { Lsoa, Organisation, Snapshot } from "@care-atlas/domain";
import { readEpcn, readOdsOrganisations } from "@care-atlas/imports";
import { describe, expect, it } from "vitest";
import {
  icbOrganisations,
  lsoaRecords,
  nationalSnapshot,
  practiceExtract,
  readNationalLsoas,
  subIcbExtract,
  successorSince,
} from "./derived.js";
import { nationalFiles } from "./files.js";

const lsoas = readNationalLsoas();

const collect = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
  const list: T[] = [];
  for await (const row of rows) list.push(row);
  return list;
};

describe("the national LSOAs", () => {
  it("are every LSOA of the April 2024 lookup, each with its district and ward from the 2024 ward lookup", () => {
    expect(lsoas).toHaveLength(33_755);
    const records = lsoaRecords(lsoas);
    expect(records).toHaveLength(33_755);
    for (const record of records) Lsoa.parse(record);
    expect(records.find((l) => l.code === "E01012392")).toEqual({
      code: "E01012392",
      name: "Halton 001A",
      districtCode: "E06000006",
      ward: expect.objectContaining({ code: expect.stringMatching(/^E05\d{6}$/) }),
    });
    expect(new Set(lsoas.map((l) => l.subIcb.ods)).size).toBe(106);
    expect(new Set(lsoas.map((l) => l.icb.ods)).size).toBe(42);
  });
});

describe("the ICBs", () => {
  it("are the 42 of the ONS names and codes, from 1 July 2022, earlier only under an unrecorded name", () => {
    const versions = icbOrganisations();
    for (const version of versions) Organisation.parse(version);
    expect(new Set(versions.map((v) => v.id)).size).toBe(42);
    const gm = versions.filter((v) => v.codes.some((c) => c.value === "QOP"));
    expect(gm.at(-1)).toMatchObject({
      name: "NHS Greater Manchester Integrated Care Board",
      valid: { from: "2022-07-01", to: null },
    });
    const qhm = versions.filter((v) => v.codes.some((c) => c.value === "QHM"));
    expect(qhm.map((v) => [v.name, v.valid.from])).toEqual([
      ["QHM (earlier name not recorded)", successorSince().get("QHM")],
      ["NHS North East and North Cumbria Integrated Care Board", "2022-07-01"],
    ]);
  });

  it("go in a snapshot with the LSOAs and every source they cite", () => {
    const snapshot = Snapshot.parse(nationalSnapshot(lsoas, []));
    const cited = new Set(snapshot.organisations.flatMap((o) => o.provenance.sources));
    for (const key of cited) expect(snapshot.sources.map((s) => s.key)).toContain(key);
  });
});

describe("the derived ODS extracts", () => {
  it("give the 106 sub-ICB locations in eccg layout, a merged CCG's code from its merger", async () => {
    const rows = await collect(readOdsOrganisations("ods-eccg", subIcbExtract(lsoas)));
    expect(rows).toHaveLength(106);
    expect(rows.find((r) => r.code === "X2C4Y")).toMatchObject({
      name: "NHS West Yorkshire ICB - X2C4Y",
      healthGeography: "QWO",
      openDate: "2021-04-01",
      closeDate: null,
    });
    expect(rows.find((r) => r.code === "00T")).toMatchObject({ openDate: "2022-07-01" });
  });

  it("give ePCN's core partners with a practice code in epraccur layout, as GP practices", async () => {
    const workbook = await readEpcn(readFileSync(nationalFiles.epcn));
    const rows = await collect(readOdsOrganisations("ods-epraccur", practiceExtract(workbook)));
    expect(rows.length).toBeGreaterThan(6000);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.code).toMatch(/^[A-Z]\d{5}$/);
      expect(row).toMatchObject({ statusCode: "A", prescribingSetting: 4, closeDate: null });
      const first = workbook.members
        .filter((m) => m.practiceCode === row.code)
        .map((m) => m.startDate)
        .sort()[0];
      expect(row.openDate).toBe(first);
    }
  });
});
