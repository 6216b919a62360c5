/**
 * @module sourceCatalogue
 * What each source of the dataset is: the key every record's provenance cites, and for each
 * raw open-data file and each seed document its publisher, dataset, data date, attribution
 * kinds and the repositories its copy came from, as `SOURCES.md` describes them.
 */
import type { RawFile } from "./raw.js";

/** The source keys, by the raw file or seed they name. */
export const sourceKeys = {
  localAuthorities: "ons-gm-local-authorities-2022",
  lsoaLookup: "ons-gm-lsoa21-lookup",
  lsoaWardBestFit: "ons-gm-lsoa21-ward22-best-fit",
  lsoa11Ccg16: "ons-gm-lsoa11-ccg16-lad16",
  lsoa11Ccg20: "ons-gm-lsoa11-ccg20-lad20",
  lsoa11Sicbl22: "ons-lsoa11-sicbl22-icb22-ltla22-2022-07",
  lsoa21Sicbl24: "ons-lsoa21-sicbl24-icb24-2024-04",
  lsoa21Ward24: "ons-lsoa21-ward24-ltla24-2024",
  censusLsoa: "ons-census-2021-gm-lsoa21",
  censusLad: "ons-census-2021-gm-lad-by-sex",
  icbNames: "ons-icb-names-codes-2024-12",
  trusts: "ods-etr-gm",
  successors: "ods-successors-england-2022-09",
  eccg: "ods-eccg-gm",
  ccgCodes: "gm-ccg-sub-icb-codes-joined",
  practices: "ods-epraccur-gm",
  pcns: "ods-epcn-2023-01-pcns",
  pcnCorePartners: "ods-epcn-2023-01-core-partners",
  epcn2024: "ods-epcn-2024-10",
  listSizes: "nhsd-gp-registered-patients-2021-01",
  traffordPostcodes: "onspd-trafford-postcodes-2025-02",
  traffordLocalityWards: "tdl-trafford-localities-wards-2023",
  traffordLocalityBoundaries: "tdl-trafford-localities-2023-boundaries",
  ladBoundaries: "ons-gm-lad-dec2023-bsc",
  lsoaBoundaries: "ons-gm-lsoa21-bsc",
  ladBoundariesGeneralised: "ons-gm-lad-dec2023-bgc",
  lsoaBoundariesGeneralised: "ons-gm-lsoa21-bgc",
  seed000: "seed-000-gm-stakeholder-narrative-2022-04-08",
  seed001: "seed-001-gmicp-strategic-context",
  seed002: "seed-002-integrated-care-in-action-week",
  seed003: "seed-003-manchester-joint-commissioning-2016-07-18",
  seed004: "seed-004-our-healthier-manchester",
} as const satisfies Partial<Record<RawFile, string>>;

/** A file in a repository that `SOURCES.md` names by its key (`TDL-S`, `NS`, …). */
export interface Origin {
  readonly repo: string;
  /** Path in that repository, where `SOURCES.md` gives one. */
  readonly path?: string;
  readonly what?: string;
}

/** The attribution lines of `SOURCES.md` a source needs. */
export type Attribution = "ons" | "nhs" | "os";

/** One source as the catalogue describes it. */
export interface SourceSpec {
  readonly file: keyof typeof sourceKeys;
  readonly publisher: string;
  readonly dataset: string;
  readonly dataDate: string | null;
  /** The year for "[year]" in the Crown copyright lines (the year of the data). */
  readonly year?: number;
  readonly attribution: ReadonlyArray<Attribution>;
  readonly origins: ReadonlyArray<Origin>;
  readonly note?: string;
}

const ONS = "Office for National Statistics";
const ODS = "NHS England (Organisation Data Service)";
/** The licence of the seed documents. */
export const seedLicence = "Quoted facts from a published text (© its publisher); not OGL";

/** The open-data files, as `SOURCES.md` describes them. */
export const openDataSources: ReadonlyArray<SourceSpec> = [
  {
    file: "localAuthorities",
    publisher: ONS,
    dataset:
      "The 10 Greater Manchester local authority districts (LAD 2022 codes) with combined authority and region codes",
    dataDate: null,
    year: 2022,
    attribution: ["ons"],
    origins: [
      { repo: "TDL-S", path: "lookups/2021/statistical_lookup.csv", what: "names and codes" },
      { repo: "DK", path: "la_all_codes.csv", what: "CAUTH and region codes" },
    ],
    note: "LAD 2022 codes. Counts of OAs, LSOAs and MSOAs computed from the OA lookup.",
  },
  {
    file: "lsoaLookup",
    publisher: ONS,
    dataset:
      "Greater Manchester LSOA 2021 lookup: name, MSOA 2021 code and name, House of Commons Library MSOA name, LAD 2022 and LSOA centroid",
    dataDate: null,
    year: 2021,
    attribution: ["ons"],
    origins: [
      { repo: "TDL-S", path: "lookups/2021/statistical_lookup.csv", what: "LSOA, MSOA and LAD" },
      { repo: "DK", path: "msoa_la.csv", what: "House of Commons Library MSOA names (MSOAHCLNM)" },
      { repo: "DK", path: "lsoa_latlong.csv", what: "LSOA centroids" },
    ],
    note: "2021 geography (ONS OA to LSOA to MSOA to LAD, December 2021).",
  },
  {
    file: "lsoaWardBestFit",
    publisher: ONS,
    dataset: "LSOA 2021 to ward (2022) best-fit lookup, Greater Manchester",
    dataDate: "2022-05-01",
    year: 2022,
    attribution: ["ons"],
    origins: [{ repo: "TDL-S", path: "lookups/2021/lsoa_to_ward_best-fit_lookup.csv" }],
    note: "Wards of May 2022 (the collection's ward file of the same wards is ONS's Ward (May 2022) to LAD). Dated 2022-05-01: the sources give the month, not the day.",
  },
  {
    file: "lsoa11Ccg16",
    publisher: ONS,
    dataset: "LSOA (2011) to CCG to LAD (April 2016) lookup in England, the 10 GM CCG areas",
    dataDate: "2016-04-01",
    year: 2016,
    attribution: ["ons"],
    origins: [{ repo: "JT", path: "csv/211.csv" }],
    note: "April 2016: still has Central, North and South Manchester CCGs (00W/01M/01N). Dated 2016-04-01, the start of the NHS year the lookup names (the sources give the month, not the day).",
  },
  {
    file: "lsoa11Ccg20",
    publisher: ONS,
    dataset: "LSOA (2011) to CCG to LAD (April 2020) lookup in England, the 10 GM CCG areas",
    dataDate: "2020-04-01",
    year: 2020,
    attribution: ["ons"],
    origins: [{ repo: "JT", path: "csv/219.csv" }],
    note: "Includes 21 High Peak (Glossop) LSOAs of Tameside and Glossop CCG 01Y.",
  },
  {
    file: "lsoa11Sicbl22",
    publisher: ONS,
    dataset:
      "LSOA (2011) to sub-ICB location to ICB to LAD (July 2022) lookup in England, all England",
    dataDate: "2022-07-01",
    year: 2022,
    attribution: ["ons"],
    origins: [
      {
        repo: "GR",
        path: "data/lookup_lsoa11_sicbl22_icb22_ltla22.rda",
        what: "converted to CSV, every row and column",
      },
    ],
    note: "The first ICB geography, 1 July 2022. It puts the 21 High Peak (Glossop) LSOAs of the former Tameside and Glossop CCG in NHS Derby and Derbyshire ICB - 15M (E38000261), ICB QJ2.",
  },
  {
    file: "lsoa21Sicbl24",
    publisher: ONS,
    dataset:
      "LSOA (2021) to sub-ICB location to ICB to LAD (April 2024) lookup in England, all England",
    dataDate: "2024-04-01",
    year: 2024,
    attribution: ["ons"],
    origins: [
      {
        repo: "GR",
        path: "data/lookup_lsoa21_icb24.rda",
        what: "converted to CSV, every row and column",
      },
    ],
    note: "April 2024: every LSOA 2021 in England, with the sub-ICB location's ONS and ODS codes and the ICB's. Dated 2024-04-01 (the sources give the month, not the day).",
  },
  {
    file: "lsoa21Ward24",
    publisher: ONS,
    dataset:
      "LSOA (2021) to electoral ward (2024) to LAD (2024) best-fit lookup, England and Wales",
    dataDate: "2024-05-01",
    year: 2024,
    attribution: ["ons"],
    origins: [
      {
        repo: "GR",
        path: "data/lookup_lsoa21_ward24_ltla24.rda",
        what: "converted to CSV, every row and column",
      },
    ],
    note: "Wards of 2024 (WD24). The sources give the year only; dated 2024-05-01, the month in which wards change at the local elections, like the May 2022 wards of the 2022 lookup.",
  },
  {
    file: "censusLsoa",
    publisher: ONS,
    dataset:
      "Census 2021 usual residents per LSOA 2021 (total and 6 age bands), Greater Manchester",
    dataDate: "2021-03-21",
    year: 2021,
    attribution: ["ons"],
    origins: [
      {
        repo: "CT",
        path: "data/census21_pop.rda",
        what: "ONS 'create a custom dataset', LSOA × age (6 categories)",
      },
    ],
    note: "The custom dataset tool perturbs small cells: LSOA totals sum to 2,867,771 across GM, the district file gives 2,867,765.",
  },
  {
    file: "censusLad",
    publisher: ONS,
    dataset: "Census 2021 population by sex, Greater Manchester districts",
    dataDate: "2021-03-21",
    year: 2021,
    attribution: ["ons"],
    origins: [{ repo: "TDL-O", path: "census2021/population/2021_population_by_sex_la_gm.csv" }],
  },
  {
    file: "icbNames",
    publisher: ONS,
    dataset: "Integrated Care Boards (December 2024) names and codes in England",
    dataDate: null,
    year: 2024,
    attribution: ["ons"],
    origins: [{ repo: "NS", path: "data/icb_names_codes_dec_2024.csv" }],
    note: "December 2024.",
  },
  {
    file: "trusts",
    publisher: ODS,
    dataset:
      "ODS NHS trusts (etr.csv): trusts whose high level health geography is QOP, open and closed",
    dataDate: null,
    attribution: ["nhs"],
    origins: [{ repo: "NS", path: "data/etr.csv" }],
    note: "ODS extract of about December 2025. Columns 1–12 and 18 of etr.csv, headers added. Close dates are the last day open.",
  },
  {
    file: "successors",
    publisher: ODS,
    dataset:
      "ODS Successor Organisations and Archived Successor Organisations (succ.csv, succarc.csv), all England: old code, new code, effective date",
    dataDate: "2022-09-26",
    attribution: ["nhs"],
    origins: [
      {
        repo: "GR",
        path: "data/lookup_trust_trust.rda",
        what: "columns 1, 2 and 4 of ODS's layout",
      },
    ],
    note: "Files dated 26 September 2022, downloaded 2022-10-13. 25,480 rows. ODS lists no CCG → ICB rows.",
  },
  {
    file: "eccg",
    publisher: ODS,
    dataset: "ODS CCGs and sub-ICB locations (eccg.csv): rows with geography QOP",
    dataDate: null,
    attribution: ["nhs"],
    origins: [{ repo: "NS", path: "data/eccg.csv" }],
    note: "ODS extract of about December 2025: the 10 sub-ICB locations, the closed CCGs 00W/01M/01N and commissioning hub 14J. Close dates are the last day open.",
  },
  {
    file: "ccgCodes",
    publisher: `${ODS} and ${ONS}`,
    dataset:
      "GM CCG and sub-ICB location codes (joined): ODS code, name and dates; ONS E38 codes and names for CCGs 2016, 2017 and 2020; LSOA 2011 counts per district; post-July-2022 sub-ICB location ONS code",
    dataDate: null,
    year: 2020,
    attribution: ["nhs", "ons"],
    origins: [
      { repo: "NS", path: "data/eccg.csv", what: "ODS codes, names and dates" },
      { repo: "JT", path: "csv/270.csv", what: "ONS CCG names and codes, April 2017" },
      { repo: "JT", path: "csv/245.csv", what: "ONS CCG names and codes, April 2020" },
      { repo: "JT", path: "csv/211.csv", what: "CCG 2016 codes" },
    ],
    note: "Joined file. Its sicbl22_ons_code column comes from secondary sources only (see its sicbl22_ons_code_source column): not verified against the ONS sub-ICB location file.",
  },
  {
    file: "practices",
    publisher: ODS,
    dataset:
      "ODS GP practices and prescribing cost centres (epraccur.csv): geography QOP or a GM sub-ICB commissioner, all statuses",
    dataDate: null,
    attribution: ["nhs"],
    origins: [{ repo: "UKF", path: "data/epraccur.csv" }],
    note: "About September–November 2025; the latest open date in the file is 2025-09-01. status_code A active, C closed, D dormant; prescribing_setting 4 = GP practice. Close dates are the last day open.",
  },
  {
    file: "pcns",
    publisher: ODS,
    dataset: "ODS ePCN: primary care networks (sheet PCNDetails), GM sub-ICB locations",
    dataDate: null,
    attribution: ["nhs"],
    origins: [{ repo: "BW", path: "data/ePCN.xlsx", what: "sheet PCNDetails" }],
    note: "About January 2023 (latest date in the file 2023-01-09). Close dates are the last day open.",
  },
  {
    file: "pcnCorePartners",
    publisher: ODS,
    dataset:
      "ODS ePCN: PCN core partner details (practice to PCN membership with start and end dates), GM",
    dataDate: null,
    attribution: ["nhs"],
    origins: [{ repo: "BW", path: "data/ePCN.xlsx", what: "sheet 'PCN Core Partner Details'" }],
    note: "About January 2023. End dates are the last day of membership.",
  },
  {
    file: "epcn2024",
    publisher: ODS,
    dataset:
      "ODS ePCN.xlsx, all England: sheets PCNDetails (1,366 PCNs) and PCN Core Partner Details (7,705 memberships)",
    dataDate: "2024-10-25",
    attribution: ["nhs"],
    origins: [{ repo: "ER", path: "data/ePCN.xlsx" }],
    note: "The workbook says it was created 2024-10-25 (its data date here) and re-saved 2025-01-20 by the copying repository's author; its content was not checked against an ODS original. Close and end dates are the last day.",
  },
  {
    file: "listSizes",
    publisher: "NHS Digital",
    dataset: "Patients Registered at a GP Practice, January 2021 (all ages, all sexes), GM CCGs",
    dataDate: "2021-01-01",
    attribution: ["nhs"],
    origins: [{ repo: "PE", path: "gp-reg-pat-prac-all.csv" }],
    note: "Publication GP_PRAC_PAT_LIST, extract 01 January 2021.",
  },
  {
    file: "traffordPostcodes",
    publisher: `${ONS} (ONS Postcode Directory), with Trafford Council's localities, via Trafford Data Lab`,
    dataset:
      "Trafford postcodes: ward, MSOA (with HCL name), LSOA 2021, Trafford locality, district and centroid",
    dataDate: "2025-02-13",
    year: 2025,
    attribution: ["ons"],
    origins: [
      { repo: "TDL-S", path: "postcodes/trafford_postcodes.csv" },
      { repo: "TDL-S", path: "postcodes/postcode_files_metadata.csv", what: "column descriptions" },
    ],
    note: "Trafford only, from the ONS Postcode Directory of February 2025.",
  },
  {
    file: "traffordLocalityWards",
    publisher: "Trafford Council (localities), via Trafford Data Lab",
    dataset:
      "Trafford Council's 4 localities (Central, North, South, West) and their May 2023 wards",
    dataDate: null,
    year: 2023,
    attribution: ["ons"],
    origins: [
      {
        repo: "TDL-S",
        path: "postcodes/trafford_postcodes.csv",
        what: "distinct (locality, ward) pairs",
      },
      { repo: "TDL-S", path: "council_defined/2023/README.md", what: "the same grouping" },
    ],
  },
  {
    file: "traffordLocalityBoundaries",
    publisher: "Trafford Council (localities), via Trafford Data Lab",
    dataset: "Boundaries of Trafford's 4 localities (generalised resolution)",
    dataDate: null,
    year: 2023,
    attribution: ["os"],
    origins: [
      {
        repo: "TDL-S",
        path: "council_defined/2023/trafford_localities_generalised_resolution.geojson",
      },
    ],
  },
  {
    file: "ladBoundaries",
    publisher: ONS,
    dataset:
      "Local Authority Districts (December 2023) boundaries, super generalised (BSC), Greater Manchester",
    dataDate: null,
    year: 2023,
    attribution: ["ons", "os"],
    origins: [{ repo: "TDL-S", what: "made from ONS Open Geography Portal files" }],
  },
  {
    file: "lsoaBoundaries",
    publisher: ONS,
    dataset: "LSOA (December 2021) boundaries, super generalised (BSC), Greater Manchester",
    dataDate: null,
    year: 2021,
    attribution: ["ons", "os"],
    origins: [{ repo: "TDL-S", what: "made from ONS Open Geography Portal files" }],
  },
  {
    file: "ladBoundariesGeneralised",
    publisher: ONS,
    dataset:
      "Local Authority Districts (December 2023) boundaries, generalised (BGC), Greater Manchester",
    dataDate: null,
    year: 2023,
    attribution: ["ons", "os"],
    origins: [{ repo: "TDL-S", what: "made from ONS Open Geography Portal files" }],
  },
  {
    file: "lsoaBoundariesGeneralised",
    publisher: ONS,
    dataset: "LSOA (December 2021) boundaries, generalised (BGC), Greater Manchester",
    dataDate: null,
    year: 2021,
    attribution: ["ons", "os"],
    origins: [{ repo: "TDL-S", what: "made from ONS Open Geography Portal files" }],
  },
];

/** The seed documents: who published them, as far as each text says. */
export const seedSources: ReadonlyArray<Omit<SourceSpec, "attribution" | "origins" | "year">> = [
  {
    file: "seed000",
    publisher:
      "Not named in the text; written for Greater Manchester's health and care partnership ('our Greater Manchester system')",
    dataset: "High level Stakeholder narrative – Friday 8 April 2022",
    dataDate: "2022-04-08",
  },
  {
    file: "seed001",
    publisher:
      "Not named in the text; written for Greater Manchester Integrated Care Partnership (GMICP), whose elements include 'the PCB'",
    dataset:
      "Our strategic context (GMICP: Health and Care Bill aims, GM Strategy themes, vision, shared outcomes and commitments)",
    dataDate: null,
    note: "Undated; says GMICP's strategy 'is due to be published early 2023'.",
  },
  {
    file: "seed002",
    publisher:
      "Not named in the text; a post in the voice of Greater Manchester's devolved health and social care partnership, for Integrated Care in Action Week",
    dataset: "Integrated Care in Action Week post: neighbourhood teams and the skills they draw on",
    dataDate: null,
  },
  {
    file: "seed003",
    publisher: "PSE (the text's own name for its publication: 'become a PSE columnist')",
    dataset: "Manchester close to 'formal integration' of joint commissioning (18.07.16)",
    dataDate: "2016-07-18",
  },
  {
    file: "seed004",
    publisher: "Not named in the text (a blog post, 'Our Healthier Manchester')",
    dataset: "Our Healthier Manchester",
    dataDate: null,
  },
];
