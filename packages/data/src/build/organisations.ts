/**
 * @module organisations
 * The statutory organisations and their history: NHS Greater Manchester ICB; the CCGs, each
 * (where its ODS code lives on) becoming a sub-ICB location of the ICB on 1 July 2022 as a
 * new version of the same organisation; the Manchester CCG merger; commissioning hub 14J;
 * the NHS trusts with their merger; the councils and the combined authority.
 */
import type { IsoDate, Organisation, Succession } from "@care-atlas/domain";
import {
  type OdsOrganisationRow,
  planOdsOrganisations,
  readOdsOrganisations,
  Working,
} from "@care-atlas/imports";
import { earliest, inclusivePeriod, nextDay, previousDay } from "./dates.js";
import { compare, type District, field } from "./geography.js";
import { gssOrganisation, odsOrganisation, placeOf, stableId } from "./ids.js";
import { quoted } from "./quotes.js";
import { type Raw, rawPaths } from "./raw.js";
import { icbOfficers } from "./seedFacts.js";
import { sourceKeys as S } from "./sourceCatalogue.js";

/** The day NHS Greater Manchester Integrated Care took over from the 10 CCGs. */
export const icbStart: IsoDate = "2022-07-01";

/** Why {@link icbStart} is that day. */
const icbStartDerivation = (raw: Raw): string =>
  `1 July 2022: seed 000, dated 8 April 2022, says "${quoted(raw, "seed000", "From July 1 a new organisation, called NHS Greater Manchester Integrated Care will take over from our ten Clinical Commissioning Groups")}".`;

/** The ICB's ODS code. */
export const icbCode = "QOP";

/** NHS Greater Manchester Integrated Care Board. */
export const buildIcb = (raw: Raw): Organisation => {
  const row = raw.csv("icbNames").find((r) => r.ICB24CDH === icbCode);
  if (row === undefined) throw new Error(`no ICB ${icbCode} in the ICB names file`);
  const valid = { from: icbStart, to: null };
  const designate = icbOfficers(raw);
  return {
    id: odsOrganisation(icbCode),
    kind: "icb",
    name: field(row, "ICB24NM"),
    codes: [
      { system: "ods", value: icbCode },
      { system: "gss", value: field(row, "ICB24CD") },
    ],
    roles: [{ role: "commissioner", period: valid }],
    officers: designate.officers,
    valid,
    provenance: {
      sources: [S.icbNames, S.seed000],
      derivation: `Name and codes from the ONS ICB names and codes (December 2024). valid.from ${icbStartDerivation(raw)} Role: seed 000 says it will "${quoted(raw, "seed000", "become responsible for the allocation of, and accounting for, NHS resources")}". ${designate.derivation}`,
    },
  };
};

/** The GM district a CCG served, from the file's "E08000001 Bolton: 177" list. */
const districtOfCcg = (
  counts: string,
  districts: ReadonlyArray<District>,
  code: string,
): District => {
  const found = districts.filter((d) => counts.includes(`${d.code} `));
  const [district] = found;
  if (found.length !== 1 || district === undefined) {
    throw new Error(`CCG ${code} is in ${found.length} GM districts ("${counts}")`);
  }
  return district;
};

/** The commissioners: CCGs / sub-ICB locations, and commissioning hub 14J. */
export interface Commissioners {
  readonly organisations: Organisation[];
  readonly successions: Succession[];
  /** Place id → the id of its sub-ICB location (from {@link icbStart}). */
  readonly subIcbLocationOfPlace: Map<string, string>;
}

/**
 * CCGs with their open and close dates; the ten whose codes ODS still holds become sub-ICB
 * locations of the ICB on {@link icbStart} (a new version, same id); Central, North and South
 * Manchester merge into Manchester (14L) on 2017-04-01; hub 14J as recorded by ODS.
 */
export const buildCommissioners = (raw: Raw, districts: ReadonlyArray<District>): Commissioners => {
  const icbId = odsOrganisation(icbCode);
  const eccg = new Map(raw.csv("eccg").map((row) => [field(row, "ods_code"), row]));
  const organisations: Organisation[] = [];
  const subIcbLocationOfPlace = new Map<string, string>();
  const takeover = icbStartDerivation(raw);

  for (const row of raw.csv("ccgCodes")) {
    const code = field(row, "ods_code");
    const ods = eccg.get(code);
    if (ods === undefined) throw new Error(`CCG ${code} is not in eccg`);
    if (ods.open_date !== row.ods_open_date || ods.close_date !== row.ods_close_date) {
      throw new Error(`CCG ${code}: eccg and the joined file disagree on dates`);
    }
    const id = odsOrganisation(code);
    const counts = field(row, "lsoa11_count_by_lad");
    const district = districtOfCcg(counts, districts, code);
    const placeId = placeOf(district.code);
    const outsideGm = counts.split("; ").filter((part) => !part.startsWith(district.code));
    const placeNote =
      `Place: ${district.name}, the GM district of its LSOAs (lsoa11_count_by_lad "${counts}")` +
      (outsideGm.length > 0
        ? `; its other LSOAs (${outsideGm.join("; ")}) are outside Greater Manchester.`
        : ".");
    const open = field(ods, "open_date");
    const closed = ods.close_date !== "";

    if (closed) {
      // Closed before the ICB: one CCG version, named and coded as ONS named it in 2016.
      const valid = inclusivePeriod(open, ods.close_date ?? "", `CCG ${code}`);
      organisations.push({
        id,
        kind: "ccg",
        name: field(row, "ccg16_name"),
        codes: [
          { system: "ods", value: code },
          { system: "gss", value: field(row, "ccg16_ons_code") },
        ],
        roles: [{ role: "commissioner", period: valid }],
        placeId,
        postcode: field(ods, "postcode"),
        valid,
        provenance: {
          sources: [S.eccg, S.ccgCodes, S.lsoa11Ccg16],
          derivation: `Open and close dates from ODS eccg; valid.to is the day after its close_date ${ods.close_date} (the last day open). Name and E38 code as ONS gave them in April 2016 (ccg16_name, ccg16_ons_code). ${placeNote}`,
        },
      });
      continue;
    }

    // Open in ODS today: a CCG until the ICB took over, then a sub-ICB location of the ICB.
    const ccgName = field(row, "ccg20_name");
    const ccgCode = field(row, "ccg20_ons_code");
    if (row.ccg17_ons_code !== "" && row.ccg17_ons_code !== ccgCode) {
      throw new Error(`CCG ${code} changed E38 code between 2017 and 2020`);
    }
    const ccgValid = { from: open, to: icbStart };
    organisations.push({
      id,
      kind: "ccg",
      name: ccgName,
      codes: [
        { system: "ods", value: code },
        { system: "gss", value: ccgCode },
      ],
      roles: [{ role: "commissioner", period: ccgValid }],
      placeId,
      valid: ccgValid,
      provenance: {
        sources: [S.eccg, S.ccgCodes, S.lsoa11Ccg20, S.seed000],
        derivation: `valid.from is the ODS open_date. valid.to is the day the ICB took over, ${takeover} Name and E38 code as ONS gave them in April 2020 (ccg20_name, ccg20_ons_code). ${placeNote}`,
      },
    });
    const sicbl = field(row, "sicbl22_ons_code");
    organisations.push({
      id,
      kind: "sub-icb-location",
      name: field(ods, "name"),
      codes: [
        { system: "ods", value: code },
        { system: "gss", value: sicbl },
      ],
      roles: [],
      placeId,
      parentId: icbId,
      postcode: field(ods, "postcode"),
      valid: { from: icbStart, to: null },
      provenance: {
        sources: [S.eccg, S.ccgCodes, S.seed000],
        derivation: `The same organisation as CCG ${code}: ODS keeps the code open (eccg, role ${field(ods, "col14_role_code")}) under the ICB's name, so this is a new version from ${icbStart}, not a new organisation. ${takeover} Name and postcode from ODS eccg. ONS code ${sicbl} from the joined file's sicbl22_ons_code, whose source column says: "${field(row, "sicbl22_ons_code_source")}". ${placeNote}`,
      },
    });
    subIcbLocationOfPlace.set(placeId, id);
  }

  // Commissioning hub 14J: in eccg only.
  const hub = eccg.get("14J");
  if (hub !== undefined) {
    organisations.push({
      id: odsOrganisation("14J"),
      kind: "other",
      name: field(hub, "name"),
      codes: [{ system: "ods", value: "14J" }],
      roles: [],
      postcode: field(hub, "postcode"),
      valid: inclusivePeriod(field(hub, "open_date"), hub.close_date ?? "", "14J"),
      provenance: {
        sources: [S.eccg],
        derivation: `ODS eccg lists it with geography QOP and role code ${field(hub, "col14_role_code")} (the sub-ICB locations have RO319; the closed CCGs none), open ${hub.open_date} to ${hub.close_date} (last day open). The raw files do not say what it commissioned, for whom, or whether anything succeeded it: recorded as kind "other", with no role, place or succession.`,
      },
    });
  }

  return {
    organisations,
    successions: [manchesterCcgMerger(raw, organisations)],
    subIcbLocationOfPlace,
  };
};

/** ODS codes of the CCGs whose LSOAs (2011) are in `ccgColumn` = one of `codes`. */
const lsoasOf = (
  raw: Raw,
  file: "lsoa11Ccg16" | "lsoa11Ccg20",
  column: string,
  codes: ReadonlyArray<string>,
): Set<string> =>
  new Set(
    raw
      .csv(file)
      .filter((row) => codes.includes(row[column] ?? ""))
      .map((row) => field(row, "LSOA11CD")),
  );

/**
 * Central (00W), North (01M) and South (01N) Manchester CCGs → Manchester CCG (14L) on
 * 2017-04-01, checked against ODS dates and the ONS LSOA lookups of 2016 and 2020.
 */
const manchesterCcgMerger = (raw: Raw, organisations: ReadonlyArray<Organisation>): Succession => {
  const predecessors = ["00W", "01M", "01N"];
  const successor = "14L";
  const date = "2017-04-01";
  const lifetime = (code: string) =>
    organisations.filter((o) => o.id === odsOrganisation(code)).map((o) => o.valid);
  for (const code of predecessors) {
    if (!lifetime(code).some((p) => p.to === date))
      throw new Error(`CCG ${code} does not close on ${date}`);
  }
  if (earliest(lifetime(successor).map((p) => p.from)) !== date)
    throw new Error(`CCG 14L does not open on ${date}`);
  const before = lsoasOf(raw, "lsoa11Ccg16", "CCG16CDH", predecessors);
  const after = lsoasOf(raw, "lsoa11Ccg20", "CCG20CDH", [successor]);
  const same = before.size === after.size && [...before].every((code) => after.has(code));
  if (!same)
    throw new Error("the 2016 Manchester CCGs and 14L in 2020 do not cover the same LSOAs");
  return {
    id: stableId("succession", `merge:ods:${predecessors.join("+")}>ods:${successor}:${date}`),
    kind: "merge",
    predecessorIds: predecessors.map(odsOrganisation),
    successorIds: [odsOrganisation(successor)],
    note: "Central, North and South Manchester CCGs merged into NHS Manchester CCG.",
    valid: { from: date, to: null },
    provenance: {
      sources: [S.eccg, S.lsoa11Ccg16, S.lsoa11Ccg20],
      derivation: `ODS eccg: 00W, 01M and 01N have close_date 2017-03-31 and 14L has open_date ${date}. The ONS lookups agree: the ${before.size} LSOAs (2011) of 00W, 01M and 01N in April 2016 (CCG16CDH) are exactly the LSOAs of 14L in April 2020 (CCG20CDH).`,
    },
  };
};

/** A merger of NHS trusts that the raw files support. */
interface TrustMerger {
  readonly predecessors: ReadonlyArray<string>;
  readonly successor: string;
  readonly seed: "seed004";
  readonly words: string;
}

/**
 * The trust mergers recorded. The etr file has no successor column: a merger is recorded only
 * where predecessors close the day before the successor opens *and* a seed says they came
 * together. RW6 (closed 2021-09-30) and RM4 (closed 2012-03-31) have no trust opening the next
 * day and no seed naming a successor, so no succession is recorded for them.
 */
const trustMergers: ReadonlyArray<TrustMerger> = [
  {
    predecessors: ["RM2", "RW3"],
    successor: "R0A",
    seed: "seed004",
    words: "the coming together of Central Manchester with University Hospital South Manchester",
  },
];

/**
 * The date of the etr extract the trusts come from: "about December 2025" in the sources,
 * dated 2025-12-01 (the first of that month). A trust's name is known only as at this date
 * (or, for a closed trust, as at its last day open).
 */
export const trustFileDate: IsoDate = "2025-12-01";

/**
 * The NHS trusts, open and closed — taken in through the import planner of the etr layout,
 * as `importFile` would, so each name is dated from the file's date (a closed trust's last
 * day open) and the years before say "earlier name not recorded" — and the mergers the files
 * support.
 */
export const buildTrusts = async (
  raw: Raw,
): Promise<{ organisations: Organisation[]; successions: Succession[] }> => {
  const read: OdsOrganisationRow[] = [];
  for await (const row of readOdsOrganisations("ods-etr", raw.bytes("trusts"))) read.push(row);
  const working = new Working({ history: () => undefined, ids: () => [] });
  planOdsOrganisations(working, "ods-etr", read, {
    published: trustFileDate,
    source: S.trusts,
    fileName: rawPaths.trusts,
  });
  const organisations = working.histories.flatMap(
    (history) => history.versions as ReadonlyArray<Organisation>,
  );
  const rows = raw.csv("trusts");
  const byCode = new Map(rows.map((row) => [field(row, "ods_code"), row]));
  const successions = trustMergers.map((merger): Succession => {
    const successor = byCode.get(merger.successor);
    if (successor === undefined) throw new Error(`trust ${merger.successor} is not in etr`);
    const date = field(successor, "open_date");
    for (const code of merger.predecessors) {
      const close = byCode.get(code)?.close_date ?? "";
      if (close === "" || nextDay(close) !== date) {
        throw new Error(`trust ${code} does not close the day before ${merger.successor} opens`);
      }
    }
    const names = merger.predecessors
      .map((code) => `${code} (${byCode.get(code)?.name})`)
      .join(" and ");
    return {
      id: stableId(
        "succession",
        `merge:ods:${merger.predecessors.join("+")}>ods:${merger.successor}:${date}`,
      ),
      kind: "merge",
      predecessorIds: merger.predecessors.map(odsOrganisation),
      successorIds: [odsOrganisation(merger.successor)],
      note: `${names} merged into ${merger.successor} (${successor.name}).`,
      valid: { from: date, to: null },
      provenance: {
        sources: [S.trusts, S.seed004],
        derivation: `ODS etr: ${merger.predecessors.join(" and ")} have close_date ${previousDay(date)} and ${merger.successor} has open_date ${date} (the file has no successor column). Seed 004 names the merger: "${quoted(raw, merger.seed, merger.words)}".`,
      },
    };
  });
  return { organisations, successions };
};

/** Closed trusts with no recorded successor, for the data-quality report. */
export const trustsWithoutSuccessor = (raw: Raw): string[] => {
  const merged = new Set(trustMergers.flatMap((m) => m.predecessors));
  return raw
    .csv("trusts")
    .filter((row) => row.close_date !== "" && !merged.has(row.ods_code ?? ""))
    .map((row) => `${row.ods_code} ${row.name} (closed ${row.close_date})`)
    .sort(compare);
};

/**
 * The 10 councils (one per district, valid from the place's start) and the combined
 * authority.
 */
export const buildCouncils = (
  raw: Raw,
  districts: ReadonlyArray<District>,
  placeStart: ReadonlyMap<string, IsoDate>,
): Organisation[] => {
  const councils = districts.map((district): Organisation => {
    const placeId = placeOf(district.code);
    const from = placeStart.get(placeId);
    if (from === undefined) throw new Error(`no start date for place ${district.code}`);
    return {
      id: gssOrganisation(district.code),
      kind: "local-authority",
      name: district.name,
      codes: [{ system: "gss", value: district.code }],
      roles: [],
      placeId,
      valid: { from, to: null },
      provenance: {
        sources: [S.localAuthorities],
        derivation: `The local authority of district ${district.code}, named by the ONS district name (the raw files do not give the council's formal name). valid.from is the start of its place in this dataset (see the place); no raw file says when the council was formed.`,
      },
    };
  });
  const [first] = districts;
  if (
    first === undefined ||
    districts.some((d) => d.combinedAuthorityCode !== first.combinedAuthorityCode)
  ) {
    throw new Error("the districts do not share one combined authority");
  }
  const name = quoted(raw, "seed003", "Greater Manchester Combined Authority");
  quoted(raw, "seed002", name);
  const combined: Organisation = {
    id: gssOrganisation(first.combinedAuthorityCode),
    kind: "combined-authority",
    name,
    codes: [{ system: "gss", value: first.combinedAuthorityCode }],
    roles: [],
    valid: { from: "2016-07-18", to: null },
    provenance: {
      sources: [S.localAuthorities, S.seed003, S.seed002],
      derivation: `Code ${first.combinedAuthorityCode} (cauth_cd, "${first.combinedAuthorityName}") from the local authority file; the name as seeds 002 and 003 give it. valid.from is the earliest date the sources show it existing: seed 003, dated 18 July 2016, says "${quoted(raw, "seed003", "Greater Manchester Combined Authority recently set out plans")}". Its establishment date is not in the raw files.`,
    },
  };
  return [...councils, combined];
};
