/**
 * @module lsoaLookups
 * ONS's LSOA lookups, in ONS's column names (`LSOA21CD`, `SICBL24CDH`, `WD24CD`, …) or the
 * snake-case names of copies made from them (`lsoa21_code`, `sicbl24_code_nhs`,
 * `ward24_code`, …):
 * - LSOA → commissioner: LSOA (2011) → CCG → LAD (April 2016, April 2020), LSOA (2011) →
 *   sub-ICB location → ICB → LAD (July 2022), LSOA (2021) → sub-ICB location → ICB (April
 *   2024). The commissioner columns are `CCGnnCD` (ONS) and `CCGnnCDH` (ODS), or
 *   `SICBLnnCD` / `SICBLnnCDH`; the ICB's `ICBnnCD` / `ICBnnCDH`.
 * - LSOA → ward (best fit): LSOA (2021) → ward (May 2022, 2024) → LAD.
 * The year in the column names is the lookup's vintage.
 */
import type { FileBytes } from "../FileInput.js";
import { columnKey, csvLines } from "../internal/table.js";
import { LayoutError } from "../LayoutError.js";

/** An area code and name. */
export interface CodedArea {
  readonly code: string;
  readonly name: string | null;
}

/** A commissioner in a lookup: its ONS (E38) code, ODS code and name. */
export interface LookupCommissioner {
  readonly gss: string | null;
  readonly ods: string;
  readonly name: string | null;
}

/** One row of an LSOA → commissioner lookup. */
export interface LsoaCommissionerRow {
  readonly kind: "commissioner";
  readonly line: number;
  readonly lsoa: CodedArea;
  /** The LSOA geography: 2011 or 2021. */
  readonly lsoaVintage: 2011 | 2021;
  /** `ccg` (2016–2021 lookups) or `sub-icb-location` (from 2022). */
  readonly commissionerKind: "ccg" | "sub-icb-location";
  readonly commissioner: LookupCommissioner;
  readonly icb: LookupCommissioner | null;
  readonly district: CodedArea | null;
}

/** One row of an LSOA → ward lookup. */
export interface LsoaWardRow {
  readonly kind: "ward";
  readonly line: number;
  readonly lsoa: CodedArea;
  readonly lsoaVintage: 2011 | 2021;
  readonly ward: CodedArea;
  readonly district: CodedArea | null;
}

/** A row of any LSOA lookup. */
export type LsoaLookupRow = LsoaCommissionerRow | LsoaWardRow;

/** What a header says the file is. */
export interface LsoaLookupHeader {
  readonly kind: "commissioner" | "ward";
  /** The year of the commissioner or ward geography, e.g. 2024. */
  readonly vintage: number;
  readonly lsoaVintage: 2011 | 2021;
}

const layout = "ons-lsoa-lookup";
const what =
  "an ONS LSOA lookup (LSOA → CCG / sub-ICB location → ICB, or LSOA → ward; e.g. LSOA21CD, SICBL24CDH, ICB24CDH or LSOA21CD, WD24CD)";

type Slot =
  | "lsoaCode"
  | "lsoaName"
  | "commissionerGss"
  | "commissionerOds"
  | "commissionerName"
  | "icbGss"
  | "icbOds"
  | "icbName"
  | "wardCode"
  | "wardName"
  | "districtCode"
  | "districtName";

const slotPatterns: Record<Slot, RegExp> = {
  lsoaCode: /^lsoa(11|21)(cd|code)$/,
  lsoaName: /^lsoa(11|21)(nm|name)$/,
  commissionerGss: /^(ccg|sicbl)(\d\d)(cd|code)$/,
  commissionerOds: /^(ccg|sicbl)(\d\d)(cdh|codeh|codenhs)$/,
  commissionerName: /^(ccg|sicbl)(\d\d)(nm|name)$/,
  icbGss: /^icb(\d\d)(cd|code)$/,
  icbOds: /^icb(\d\d)(cdh|codeh|codenhs)$/,
  icbName: /^icb(\d\d)(nm|name)$/,
  wardCode: /^(wd|ward)(\d\d)(cd|code)$/,
  wardName: /^(wd|ward)(\d\d)(nm|name)$/,
  districtCode: /^(lad|ltla)(\d\d)(cd|code)$/,
  districtName: /^(lad|ltla)(\d\d)(nm|name)$/,
};

/** Reads a header: which lookup it is and where each column is. */
export const lsoaLookupHeader = (
  fields: ReadonlyArray<string>,
): { header: LsoaLookupHeader; at: Partial<Record<Slot, number>> } => {
  const keys = fields.map(columnKey);
  const at: Partial<Record<Slot, number>> = {};
  const years: Partial<Record<Slot, string>> = {};
  for (const slot of Object.keys(slotPatterns) as Slot[]) {
    const index = keys.findIndex((key) => slotPatterns[slot].test(key));
    if (index >= 0) {
      at[slot] = index;
      const match = slotPatterns[slot].exec(keys[index] as string);
      const year = match?.slice(1).find((part) => /^\d\d$/.test(part));
      if (year !== undefined) years[slot] = year;
    }
  }
  const missing: string[] = [];
  if (at.lsoaCode === undefined) missing.push("LSOA21CD (or LSOA11CD)");
  const isCommissioner = at.commissionerOds !== undefined;
  const isWard = at.wardCode !== undefined;
  if (!isCommissioner && !isWard) missing.push("SICBLnnCDH / CCGnnCDH, or WDnnCD");
  if (missing.length > 0) {
    throw new LayoutError(layout, `not ${what}: the header lacks ${missing.join(" and ")}`, {
      missing,
    });
  }
  const year = Number(`20${isCommissioner ? years.commissionerOds : years.wardCode}`);
  return {
    header: {
      kind: isCommissioner ? "commissioner" : "ward",
      vintage: year,
      lsoaVintage: years.lsoaCode === "11" ? 2011 : 2021,
    },
    at,
  };
};

/**
 * Reads an LSOA lookup row by row; `onHeader` hears which lookup it is. Throws a
 * {@link LayoutError} for a header that is neither kind, or a row without an LSOA code.
 *
 * @example
 * ```ts
 * import { readLsoaLookup } from "@care-atlas/imports";
 * for await (const row of readLsoaLookup("LSOA21CD,LSOA21NM,WD24CD,WD24NM\nE01999001,Synthetic 001A,E05999001,Synthetic Ward\n")) row.kind; // "ward"
 * ```
 */
export async function* readLsoaLookup(
  bytes: FileBytes,
  onHeader?: (header: LsoaLookupHeader) => void,
): AsyncGenerator<LsoaLookupRow> {
  let read: ReturnType<typeof lsoaLookupHeader> | undefined;
  for await (const line of csvLines(bytes)) {
    if (read === undefined) {
      read = lsoaLookupHeader(line.fields);
      onHeader?.(read.header);
      continue;
    }
    const { header, at } = read;
    const get = (slot: Slot): string => {
      const index = at[slot];
      return index === undefined ? "" : (line.fields[index] ?? "").trim();
    };
    const orNull = (text: string) => (text === "" ? null : text);
    const lsoaCode = get("lsoaCode").toUpperCase();
    if (lsoaCode === "") {
      throw new LayoutError(layout, `line ${line.line}: no LSOA code`, { line: line.line });
    }
    const lsoa = { code: lsoaCode, name: orNull(get("lsoaName")) };
    const districtCode = get("districtCode").toUpperCase();
    const district =
      districtCode === "" ? null : { code: districtCode, name: orNull(get("districtName")) };
    if (header.kind === "ward") {
      yield {
        kind: "ward",
        line: line.line,
        lsoa,
        lsoaVintage: header.lsoaVintage,
        ward: { code: get("wardCode").toUpperCase(), name: orNull(get("wardName")) },
        district,
      };
      continue;
    }
    const icbOds = get("icbOds").toUpperCase();
    yield {
      kind: "commissioner",
      line: line.line,
      lsoa,
      lsoaVintage: header.lsoaVintage,
      commissionerKind: header.vintage >= 2022 ? "sub-icb-location" : "ccg",
      commissioner: {
        gss: orNull(get("commissionerGss").toUpperCase()),
        ods: get("commissionerOds").toUpperCase(),
        name: orNull(get("commissionerName")),
      },
      icb:
        icbOds === ""
          ? null
          : {
              gss: orNull(get("icbGss").toUpperCase()),
              ods: icbOds,
              name: orNull(get("icbName")),
            },
      district,
    };
  }
}
