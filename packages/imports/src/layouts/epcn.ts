/**
 * @module epcn
 * NHS England's PCN workbook `ePCN.xlsx`, both sheets: "PCNDetails" (one row per PCN: code,
 * name, current sub-ICB location, open and close dates, address) and "PCN Core Partner
 * Details" (one row per practice → PCN membership, with its start and end dates). Column
 * titles are matched ignoring case, spaces and line breaks; dates are `YYYYMMDD` text or
 * spreadsheet dates.
 */
import readXlsxFile from "read-excel-file/universal";
import { bytesOf, type FileBytes } from "../FileInput.js";
import {
  type ColumnSpec,
  columnKey,
  dateField,
  fieldOf,
  matchHeader,
  missingColumns,
} from "../internal/table.js";
import { LayoutError } from "../LayoutError.js";

/** A PCN of the PCNDetails sheet. */
export interface EpcnPcnRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly subIcbCode: string;
  readonly subIcbName: string | null;
  readonly openDate: string;
  /** The last day open (inclusive), or `null`. */
  readonly closeDate: string | null;
  readonly addressLines: ReadonlyArray<string>;
  readonly postcode: string | null;
}

/** A membership of the core partner sheet. */
export interface EpcnMemberRow {
  readonly line: number;
  readonly practiceCode: string;
  readonly practiceName: string;
  readonly practiceSubIcbCode: string | null;
  readonly pcnCode: string;
  readonly pcnName: string;
  readonly pcnSubIcbCode: string | null;
  readonly startDate: string;
  /** The last day of membership (inclusive), or `null`. */
  readonly endDate: string | null;
}

/** Both sheets of a workbook. */
export interface EpcnWorkbook {
  readonly pcns: ReadonlyArray<EpcnPcnRow>;
  readonly members: ReadonlyArray<EpcnMemberRow>;
}

const layout = "ods-epcn";
const what = "an ePCN workbook (ePCN.xlsx)";

/** The sheets read, by title. */
export const epcnSheets = { pcns: "PCNDetails", members: "PCN Core Partner Details" } as const;

type PcnColumn =
  | "code"
  | "name"
  | "subIcbCode"
  | "subIcbName"
  | "openDate"
  | "closeDate"
  | "address1"
  | "address2"
  | "address3"
  | "address4"
  | "address5"
  | "postcode";

const pcnSpec: ColumnSpec<PcnColumn> = {
  code: { names: ["PCN Code"], required: true },
  name: { names: ["PCN Name"], required: true },
  subIcbCode: { names: ["Current Sub ICB Loc Code", "Sub ICB Loc Code"], required: true },
  subIcbName: { names: ["Sub ICB Location", "Sub ICB Loc Name"], required: false },
  openDate: { names: ["Open Date"], required: true },
  closeDate: { names: ["Close Date"], required: true },
  address1: { names: ["Address Line 1"], required: false },
  address2: { names: ["Address Line 2"], required: false },
  address3: { names: ["Address Line 3"], required: false },
  address4: { names: ["Address Line 4"], required: false },
  address5: { names: ["Address Line 5"], required: false },
  postcode: { names: ["Postcode"], required: false },
};

type MemberColumn =
  | "practiceCode"
  | "practiceName"
  | "practiceSubIcbCode"
  | "pcnCode"
  | "pcnName"
  | "pcnSubIcbCode"
  | "startDate"
  | "endDate";

const memberSpec: ColumnSpec<MemberColumn> = {
  practiceCode: { names: ["Partner Organisation Code"], required: true },
  practiceName: { names: ["Partner Name"], required: true },
  practiceSubIcbCode: { names: ["Practice Parent Sub ICB Loc Code"], required: false },
  pcnCode: { names: ["PCN Code"], required: true },
  pcnName: { names: ["PCN Name"], required: true },
  pcnSubIcbCode: { names: ["PCN Parent Sub ICB Loc Code"], required: false },
  startDate: { names: ["Practice to PCN Relationship Start Date"], required: true },
  endDate: { names: ["Practice to PCN Relationship End Date"], required: true },
};

type Cell = string | number | boolean | Date | null | unknown;

const cellText = (cell: Cell): string => {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
};

const toBuffer = (bytes: Uint8Array): ArrayBuffer => {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
};

/**
 * Reads both sheets of an ePCN workbook. Throws a {@link LayoutError} when the file is not
 * an xlsx workbook, lacks one of the two sheets, or a sheet lacks a required column.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { readEpcn } from "@care-atlas/imports";
 * const { pcns, members } = await readEpcn(readFileSync("ePCN.xlsx"));
 * ```
 */
export const readEpcn = async (bytes: FileBytes): Promise<EpcnWorkbook> => {
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    sheets = await readXlsxFile(toBuffer(await bytesOf(bytes)));
  } catch (cause) {
    throw new LayoutError(
      layout,
      `not ${what}: the file is not an xlsx workbook (${cause instanceof Error ? cause.message : String(cause)})`,
    );
  }
  const sheet = (title: string) =>
    sheets.find((s) => columnKey(s.sheet) === columnKey(title))?.data;
  const pcnData = sheet(epcnSheets.pcns);
  const memberData = sheet(epcnSheets.members);
  const absent = [
    ...(pcnData === undefined ? [epcnSheets.pcns] : []),
    ...(memberData === undefined ? [epcnSheets.members] : []),
  ];
  if (pcnData === undefined || memberData === undefined) {
    throw new LayoutError(
      layout,
      `not ${what}: the workbook lacks the sheet${absent.length === 1 ? "" : "s"} ${absent.map((t) => `"${t}"`).join(" and ")} (it has ${sheets.map((s) => `"${s.sheet}"`).join(", ")})`,
      { missing: absent },
    );
  }
  return {
    pcns: rowsOf(pcnData, pcnSpec, epcnSheets.pcns, (get, line) => {
      const openDate = dateField(get("openDate"), layout, "Open Date", line);
      if (openDate === null) {
        throw new LayoutError(layout, `${epcnSheets.pcns} row ${line}: no Open Date`, { line });
      }
      const postcode = get("postcode");
      return {
        line,
        code: get("code").toUpperCase(),
        name: get("name"),
        subIcbCode: get("subIcbCode").toUpperCase(),
        subIcbName: get("subIcbName") || null,
        openDate,
        closeDate: dateField(get("closeDate"), layout, "Close Date", line),
        addressLines: (["address1", "address2", "address3", "address4", "address5"] as const)
          .map(get)
          .filter((part) => part !== ""),
        postcode: postcode === "" ? null : postcode.toUpperCase(),
      };
    }),
    members: rowsOf(memberData, memberSpec, epcnSheets.members, (get, line) => {
      const startDate = dateField(get("startDate"), layout, "Relationship Start Date", line);
      if (startDate === null) {
        throw new LayoutError(layout, `${epcnSheets.members} row ${line}: no start date`, {
          line,
        });
      }
      return {
        line,
        practiceCode: get("practiceCode").toUpperCase(),
        practiceName: get("practiceName"),
        practiceSubIcbCode: get("practiceSubIcbCode") || null,
        pcnCode: get("pcnCode").toUpperCase(),
        pcnName: get("pcnName"),
        pcnSubIcbCode: get("pcnSubIcbCode") || null,
        startDate,
        endDate: dateField(get("endDate"), layout, "Relationship End Date", line),
      };
    }),
  };
};

const rowsOf = <C extends string, R>(
  data: ReadonlyArray<ReadonlyArray<Cell>>,
  spec: ColumnSpec<C>,
  title: string,
  make: (get: (column: C) => string, line: number) => R,
): R[] => {
  const [header, ...body] = data;
  const { columns, missing } = matchHeader((header ?? []).map(cellText), spec);
  if (missing.length > 0) throw missingColumns(layout, `${what}, sheet "${title}"`, missing);
  const rows: R[] = [];
  body.forEach((cells, index) => {
    const fields = cells.map(cellText);
    if (fields.every((field) => field === "")) return;
    rows.push(make((column) => fieldOf(fields, columns, column), index + 2));
  });
  return rows;
};
