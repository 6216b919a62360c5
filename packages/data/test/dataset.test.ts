/**
 * The published dataset checked against the raw files it was built from: every expectation
 * below is computed from raw/, not typed in.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type CodeKind,
  checkCode,
  checkSnapshot,
  codeOf,
  contains,
  findByCode,
  History,
  hierarchyAt,
  type Organisation,
  resolveSuccessor,
  Snapshot,
  stableId,
  validAt,
} from "@care-atlas/domain";
import { readEpcn } from "@care-atlas/imports";
import { beforeAll, describe, expect, it } from "vitest";
import {
  boundaryPaths,
  generatedPaths,
  loadAttribution,
  loadLsoaAssignments,
  loadPostcodes,
  loadSnapshot,
} from "../src/index.js";
import { type CsvRecord, parseCsv } from "../src/internal/Csv.js";

const raw = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`../raw/${path}`, import.meta.url)), "utf8");
const csv = (path: string): CsvRecord[] => parseCsv(raw(path));
const epcn2024 = await readEpcn(
  readFileSync(fileURLToPath(new URL("../raw/gp_practices/epcn_2024-10.xlsx", import.meta.url))),
);
const org = (code: string) => stableId("organisation", `ods:${code}`);
const dayAfter = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

let snapshot: Snapshot;
const assignments = loadLsoaAssignments();
const organisations = (id: string): Organisation[] =>
  snapshot.organisations.filter((o) => o.id === id);

beforeAll(() => {
  snapshot = loadSnapshot();
});

describe("loadSnapshot", () => {
  it("returns a snapshot the domain schema accepts, fresh on each call", () => {
    expect(() => Snapshot.parse(snapshot)).not.toThrow();
    const again = loadSnapshot();
    expect(again).toEqual(snapshot);
    expect(again).not.toBe(snapshot);
  });

  it("passes every domain rule with no errors", () => {
    const errors = checkSnapshot(snapshot).filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
  });

  it("lists every rule warning in DATA-QUALITY.md", () => {
    const report = readFileSync(generatedPaths.dataQuality, "utf8");
    const warnings = checkSnapshot(snapshot).filter((f) => f.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) expect(report).toContain(warning.message);
  });

  it("cites only sources it holds, in every record and population figure", () => {
    const keys = new Set(snapshot.sources.map((s) => s.key));
    const records = [
      ...snapshot.systems,
      ...snapshot.places,
      ...snapshot.neighbourhoodSchemes,
      ...snapshot.neighbourhoods,
      ...snapshot.organisations,
      ...snapshot.relationships,
      ...snapshot.successions,
      ...snapshot.governanceBodies,
      ...snapshot.strategy,
    ];
    for (const record of records) {
      expect(record.provenance.sources.length).toBeGreaterThan(0);
      for (const key of record.provenance.sources)
        expect(keys, `${record.id} cites ${key}`).toContain(key);
      if ("population" in record && record.population !== undefined)
        expect(keys).toContain(record.population.source);
    }
    for (const lsoa of snapshot.lsoas) expect(keys).toContain(lsoa.population?.source);
  });

  it("leaves teams, decisions and budgets empty: open data has none", () => {
    expect([snapshot.teams, snapshot.decisions, snapshot.pooledBudgets]).toEqual([[], [], []]);
  });
});

describe("geography", () => {
  it("holds every LSOA of the lookup with its MSOA, district and Census population", () => {
    const census = new Map(
      csv("population/gm_lsoa21_census2021_usual_residents_by_age.csv").map((r) => [r.lsoa21cd, r]),
    );
    const lookup = csv("geography/gm_lsoa21_lookup.csv");
    expect(snapshot.lsoas).toHaveLength(lookup.length);
    const byCode = new Map(snapshot.lsoas.map((l) => [l.code, l]));
    for (const row of lookup) {
      const lsoa = byCode.get(row.lsoa21cd ?? "");
      expect(lsoa?.population?.value).toBe(Number(census.get(row.lsoa21cd)?.usual_residents_total));
      expect(lsoa?.msoa).toEqual({
        code: row.msoa21cd,
        name: row.msoa21nm,
        hclName: row.msoa21_hcl_name,
      });
      expect(lsoa?.districtCode).toBe(row.lad22cd);
      expect(lsoa?.centroid).toEqual({
        lat: Number(row.centroid_lat),
        lon: Number(row.centroid_lon),
      });
    }
  });

  it("gives each LSOA its best-fit ward of each vintage as a dated assignment, not a field", () => {
    expect(snapshot.lsoas.filter((l) => l.ward !== undefined)).toEqual([]);
    const wardOn = (code: string, date: string) =>
      assignments.find((a) => a.lsoaCode === code && a.kind === "ward" && contains(a.valid, date));
    for (const row of csv("geography/gm_lsoa21_to_ward22_bestfit_lookup.csv")) {
      expect(wardOn(row.lsoa21cd ?? "", "2023-01-01")?.area).toEqual({
        code: row.wd22cd,
        name: row.wd22nm,
      });
    }
    const lsoas = new Set(snapshot.lsoas.map((l) => l.code));
    for (const row of csv("geography/lsoa21_ward24_ltla24_england_wales_2024.csv")) {
      if (!lsoas.has(row.lsoa21_code ?? "")) continue;
      expect(wardOn(row.lsoa21_code ?? "", "2024-05-01")?.area).toEqual({
        code: row.ward24_code,
        name: row.ward24_name,
      });
    }
  });

  it("gives each place, in every version, the sum of its LSOAs' populations", () => {
    const districts = csv("geography/gm_local_authorities.csv");
    expect(new Set(snapshot.places.map((p) => p.id)).size).toBe(districts.length);
    for (const place of snapshot.places) {
      const code = codeOf(place.codes, "gss");
      const sum = snapshot.lsoas
        .filter((l) => l.districtCode === code)
        .reduce((n, l) => n + (l.population?.value ?? 0), 0);
      expect(place.population?.value, place.name).toBe(sum);
    }
  });
});

describe("codes", () => {
  const kindsWithFormats = new Set([
    "icb",
    "sub-icb-location",
    "ccg",
    "local-authority",
    "combined-authority",
    "nhs-trust",
    "gp-practice",
    "pcn",
  ]);

  it("gives every organisation, place and LSOA well-formed codes for its kind", () => {
    for (const organisation of snapshot.organisations) {
      for (const code of organisation.codes) {
        const kind = (kindsWithFormats.has(organisation.kind) ? organisation.kind : undefined) as
          | CodeKind
          | undefined;
        if (kind !== undefined)
          expect(checkCode(code.system, kind, code.value), organisation.name).toBeNull();
      }
    }
    for (const place of snapshot.places) {
      for (const code of place.codes)
        expect(checkCode(code.system, "local-authority", code.value)).toBeNull();
    }
    for (const lsoa of snapshot.lsoas) {
      expect(checkCode("gss", "lsoa", lsoa.code)).toBeNull();
      // Every GM LSOA has its MSOA (the national lookups' LSOAs may not).
      expect(checkCode("gss", "msoa", lsoa.msoa?.code ?? "missing")).toBeNull();
      expect(checkCode("gss", "local-authority", lsoa.districtCode)).toBeNull();
      if (lsoa.ward) expect(checkCode("gss", "ward", lsoa.ward.code)).toBeNull();
    }
  });
});

describe("primary care", () => {
  const epraccur = () =>
    new Map(
      csv("gp_practices/gm_gp_practices_ods_epraccur_2025.csv").map((r) => [r.ods_code ?? "", r]),
    );

  it("holds every active GP practice with its ODS code, postcode and January 2021 list size", () => {
    const sizes = new Map(
      csv("gp_practices/gm_gp_registered_patients_2021-01.csv").map((r) => [
        r.CODE,
        Number(r.NUMBER_OF_PATIENTS),
      ]),
    );
    const active = [...epraccur().values()].filter(
      (r) => r.status_code === "A" && r.prescribing_setting === "4",
    );
    expect(active.length).toBeGreaterThan(0);
    for (const row of active) {
      const [practice, ...more] = organisations(org(row.ods_code ?? ""));
      expect(more).toEqual([]);
      expect(practice).toMatchObject({
        kind: "gp-practice",
        name: row.name,
        postcode: row.postcode,
        valid: { from: row.open_date, to: null },
      });
      expect(practice?.population?.value).toBe(sizes.get(row.ods_code));
      if (practice?.population)
        expect(practice.population).toMatchObject({ basis: "registered", date: "2021-01-01" });
    }
  });

  it("matches every practice's PCN membership to the ePCN core partner file", () => {
    const practices = epraccur();
    const rows = csv("gp_practices/gm_pcn_core_partners_epcn_2023-01.csv");
    const memberships = snapshot.relationships.filter(
      (r) => r.kind === "member-of" && r.role === "core partner",
    );
    // The October 2024 workbook adds memberships and ends some of January 2023's.
    expect(memberships.length).toBeGreaterThan(rows.length);
    const endedIn2024 = new Map(
      epcn2024.members
        .filter((m) => m.endDate !== null)
        .map((m) => [`${m.practiceCode}>${m.pcnCode}@${m.startDate}`, m.endDate as string]),
    );
    for (const row of rows) {
      const practice = practices.get(row.practice_code ?? "");
      const closed = practice?.close_date ? dayAfter(practice.close_date) : null;
      const end2024 = endedIn2024.get(
        `${row.practice_code}>${row.pcn_code}@${row.relationship_start_date}`,
      );
      const end = row.relationship_end_date || end2024;
      const ended = end ? dayAfter(end) : null;
      // A membership cannot outlast its practice: where ePCN has no end but ODS says the practice closed, it ends then.
      const to = closed !== null && (ended === null || ended > closed) ? closed : ended;
      const match = memberships.filter(
        (r) =>
          r.subjectId === org(row.practice_code ?? "") &&
          r.objectId === org(row.pcn_code ?? "") &&
          r.valid.from === row.relationship_start_date,
      );
      expect(
        match.map((r) => r.valid.to),
        `${row.practice_code} in ${row.pcn_code}`,
      ).toEqual([to]);
    }
  });

  it("holds every ePCN PCN with its dates and place", () => {
    for (const row of csv("gp_practices/gm_pcns_epcn_2023-01.csv")) {
      const versions = organisations(org(row.pcn_code ?? ""));
      const [pcn] = validAt(versions, row.close_date || "2023-01-01");
      // The 2024 workbook's renames are later versions: January 2023's name holds then.
      expect(pcn).toMatchObject({ kind: "pcn", name: row.pcn_name });
      expect(History.lifetime(versions)).toEqual({
        from: row.open_date,
        to: row.close_date ? dayAfter(row.close_date) : null,
      });
      const subIcb = validAt(organisations(org(row.sub_icb_code ?? "")), "2023-01-01")[0];
      expect(pcn?.placeId).toBe(subIcb?.placeId);
    }
  });
});

describe("organisations and history", () => {
  it("has NHS Greater Manchester ICB from 1 July 2022 with its ODS and ONS codes", () => {
    const row = csv("nhs_organisations/icb_names_codes_dec2024.csv").find(
      (r) => r.ICB24CDH === "QOP",
    );
    const [icb] = organisations(org("QOP"));
    expect(icb).toMatchObject({
      kind: "icb",
      name: row?.ICB24NM,
      valid: { from: "2022-07-01", to: null },
    });
    expect(icb?.codes).toEqual([
      { system: "ods", value: "QOP" },
      { system: "gss", value: row?.ICB24CD },
    ]);
  });

  it("turns each open CCG into a sub-ICB location of the ICB: same id, new version", () => {
    const rows = csv("nhs_organisations/gm_ccg_and_sub_icb_codes.csv").filter(
      (r) => r.ods_close_date === "",
    );
    for (const row of rows) {
      const versions = organisations(org(row.ods_code ?? ""));
      expect(versions.map((v) => [v.kind, v.valid.from, v.valid.to])).toEqual([
        ["ccg", row.ods_open_date, "2022-07-01"],
        ["sub-icb-location", "2022-07-01", null],
      ]);
      expect(versions[0]?.name).toBe(row.ccg20_name);
      expect(versions[1]).toMatchObject({ name: row.current_ods_name, parentId: org("QOP") });
      expect(codeOf(versions[1]?.codes ?? [], "gss")).toBe(row.sicbl22_ons_code);
      expect(versions[1]?.provenance.derivation).toContain(row.sicbl22_ons_code_source);
    }
    const places = validAt(snapshot.places, "2023-01-01");
    expect(places.map((p) => p.subIcbLocationId).sort()).toEqual(
      rows.map((r) => org(r.ods_code ?? "")).sort(),
    );
  });

  it("closes 00W, 01M and 01N and merges them into 14L on 2017-04-01", () => {
    for (const row of csv("nhs_organisations/gm_ccg_and_sub_icb_codes.csv").filter(
      (r) => r.ods_close_date !== "",
    )) {
      expect(organisations(org(row.ods_code ?? "")).map((o) => o.valid)).toEqual([
        { from: row.ods_open_date, to: dayAfter(row.ods_close_date ?? "") },
      ]);
    }
    const merge = snapshot.successions.find((s) => s.successorIds.includes(org("14L")));
    expect(merge).toMatchObject({
      kind: "merge",
      predecessorIds: ["00W", "01M", "01N"].map(org),
      valid: { from: "2017-04-01" },
    });
  });

  it("holds every trust of the etr file and merges RM2 and RW3 into R0A on the day it opened", () => {
    const rows = csv("nhs_organisations/gm_nhs_trusts_ods_etr.csv");
    for (const row of rows) {
      expect(History.lifetime(organisations(org(row.ods_code ?? "")))).toEqual({
        from: row.open_date,
        to: row.close_date ? dayAfter(row.close_date) : null,
      });
      // The name the file gives only from the day the file gives it (a closed trust's last
      // day open, else the extract's date); before, not recorded.
      const named = organisations(org(row.ods_code ?? "")).filter((o) => o.name === row.name);
      expect(named).toHaveLength(1);
      expect(named[0]?.valid.from).toBe(row.close_date || "2025-12-01");
    }
    const r0a = rows.find((r) => r.ods_code === "R0A");
    const merge = snapshot.successions.find((s) => s.successorIds.includes(org("R0A")));
    expect(merge).toMatchObject({
      kind: "merge",
      predecessorIds: [org("RM2"), org("RW3")],
      valid: { from: r0a?.open_date },
    });
  });

  it("records the trust successions ODS's successor table gives: RW6 → RM3 and R0A, RM4 → RW3", () => {
    const of = (code: string) =>
      snapshot.successions
        .filter((s) => s.predecessorIds.includes(org(code)))
        .map((s) => ({ kind: s.kind, to: [...s.successorIds].sort(), date: s.valid.from }));
    expect(of("RW6")).toEqual([
      { kind: "split", to: [org("R0A"), org("RM3")].sort(), date: "2021-10-01" },
    ]);
    expect(of("RM4")).toEqual([{ kind: "transfer", to: [org("RW3")], date: "2012-04-01" }]);
    const rex = organisations(org("REX"));
    expect(rex.map((v) => [v.name, v.valid])).toEqual([
      ["REX (name not in the loaded files)", { from: "2002-03-31", to: "2002-04-01" }],
    ]);
  });

  it("records the ICB taking over from the ten CCGs on 1 July 2022 (seed 000)", () => {
    const [handover] = snapshot.successions.filter((s) => s.successorIds.includes(org("QOP")));
    expect(handover?.kind).toBe("merge");
    expect(handover?.valid.from).toBe("2022-07-01");
    expect(handover?.predecessorIds).toContain(org("14L"));
    expect(handover?.predecessorIds).toHaveLength(10);
  });
});

describe("neighbourhoods", () => {
  it("has one PCN-footprint neighbourhood per open PCN, populated from its current members' 2021 lists", () => {
    const sizes = new Map(
      csv("gp_practices/gm_gp_registered_patients_2021-01.csv").map((r) => [
        r.CODE,
        Number(r.NUMBER_OF_PATIENTS),
      ]),
    );
    const partners = csv("gp_practices/gm_pcn_core_partners_epcn_2023-01.csv");
    const open = csv("gp_practices/gm_pcns_epcn_2023-01.csv").filter((r) => r.close_date === "");
    const scheme = snapshot.neighbourhoodSchemes.find((s) => s.basis === "registered-population");
    expect(scheme?.status).toBe("derived");
    const neighbourhoods = snapshot.neighbourhoods.filter((n) => n.schemeId === scheme?.id);
    expect(neighbourhoods).toHaveLength(open.length);
    for (const row of open) {
      const neighbourhood = neighbourhoods.find((n) =>
        n.footprint.pcnIds.includes(org(row.pcn_code ?? "")),
      );
      const sum = partners
        .filter((p) => p.pcn_code === row.pcn_code && p.relationship_end_date === "")
        .reduce((n, p) => n + (sizes.get(p.practice_code) ?? 0), 0);
      expect(neighbourhood?.population?.value, row.pcn_name).toBe(sum);
      expect(neighbourhood?.population?.derivation).toMatch(
        /^Derived from PCN membership, ePCN January 2023/,
      );
    }
  });

  it("splits Trafford's LSOAs among its four localities, each LSOA once, by most postcodes", () => {
    const scheme = snapshot.neighbourhoodSchemes.find((s) => s.basis === "geographic");
    const localities = snapshot.neighbourhoods.filter((n) => n.schemeId === scheme?.id);
    const wards = new Set(
      csv("neighbourhoods/trafford_localities_wards_2023.csv").map((r) => r.locality),
    );
    expect(localities.map((n) => n.name.replace("Trafford locality: ", "")).sort()).toEqual(
      [...wards].sort(),
    );
    const all = localities.flatMap((n) => n.footprint.lsoas);
    const trafford = snapshot.lsoas
      .filter((l) => l.districtCode === "E08000009")
      .map((l) => l.code);
    expect([...all].sort()).toEqual([...trafford].sort());
    const counts = new Map<string, Map<string, number>>();
    for (const row of csv("postcodes/trafford_postcodes_2025-02.csv")) {
      const byLocality = counts.get(row.lsoa_code ?? "") ?? new Map<string, number>();
      byLocality.set(row.locality ?? "", (byLocality.get(row.locality ?? "") ?? 0) + 1);
      counts.set(row.lsoa_code ?? "", byLocality);
    }
    for (const locality of localities) {
      const name = locality.name.replace("Trafford locality: ", "");
      for (const code of locality.footprint.lsoas) {
        const byLocality = counts.get(code) ?? new Map();
        expect(byLocality.get(name), code).toBe(Math.max(...byLocality.values()));
      }
      const people = snapshot.lsoas
        .filter((l) => locality.footprint.lsoas.includes(l.code))
        .reduce((n, l) => n + (l.population?.value ?? 0), 0);
      expect(locality.population?.value).toBe(people);
    }
  });
});

describe("governance and strategy from the seeds", () => {
  it("makes Manchester's joint commissioning executive accountable to the three CCGs until they closed", () => {
    const executive = snapshot.governanceBodies.find(
      (b) => b.kind === "joint-commissioning-executive",
    );
    const board = snapshot.governanceBodies.find((b) => b.kind === "joint-commissioning-board");
    expect(board?.valid.from).toBe("2016-05-23");
    expect(executive).toMatchObject({
      valid: { from: "2016-06-01" },
      responsibilityPence: 120_000_000_000,
      delegatedLimitPence: null,
    });
    const lines = snapshot.relationships.filter(
      (r) => r.subjectId === executive?.id && r.kind === "accountable-to",
    );
    expect(lines.map((r) => r.objectId).sort()).toEqual(["00W", "01M", "01N"].map(org).sort());
    for (const line of lines) expect(line.valid.to).toBe(organisations(line.objectId)[0]?.valid.to);
    expect(
      snapshot.relationships
        .filter((r) => r.subjectId === executive?.id && r.kind === "reports-to")
        .map((r) => r.objectId),
    ).toEqual([board?.id]);
  });

  it("has a locality board and a place-based lead for every place from 1 July 2022", () => {
    const places = validAt(snapshot.places, "2022-07-01");
    expect(
      places.every(
        (p) => p.placeBasedLead?.title !== undefined && p.placeBasedLead.holder === undefined,
      ),
    ).toBe(true);
    const boards = snapshot.governanceBodies.filter((b) => b.kind === "locality-board");
    expect(boards.map((b) => b.placeId).sort()).toEqual(places.map((p) => p.id).sort());
  });

  it("quotes every strategy element verbatim from seed 001, commitments under their outcomes", () => {
    const seed = raw("seeds/001_8ee388fe2987bbd3.txt");
    for (const element of snapshot.strategy) {
      expect(seed).toContain(element.text);
      if (element.title !== undefined) expect(seed).toContain(`${element.title} – ${element.text}`);
      expect(element.provenance.sources).toContain("seed-001-gmicp-strategic-context");
    }
    const bulletsAfterOutcomes = seed
      .split("Click on the shared outcome below")[1]
      ?.match(/•/g)?.length;
    expect(snapshot.strategy.filter((e) => e.kind === "commitment")).toHaveLength(
      bulletsAfterOutcomes ?? -1,
    );
    const outcomes = new Set(
      snapshot.strategy.filter((e) => e.kind === "outcome").map((e) => e.id),
    );
    for (const commitment of snapshot.strategy.filter((e) => e.kind === "commitment")) {
      expect(outcomes).toContain(commitment.parentId);
    }
  });
});

describe("domain queries over the dataset", () => {
  it("follows the recorded successions to today's bodies", () => {
    const today = (code: string) =>
      resolveSuccessor(snapshot, org(code), "2024-01-01").map((p) => p.id);
    expect(today("00W")).toEqual([org("14L")]);
    expect(today("RM2")).toEqual([org("R0A")]);
  });

  it("finds a CCG by its ODS code only while it was open", () => {
    const row = csv("nhs_organisations/gm_ccgs_sub_icb_locations_ods_eccg.csv").find(
      (r) => r.ods_code === "00W",
    );
    expect(findByCode(snapshot, "00W", { date: row?.open_date ?? "" }).map((m) => m.id)).toEqual([
      org("00W"),
    ]);
    expect(findByCode(snapshot, "00W", { date: dayAfter(row?.close_date ?? "") })).toEqual([]);
  });

  it("shows every place under the system, and both neighbourhood schemes in Trafford", () => {
    const { systems } = hierarchyAt(snapshot, "2025-06-01");
    const districts = csv("geography/gm_local_authorities.csv");
    expect(systems).toHaveLength(1);
    expect(systems[0]?.places.map((p) => p.place.name).sort()).toEqual(
      districts.map((d) => d.lad_nm).sort(),
    );
    const trafford = systems[0]?.places.find((p) => p.place.name === "Trafford");
    expect(trafford?.schemes).toHaveLength(snapshot.neighbourhoodSchemes.length);
  });
});

describe("postcodes", () => {
  it("resolves every Trafford postcode of the raw file to a known LSOA", () => {
    const postcodes = loadPostcodes();
    const rows = csv("postcodes/trafford_postcodes_2025-02.csv");
    expect(postcodes).toHaveLength(rows.length);
    const lsoas = new Set(snapshot.lsoas.map((l) => l.code));
    for (const postcode of postcodes) expect(lsoas).toContain(postcode.lsoaCode);
    const byPostcode = new Map(postcodes.map((p) => [p.postcode, p]));
    for (const row of rows) {
      expect(byPostcode.get(row.postcode ?? "")).toMatchObject({
        lsoaCode: row.lsoa_code,
        wardCode: row.ward_code,
        districtCode: row.la_code,
        introduced: null,
        terminated: null,
        source: "onspd-trafford-postcodes-2025-02",
      });
    }
  });
});

describe("LSOA commissioners from the ONS lookups", () => {
  const on = (code: string, date: string) =>
    assignments.find(
      (a) => a.lsoaCode === code && a.kind === "commissioner" && contains(a.valid, date),
    );

  it("places every LSOA of each lookup in its commissioner on the lookup's date", () => {
    const lsoas = new Set(snapshot.lsoas.map((l) => l.code));
    const check = (path: string, date: string, lsoa: string, commissioner: string) => {
      for (const row of csv(path)) {
        const code = row[lsoa] ?? "";
        if (path.includes("england") && !lsoas.has(code) && on(code, date) === undefined) continue;
        expect(on(code, date)?.area.code, `${code} on ${date}`).toBe(row[commissioner]);
      }
    };
    check("geography/gm_lsoa11_to_ccg16_lad16_lookup.csv", "2016-04-01", "LSOA11CD", "CCG16CDH");
    check("geography/gm_lsoa11_to_ccg20_lad20_lookup.csv", "2020-04-01", "LSOA11CD", "CCG20CDH");
    check(
      "geography/lsoa21_sicbl24_icb24_england_2024-04.csv",
      "2024-04-01",
      "lsoa21_code",
      "sicbl24_code_nhs",
    );
    for (const lsoa of lsoas) expect(on(lsoa, "2024-04-01"), lsoa).toBeDefined();
  });

  it("moves the 21 Glossop LSOAs from Tameside and Glossop CCG to Derby and Derbyshire on 2022-07-01", () => {
    const glossop = csv("geography/gm_lsoa11_to_ccg20_lad20_lookup.csv").filter(
      (r) => r.LAD20NM === "High Peak",
    );
    expect(glossop).toHaveLength(21);
    const national = new Map(
      csv("geography/lsoa11_sicbl22_icb22_ltla22_england_2022-07.csv").map((r) => [
        r.lsoa11_code,
        r,
      ]),
    );
    for (const row of glossop) {
      const code = row.LSOA11CD ?? "";
      expect(on(code, "2022-06-30")?.area.code).toBe("01Y");
      const after = on(code, "2022-07-01");
      const file = national.get(code);
      expect(after?.area).toEqual({
        code: file?.sicbl22_code_h,
        gssCode: file?.sicbl22_code,
        name: file?.sicbl22_name,
      });
      expect(after?.icb?.code).toBe("QJ2");
      // No loaded file describes these LSOAs or Derby and Derbyshire: recorded by code.
      expect(snapshot.lsoas.some((l) => l.code === code)).toBe(false);
      expect(findByCode(snapshot, "15M")).toEqual([]);
    }
  });
});

describe("the seeds' records", () => {
  it("has a local care organisation per borough, Manchester's named and dated by seed 003", () => {
    const lcos = snapshot.collaboratives.filter((c) => c.name.endsWith("local care organisation"));
    expect(lcos).toHaveLength(10);
    expect(new Set(lcos.map((c) => c.placeId)).size).toBe(10);
    const manchester = lcos.find((c) => c.name === "Manchester local care organisation");
    expect(manchester?.valid.from).toBe("2016-07-18");
    expect(manchester?.provenance.sources).toContain(
      "seed-003-manchester-joint-commissioning-2016-07-18",
    );
    for (const lco of lcos) {
      expect(lco.provenance.derivation).toContain(
        "a single, integrated, local care organisation on the same footprint",
      );
    }
  });

  it("records the A Bed Every Night alliance, Bolton's partnership and Greater Manchester Police from seed 002", () => {
    const seed = raw("seeds/002_8135affe55cafaf9.txt");
    const aben = snapshot.collaboratives.find((c) => c.name === "A Bed Every Night alliance");
    expect(aben?.provenance.sources).toEqual(["seed-002-integrated-care-in-action-week"]);
    const bolton = snapshot.collaboratives.find((c) => c.name.includes("St John Ambulance"));
    const members = snapshot.relationships
      .filter((r) => r.kind === "member-of" && r.objectId === bolton?.id)
      .map(
        (r) =>
          snapshot.organisations.find((o) => o.id === r.subjectId)?.codes[0]?.value ??
          snapshot.organisations.find((o) => o.id === r.subjectId)?.name,
      );
    expect(members.sort()).toEqual(["Homeless Aid UK", "RMC", "St John Ambulance"]);
    const police = snapshot.organisations.find((o) => o.kind === "police");
    expect(police?.name).toBe("Greater Manchester Police");
    for (const record of [aben, bolton, police]) {
      const quote = /"([^"]+)"/.exec(record?.provenance.derivation ?? "")?.[1] ?? "";
      expect(seed.replace(/\s+/g, " ")).toContain(quote);
    }
  });

  it("names the ICB's chair and chief executive designate as seed 000 does", () => {
    const icb = organisations(org("QOP"));
    expect(icb.map((v) => v.officers)).toEqual([
      [
        { name: "Sir Richard Leese", title: "Chair designate" },
        { name: "Mark Fisher", title: "Chief Executive designate" },
      ],
    ]);
    expect(icb[0]?.provenance.derivation).toContain(
      "Sir Richard Leese has been confirmed as Chair designate and Mark Fisher as Chief Executive designate.",
    );
  });
});

describe("files shipped", () => {
  it("has boundaries for every district, every LSOA and Trafford's localities", () => {
    const features = (path: string) =>
      (
        JSON.parse(readFileSync(path, "utf8")) as {
          features: { properties: Record<string, string> }[];
        }
      ).features;
    expect(
      features(boundaryPaths.districts)
        .map((f) => f.properties.area_code)
        .sort(),
    ).toEqual(
      csv("geography/gm_local_authorities.csv")
        .map((r) => r.lad_cd)
        .sort(),
    );
    expect(new Set(features(boundaryPaths.lsoas).map((f) => f.properties.area_code))).toEqual(
      new Set(snapshot.lsoas.map((l) => l.code)),
    );
    expect(features(boundaryPaths.traffordLocalities)).toHaveLength(4);
  });

  it("carries the OGL attribution lines of SOURCES.md", () => {
    const attribution = loadAttribution();
    expect(attribution).toContain(
      "Contains public sector information from NHS England licensed under the Open Government Licence v3.0.",
    );
    expect(attribution).toContain("Contains OS data © Crown copyright and database right");
    for (const source of snapshot.sources) expect(attribution).toContain(`### ${source.key}`);
  });
});
