/**
 * The reference planners over the real files: the Trafford postcode extract of ONSPD into
 * columns and planned against a register of GM LSOAs, and ONS's LSOA lookups planned in
 * vintage order (CCG 2016 and 2020, sub-ICB 2022 and 2024, ward 2022 and 2024) against a
 * register that takes each plan in, checked against the files themselves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assignmentKey,
  contains,
  type LsoaAssignment,
  type LsoaAssignmentKind,
  type PostcodeRecord,
} from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import {
  type AssignmentView,
  type LsoaLookupHeader,
  type LsoaLookupRow,
  monthNumber,
  monthText,
  PostcodeColumns,
  planLsoaLookup,
  planPostcodes,
  readLsoaLookup,
  readPostcodeColumns,
  Tally,
} from "../src/index.js";

const raw = join(import.meta.dirname, "../../data/raw");
const file = (path: string) => readFileSync(join(raw, path));

const csvRows = (path: string): Record<string, string>[] => {
  const [header, ...lines] = readFileSync(join(raw, path), "utf8").trim().split("\n");
  const names = (header ?? "").split(",").map((n) => n.replaceAll('"', ""));
  return lines.map((line) => {
    const fields = line.split(",").map((f) => f.replaceAll('"', ""));
    return Object.fromEntries(names.map((n, i) => [n, fields[i] ?? ""]));
  });
};

const gmLsoas = new Set(csvRows("geography/gm_lsoa21_lookup.csv").map((r) => r.lsoa21cd ?? ""));

describe("postcode columns", () => {
  it("round-trips months and holds a row without an object per row", () => {
    expect(monthText(monthNumber("1980-01"))).toBe("1980-01");
    expect(monthText(monthNumber("2024-12"))).toBe("2024-12");
    expect(monthNumber(null)).toBe(-1);
    const columns = new PostcodeColumns();
    for (let i = 0; i < 3000; i++) {
      columns.push({
        postcode: `ZZ${i % 10} ${i % 10}ZZ`,
        lsoaCode: "E01999001",
        introduced: "1980-01",
        terminated: i === 0 ? "2024-01" : null,
      });
    }
    expect(columns.length).toBe(3000);
    expect(columns.lsoaCodes.values).toEqual(["E01999001"]);
    expect(columns.record(0, "synthetic")).toEqual({
      postcode: "ZZ0 0ZZ",
      lsoaCode: "E01999001",
      introduced: "1980-01",
      terminated: "2024-01",
      source: "synthetic",
    });
  });

  it("reads the Trafford extract: 11,264 postcodes, each with LSOA, ward, district and point", async () => {
    const tally = new Tally();
    const { columns, rows } = await readPostcodeColumns(
      file("postcodes/trafford_postcodes_2025-02.csv"),
      tally,
    );
    expect(rows).toBe(11_264);
    expect(columns.length).toBe(11_264);
    expect(tally.count("skipped")).toBe(0);
    const at = columns.postcodes.indexOf("M32 0JG");
    expect(columns.record(at, "onspd")).toEqual({
      postcode: "M32 0JG",
      lsoaCode: "E01006187",
      introduced: null,
      terminated: null,
      point: { lat: 53.455654, lon: -2.302836 },
      wardCode: "E05015247",
      districtCode: "E08000009",
      source: "onspd",
    });
  });

  it("skips rows that cannot be an English postcode in an LSOA 2021", async () => {
    const tally = new Tally();
    const { columns } = await readPostcodeColumns(
      [
        "pcds,dointr,doterm,oslaua,osward,lsoa21,lat,long",
        "ZZ9 9ZA,198001,,E08999001,E05999001,E01999001,53.4,-2.3",
        "not a postcode,198001,,E08999001,E05999001,E01999001,53.4,-2.3",
        "ZZ9 9ZB,198001,,S12000033,,S01000001,57.1,-2.1",
        "ZZ9 9ZC,198001,,,,,99.999999,0",
        "ZZ9 9ZA,198001,,E08999001,E05999001,E01999001,53.4,-2.3",
        "ZZ9 9ZD,202001,199001,E08999001,E05999001,E01999001,53.4,-2.3",
      ].join("\n"),
      tally,
    );
    expect(columns.postcodes).toEqual(["ZZ9 9ZA"]);
    expect(tally.count("skipped")).toBe(5);
    expect(tally.summary().examples.skipped.map((item) => item.detail)).toEqual([
      'line 3: "not a postcode" is not a postcode',
      "line 4: LSOA S01000001 is not an English LSOA 2021",
      "line 5: no LSOA 2021 code",
      "line 6: listed again (the first is kept)",
      "line 7: terminated (1990-01) before introduced (2020-01)",
    ]);
  });

  it("plans the extract against GM's LSOAs: all created, then nothing changes", async () => {
    const { columns } = await readPostcodeColumns(
      file("postcodes/trafford_postcodes_2025-02.csv"),
      new Tally(),
    );
    const context = { published: "2025-02-13", source: "onspd-trafford", fileName: "x.csv" };
    const held = new Map<string, PostcodeRecord>();
    const view = { postcode: (p: string) => held.get(p), hasLsoa: (c: string) => gmLsoas.has(c) };
    const first = new Tally();
    const plan = planPostcodes(view, columns, first, context);
    expect(first.summary().counts).toMatchObject({ created: 11_264, unchanged: 0, skipped: 0 });
    for (const record of plan.records()) held.set(record.postcode, record);
    expect(held.size).toBe(11_264);
    const again = new Tally();
    expect(planPostcodes(view, columns, again, { ...context, source: "another" }).count).toBe(0);
    expect(again.summary().counts.unchanged).toBe(11_264);
    // Outside the register's LSOAs: skipped.
    const none = new Tally();
    planPostcodes({ postcode: () => undefined, hasLsoa: () => false }, columns, none, context);
    expect(none.summary().counts.skipped).toBe(11_264);
  });
});

/** A register of GM LSOAs and organisations holding the GM commissioners' codes. */
const registerView = (held: Map<string, LsoaAssignment>, organisations: Set<string>) => {
  const view: AssignmentView = {
    assignmentsOf: (lsoa: string, kind: LsoaAssignmentKind) =>
      [...held.values()].filter((a) => a.lsoaCode === lsoa && a.kind === kind),
    hasLsoa: (code) => gmLsoas.has(code),
    holdsOrganisation: (code) => organisations.has(code),
  };
  return view;
};

const readLookup = async (path: string) => {
  let header: LsoaLookupHeader | undefined;
  const rows: LsoaLookupRow[] = [];
  for await (const row of readLsoaLookup(file(path), (h) => {
    header = h;
  }))
    rows.push(row);
  if (header === undefined) throw new Error("no header");
  return { header, rows };
};

describe("LSOA lookups, in vintage order", () => {
  const gmCommissioners = new Set([
    ...["00T", "00V", "00W", "01M", "01N", "14L", "00Y", "01D", "01G", "01W", "01Y", "02A", "02H"],
    "QOP",
  ]);
  const held = new Map<string, LsoaAssignment>();
  const view = registerView(held, gmCommissioners);
  const on = (lsoa: string, kind: LsoaAssignmentKind, date: string) =>
    [...held.values()].find(
      (a) => a.lsoaCode === lsoa && a.kind === kind && contains(a.valid, date),
    );
  const take = async (path: string, published: string) => {
    const { header, rows } = await readLookup(path);
    const tally = new Tally();
    const plan = planLsoaLookup(view, header, rows, tally, {
      published,
      source: `test-${header.kind}-${header.vintage}`,
      fileName: path,
    });
    for (const a of plan.assignments) held.set(assignmentKey(a), a);
    return { header, rows, tally, plan };
  };
  const glossop = csvRows("geography/gm_lsoa11_to_ccg20_lad20_lookup.csv")
    .filter((r) => r.LAD20NM === "High Peak")
    .map((r) => r.LSOA11CD ?? "");
  const manchester16 = csvRows("geography/gm_lsoa11_to_ccg16_lad16_lookup.csv").filter((r) =>
    ["00W", "01M", "01N"].includes(r.CCG16CDH ?? ""),
  );

  it("CCG 2016: every GM row, with Central, North and South Manchester", async () => {
    const { tally, header } = await take(
      "geography/gm_lsoa11_to_ccg16_lad16_lookup.csv",
      "2016-04-01",
    );
    expect(header).toEqual({ kind: "commissioner", vintage: 2016, lsoaVintage: 2011 });
    expect(tally.summary().counts).toMatchObject({ created: 1694, skipped: 0 });
    const areas = new Set([...held.values()].map((a) => a.area.code));
    expect([...areas].sort()).toEqual([
      "00T",
      "00V",
      "00W",
      "00Y",
      "01D",
      "01G",
      "01M",
      "01N",
      "01W",
      "01Y",
      "02A",
      "02H",
    ]);
  });

  it("CCG 2020: only the differences — Manchester's LSOAs move to 14L on 2020-04-01", async () => {
    const { tally } = await take("geography/gm_lsoa11_to_ccg20_lad20_lookup.csv", "2020-04-01");
    expect(manchester16.length).toBe(282);
    expect(tally.summary().counts.created).toBe(0);
    for (const row of manchester16) {
      const code = row.LSOA11CD ?? "";
      expect(on(code, "commissioner", "2019-01-01")?.area.code).toBe(row.CCG16CDH);
      expect(on(code, "commissioner", "2020-04-01")?.area.code).toBe("14L");
    }
    expect(tally.summary().examples.changed[0]?.detail).toMatch(
      /^moves from 0(0W|1M|1N) .* to 14L/,
    );
  });

  it("sub-ICB 2022: the 21 Glossop LSOAs move from 01Y to 15M on 2022-07-01", async () => {
    const { tally, rows } = await take(
      "geography/lsoa11_sicbl22_icb22_ltla22_england_2022-07.csv",
      "2022-07-01",
    );
    expect(rows).toHaveLength(32_844);
    expect(glossop).toHaveLength(21);
    for (const code of glossop) {
      expect(on(code, "commissioner", "2022-06-30")?.area.code).toBe("01Y");
      expect(on(code, "commissioner", "2022-06-30")?.valid.to).toBe("2022-07-01");
      expect(on(code, "commissioner", "2022-07-01")).toMatchObject({
        areaKind: "sub-icb-location",
        area: { code: "15M", gssCode: "E38000261", name: "NHS Derby and Derbyshire ICB - 15M" },
        icb: { code: "QJ2", name: "NHS Derby and Derbyshire Integrated Care Board" },
        vintage: { year: 2022, from: "2022-07-01" },
      });
    }
    expect(tally.summary().counts.skipped).toBe(32_844 - 1673 - 21);
    expect(tally.summary().counts.changed).toBe(1673 + 21);
  });

  it("sub-ICB 2024: every GM LSOA's sub-ICB location is the file's; re-import changes nothing", async () => {
    const path = "geography/lsoa21_sicbl24_icb24_england_2024-04.csv";
    await take(path, "2024-04-01");
    const file24 = csvRows(path).filter((r) => gmLsoas.has(r.lsoa21_code ?? ""));
    expect(file24).toHaveLength(1702);
    for (const row of file24) {
      expect(on(row.lsoa21_code ?? "", "commissioner", "2024-04-01")?.area.code).toBe(
        row.sicbl24_code_nhs,
      );
    }
    const { tally, plan } = await take(path, "2024-04-01");
    expect(plan.assignments).toEqual([]);
    expect(tally.summary().counts).toMatchObject({ created: 0, changed: 0, unchanged: 1702 + 21 });
  });

  it("ward 2022 and 2024: the LSOA's ward of each vintage, changed on the 2024 date", async () => {
    await take("geography/gm_lsoa21_to_ward22_bestfit_lookup.csv", "2022-05-01");
    await take("geography/lsoa21_ward24_ltla24_england_wales_2024.csv", "2024-05-01");
    expect(on("E01006187", "ward", "2023-01-01")?.area.code).toBe("E05000829");
    expect(on("E01006187", "ward", "2024-05-01")?.area).toEqual({
      code: "E05015247",
      name: "Gorse Hill & Cornbrook",
    });
    for (const lsoa of gmLsoas) expect(on(lsoa, "ward", "2025-01-01")).toBeDefined();
  });
});
