/**
 * @module files
 * The national files the register is built from, as the data package holds them (copies of
 * the published files, each with its source in the data package's SOURCES.md), and where
 * the build writes what it generates.
 */
import { fileURLToPath } from "node:url";

const raw = (path: string): string =>
  fileURLToPath(new URL(`../../data/raw/${path}`, import.meta.url));

/** The published national files, by what they are. */
export const nationalFiles = {
  /** ONS LSOA (2021) → sub-ICB location → ICB → LAD, April 2024: every LSOA in England. */
  commissionerLookup: raw("geography/lsoa21_sicbl24_icb24_england_2024-04.csv"),
  /** ONS LSOA (2021) → ward 2024 (best fit) → local authority 2024, England and Wales. */
  wardLookup: raw("geography/lsoa21_ward24_ltla24_england_wales_2024.csv"),
  /** ONS ICB names and codes, December 2024: the 42 ICBs. */
  icbNames: raw("nhs_organisations/icb_names_codes_dec2024.csv"),
  /** ODS ePCN workbook, about October 2024: every PCN and its core partners. */
  epcn: raw("gp_practices/epcn_2024-10.xlsx"),
  /** ODS successor organisations (succ.csv and succarc.csv), September 2022. */
  successions: raw("nhs_organisations/ods_successions_england_2022-09.csv"),
} as const;

/** The data dates of the files above, as their sources give them. */
export const fileDates = {
  commissionerLookup: "2024-04-01",
  wardLookup: "2024-05-01",
  icbNames: "2024-12-01",
  epcn: "2024-10-25",
  successions: "2022-09-26",
} as const;

/** Where the build writes its generated files and its report (gitignored). */
export const defaultOutDir = fileURLToPath(new URL("../out/", import.meta.url));
