/**
 * @module derived
 * What a national register needs that no national file gives as such, derived from the
 * codes and names of the files that do: the LSOAs (name and district from the ONS lookups),
 * the 42 ICBs as organisations (the ONS ICB names and codes), the 106 sub-ICB locations as
 * an extract in the layout of ODS's `eccg.csv` (from the LSOA → sub-ICB location lookup),
 * and the GP practices as an extract in the layout of ODS's `epraccur.csv` (from the ePCN
 * workbook's core partners). Nothing here is made up: every code and name is a file's; the
 * dates each derivation needs are said in its source's note.
 */
import { readFileSync } from "node:fs";
import {
  emptySnapshot,
  type Lsoa,
  type Organisation,
  type Snapshot,
  type Source,
  stableId,
} from "@care-atlas/domain";
import type { EpcnWorkbook } from "@care-atlas/imports";
import { parse } from "csv-parse/sync";
import { fileDates, nationalFiles } from "./files.js";

/** One LSOA of England with its commissioner (April 2024) and ward (2024). */
export interface NationalLsoa {
  readonly code: string;
  readonly name: string;
  readonly subIcb: { readonly ods: string; readonly ons: string; readonly name: string };
  readonly icb: { readonly ods: string; readonly ons: string; readonly name: string };
  readonly ward: { readonly code: string; readonly name: string } | null;
  readonly districtCode: string | null;
}

const rowsOf = (path: string): Record<string, string>[] =>
  parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];

/** Every LSOA of England, from the two national lookups, in LSOA code order. */
export const readNationalLsoas = (): NationalLsoa[] => {
  const wards = new Map<string, Record<string, string>>();
  for (const row of rowsOf(nationalFiles.wardLookup)) wards.set(row.lsoa21_code ?? "", row);
  return rowsOf(nationalFiles.commissionerLookup)
    .map((row): NationalLsoa => {
      const code = row.lsoa21_code ?? "";
      const ward = wards.get(code);
      return {
        code,
        name: row.lsoa21_name ?? "",
        subIcb: {
          ods: row.sicbl24_code_nhs ?? "",
          ons: row.sicbl24_code ?? "",
          name: row.sicbl24_name ?? "",
        },
        icb: {
          ods: row.icb24_code_nhs ?? "",
          ons: row.icb24_code ?? "",
          name: row.icb24_name ?? "",
        },
        ward:
          ward === undefined
            ? null
            : { code: ward.ward24_code ?? "", name: ward.ward24_name ?? "" },
        districtCode: ward?.ltla24_code ?? null,
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
};

/** The day the ICBs and their sub-ICB locations took over from the CCGs. */
export const icbStart = "2022-07-01";

/** The sources of what this module derives. */
export const derivedSources = {
  lsoas: {
    key: "national-lsoas-2024",
    publisher: "Office for National Statistics",
    dataset:
      "LSOAs (2021) of England: names from the LSOA (2021) to sub-ICB location to ICB lookup (April 2024), districts and wards from the LSOA (2021) to ward 2024 lookup",
    licence: "OGL-UK-3.0",
    dataDate: fileDates.commissionerLookup,
    attribution:
      "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains National Statistics data © Crown copyright and database right 2024.",
    note: "Derived for the national benchmark register: one record per LSOA of the lookup, its name, its local authority and its best-fit ward as the lookups give them. The lookups give no MSOA or centroid.",
  },
  icbs: {
    key: "national-icbs-2024",
    publisher: "Office for National Statistics",
    dataset: "ICB names and codes in England (December 2024)",
    licence: "OGL-UK-3.0",
    dataDate: fileDates.icbNames,
    attribution:
      "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains National Statistics data © Crown copyright and database right 2024.",
    note: "Derived for the national benchmark register: one organisation per ICB, with its ONS and ODS codes and name, from the ICBs' establishment on 1 July 2022.",
  },
  subIcbs: {
    key: "national-sub-icb-locations-2024",
    publisher: "Office for National Statistics",
    dataset:
      "Sub-ICB locations of England, as an extract in ODS eccg.csv layout, derived from the LSOA (2021) to sub-ICB location to ICB lookup (April 2024)",
    licence: "OGL-UK-3.0",
    dataDate: fileDates.commissionerLookup,
    attribution:
      "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains National Statistics data © Crown copyright and database right 2024.",
    note: "Derived for the national benchmark register: the lookup's 106 sub-ICB locations (ODS code, name, ICB); open from the day ODS's successor organisations file says the code began when it names the code as a successor (a CCG formed by a merger, e.g. X2C4Y on 2021-04-01), otherwise from 1 July 2022, when the ICB geography began (the first lookup to name them is of that date; the CCG a code was before is not in these files). The lookup gives no address, so no postcode.",
  },
  practices: {
    key: "national-practices-epcn-2024",
    publisher: "NHS England",
    dataset:
      "GP practices of England, as an extract in ODS epraccur.csv layout, derived from the ePCN workbook's core partners (about October 2024)",
    licence: "OGL-UK-3.0",
    dataDate: fileDates.epcn,
    attribution:
      "Contains public sector information from NHS England licensed under the Open Government Licence v3.0.",
    note: "Derived for the national benchmark register: each core partner with a GP practice code (a letter and 5 digits), its name and parent sub-ICB location as ePCN gives them; open from the start of its first PCN membership in the workbook (ODS's own open date is not in these files). No address, so no postcode.",
  },
} as const satisfies Record<string, Source>;

/** The LSOAs as the register's records. */
export const lsoaRecords = (lsoas: ReadonlyArray<NationalLsoa>): Lsoa[] =>
  lsoas.flatMap((lsoa): Lsoa[] =>
    lsoa.districtCode === null || !/^E0[6789]\d{6}$/.test(lsoa.districtCode)
      ? []
      : [
          {
            code: lsoa.code,
            name: lsoa.name,
            districtCode: lsoa.districtCode,
            ...(lsoa.ward === null ? {} : { ward: lsoa.ward }),
          },
        ],
  );

/**
 * The 42 ICBs as organisations, from the ONS ICB names and codes, from 1 July 2022. When
 * ODS's successions name an ICB's ODS code as a successor before then (a code ODS used
 * before the ICB, e.g. QHM from 2018-04-01), the organisation holds the code from that day
 * in a first version whose name is not recorded, as the ODS importer does for a name a
 * file gives only as of its date.
 */
export const icbOrganisations = (
  since: ReadonlyMap<string, string> = successorSince(),
): Organisation[] =>
  rowsOf(nationalFiles.icbNames)
    .map((row) => ({ ons: row.ICB24CD ?? "", ods: row.ICB24CDH ?? "", name: row.ICB24NM ?? "" }))
    .sort((a, b) => (a.ods < b.ods ? -1 : 1))
    .flatMap((icb) => {
      const began = since.get(icb.ods);
      const from = began !== undefined && began < icbStart ? began : icbStart;
      const base = {
        id: stableId("organisation", `ods:${icb.ods}`),
        kind: "icb" as const,
        codes: [
          { system: "ods" as const, value: icb.ods },
          { system: "gss" as const, value: icb.ons },
        ],
        roles: [{ role: "commissioner" as const, period: { from: icbStart, to: null } }],
      };
      const versions: Organisation[] = [];
      if (from < icbStart) {
        versions.push({
          ...base,
          name: `${icb.ods} (earlier name not recorded)`,
          valid: { from, to: icbStart },
          provenance: {
            sources: [derivedSources.icbs.key],
            derivation: `ODS's successor organisations file names ${icb.ods} as a successor from ${from}; what the code named before the ICB was established on ${icbStart} is not in these sources.`,
          },
        });
      }
      versions.push({
        ...base,
        name: icb.name,
        valid: { from: icbStart, to: null },
        provenance: {
          sources: [derivedSources.icbs.key],
          derivation: `Name and codes from the ONS ICB names and codes (December 2024); from ${icbStart}, the day the ICBs were established.`,
        },
      });
      return versions;
    });

/** The snapshot loaded first: the LSOAs, the ICBs and every source the build cites. */
export const nationalSnapshot = (
  lsoas: ReadonlyArray<NationalLsoa>,
  extra: ReadonlyArray<Source>,
): Snapshot => ({
  ...emptySnapshot(),
  organisations: icbOrganisations(),
  lsoas: lsoaRecords(lsoas),
  sources: [...Object.values(derivedSources), ...extra].sort((a, b) => (a.key < b.key ? -1 : 1)),
});

const csvField = (value: string): string =>
  /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const csvOf = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) =>
  `${[header, ...rows].map((row) => row.map(csvField).join(",")).join("\n")}\n`;

/**
 * The first day of each code ODS's successions name as a successor: the day a CCG formed
 * by a merger began (`03A` and `03J` → `X2C4Y`, 2021-04-01).
 */
export const successorSince = (): Map<string, string> => {
  const since = new Map<string, string>();
  for (const row of rowsOf(nationalFiles.successions)) {
    const code = row.new_code ?? "";
    const date = row.date ?? "";
    const held = since.get(code);
    if (held === undefined || date < held) since.set(code, date);
  }
  return since;
};

/**
 * The sub-ICB locations of the lookup as a headered extract of ODS's eccg.csv: open from
 * the day ODS's successions say the code began, when they name it as a successor, and
 * from 1 July 2022 otherwise.
 */
export const subIcbExtract = (
  lsoas: ReadonlyArray<NationalLsoa>,
  since: ReadonlyMap<string, string> = successorSince(),
): string => {
  const seen = new Map<string, NationalLsoa["subIcb"] & { icb: string }>();
  for (const lsoa of lsoas) seen.set(lsoa.subIcb.ods, { ...lsoa.subIcb, icb: lsoa.icb.ods });
  const openOf = (code: string) => {
    const began = since.get(code);
    return began !== undefined && began < icbStart ? began : icbStart;
  };
  const rows = [...seen.values()]
    .sort((a, b) => (a.ods < b.ods ? -1 : 1))
    .map((s) => [s.ods, s.name, s.icb, "", openOf(s.ods), ""]);
  return csvOf(
    ["ods_code", "name", "high_level_health_geography", "postcode", "open_date", "close_date"],
    rows,
  );
};

/** The GP practices among ePCN's core partners as a headered extract of ODS's epraccur.csv. */
export const practiceExtract = (workbook: EpcnWorkbook): string => {
  const practices = new Map<string, { name: string; subIcb: string; from: string }>();
  for (const member of workbook.members) {
    if (!/^[A-Z]\d{5}$/.test(member.practiceCode)) continue;
    const subIcb = member.practiceSubIcbCode ?? member.pcnSubIcbCode ?? "";
    const held = practices.get(member.practiceCode);
    if (held === undefined || member.startDate < held.from) {
      practices.set(member.practiceCode, {
        name: member.practiceName,
        subIcb: held?.subIcb || subIcb,
        from: member.startDate,
      });
    }
  }
  const rows = [...practices]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, p]) => [code, p.name, "", p.from, "", "A", p.subIcb, "4"]);
  return csvOf(
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
    rows,
  );
};
