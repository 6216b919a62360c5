/**
 * @module odsOrganisations
 * ODS's organisation files in the standard layout — `etr.csv` (NHS trusts), `eccg.csv` (CCGs,
 * now sub-ICB locations, and commissioning hubs) and `epraccur.csv` (GP practices and other
 * prescribing cost centres): headerless, 27 positional columns, dates as `YYYYMMDD`. Also
 * read: the headered extracts of the same files (columns named `ods_code`, `name`, … and
 * ISO dates), whose names map onto ODS's positions.
 *
 * ODS's positions (1-based): 1 organisation code, 2 name, 3 national grouping, 4 high level
 * health geography, 5–9 address lines 1–5, 10 postcode, 11 open date, 12 close date, 13
 * status code (epraccur: A active, C closed, D dormant, P proposed), 14 organisation sub-type
 * code, 15 parent organisation code (epraccur: the commissioner), 16 join parent date, 17
 * left parent date, 18 contact telephone number, 22 amended record indicator, 24
 * provider/purchaser (epraccur), 26 prescribing setting (epraccur; 4 = GP practice); the
 * others are empty.
 */
import type { FileBytes } from "../FileInput.js";
import {
  type ColumnSpec,
  columnKey,
  csvLines,
  dateField,
  fieldOf,
  type Line,
  matchHeader,
  missingColumns,
} from "../internal/table.js";
import { LayoutError } from "../LayoutError.js";

/** The three ODS organisation layouts. */
export type OdsOrganisationLayout = "ods-etr" | "ods-eccg" | "ods-epraccur";

/** One row of an ODS organisation file. */
export interface OdsOrganisationRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly nationalGrouping: string | null;
  readonly healthGeography: string | null;
  readonly addressLines: ReadonlyArray<string>;
  readonly postcode: string | null;
  /** `YYYY-MM-DD`. */
  readonly openDate: string;
  /** The last day open (inclusive), `YYYY-MM-DD`, or `null` while open. */
  readonly closeDate: string | null;
  /** epraccur: A, C, D or P. */
  readonly statusCode: string | null;
  /** Column 14: epraccur's organisation sub-type; eccg's role code (e.g. RO319). */
  readonly subTypeCode: string | null;
  /** Column 15: epraccur's commissioner (sub-ICB location). */
  readonly parentCode: string | null;
  readonly joinParentDate: string | null;
  readonly leftParentDate: string | null;
  /** epraccur's prescribing setting (4 = GP practice). */
  readonly prescribingSetting: number | null;
}

/** What each layout is, for messages. */
export const odsLayoutNames: Record<OdsOrganisationLayout, string> = {
  "ods-etr": "an ODS NHS trust file (etr.csv)",
  "ods-eccg": "an ODS CCG / sub-ICB location file (eccg.csv)",
  "ods-epraccur": "an ODS GP practice file (epraccur.csv)",
};

/** The code format of each layout's organisations. */
const codeFormat: Record<OdsOrganisationLayout, { pattern: RegExp; text: string }> = {
  "ods-etr": { pattern: /^[RT][A-Z0-9]{2}$/, text: "an NHS trust code (R or T and 2 characters)" },
  "ods-eccg": {
    pattern: /^([0-9A-Z]{3}|[A-Z]\d[A-Z]\d[A-Z])$/,
    text: "a CCG / sub-ICB location code (3 characters, or 5 as X2C4Y)",
  },
  "ods-epraccur": {
    pattern: /^[A-Z]\d{5}$/,
    text: "a GP practice code (a letter and 5 digits)",
  },
};

/** The number of columns of ODS's headerless layout. */
export const odsColumnCount = 27;

type Column =
  | "code"
  | "name"
  | "nationalGrouping"
  | "healthGeography"
  | "address1"
  | "address2"
  | "address3"
  | "address4"
  | "address5"
  | "postcode"
  | "openDate"
  | "closeDate"
  | "statusCode"
  | "subTypeCode"
  | "parentCode"
  | "joinParentDate"
  | "leftParentDate"
  | "prescribingSetting";

/** Each column's position in ODS's layout (0-based) and its names in a headered extract. */
const positions: Record<Column, { at: number; names: ReadonlyArray<string> }> = {
  code: { at: 0, names: ["ods_code", "organisation code", "code"] },
  name: { at: 1, names: ["name"] },
  nationalGrouping: { at: 2, names: ["national_grouping"] },
  healthGeography: {
    at: 3,
    names: ["high_level_health_geography", "higher health authority"],
  },
  address1: { at: 4, names: ["address_line_1"] },
  address2: { at: 5, names: ["address_line_2"] },
  address3: { at: 6, names: ["address_line_3"] },
  address4: { at: 7, names: ["address_line_4"] },
  address5: { at: 8, names: ["address_line_5"] },
  postcode: { at: 9, names: ["postcode"] },
  openDate: { at: 10, names: ["open_date"] },
  closeDate: { at: 11, names: ["close_date"] },
  statusCode: { at: 12, names: ["status_code", "status"] },
  subTypeCode: {
    at: 13,
    names: ["org_subtype_code", "organisation sub-type code", "col14_role_code"],
  },
  parentCode: {
    at: 14,
    names: ["commissioner_sub_icb", "commissioner", "parent organisation code"],
  },
  joinParentDate: { at: 15, names: ["join_commissioner_date", "join parent date"] },
  leftParentDate: { at: 16, names: ["left_commissioner_date", "left parent date"] },
  prescribingSetting: { at: 25, names: ["prescribing_setting", "prescribing setting"] },
};

const required: ReadonlyArray<Column> = ["code", "name", "postcode", "openDate", "closeDate"];

const headerSpec = (layout: OdsOrganisationLayout): ColumnSpec<Column> => {
  const spec = {} as Record<Column, { names: ReadonlyArray<string>; required: boolean }>;
  for (const column of Object.keys(positions) as Column[]) {
    spec[column] = {
      names: positions[column].names,
      required:
        required.includes(column) ||
        (layout === "ods-epraccur" &&
          (column === "statusCode" || column === "parentCode" || column === "prescribingSetting")),
    };
  }
  return spec;
};

const headerMarkers = new Set(["odscode", "organisationcode"]);

/**
 * Reads an ODS organisation file of `layout`, official (headerless) or a headered extract,
 * row by row. Throws a {@link LayoutError} when the file is of another layout: a headerless
 * row without ODS's 27 columns, a header that lacks a required column, or a first code of
 * another kind of organisation.
 *
 * @example
 * ```ts
 * import { readOdsOrganisations } from "@care-atlas/imports";
 * const rows = [];
 * for await (const row of readOdsOrganisations("ods-etr", "ods_code,name,postcode,open_date,close_date\nRZZ,SYNTHETIC NHS TRUST,ZZ9 9ZZ,2001-04-01,\n")) rows.push(row);
 * rows[0]?.code; // "RZZ"
 * ```
 */
export async function* readOdsOrganisations(
  layout: OdsOrganisationLayout,
  bytes: FileBytes,
): AsyncGenerator<OdsOrganisationRow> {
  const what = odsLayoutNames[layout];
  let columns: Partial<Record<Column, number>> | undefined;
  let first = true;
  for await (const line of csvLines(bytes)) {
    if (columns === undefined) {
      if (headerMarkers.has(columnKey(line.fields[0] ?? ""))) {
        const matched = matchHeader(line.fields, headerSpec(layout));
        if (matched.missing.length > 0) throw missingColumns(layout, what, matched.missing);
        columns = matched.columns;
        continue;
      }
      columns = {};
      for (const column of Object.keys(positions) as Column[])
        columns[column] = positions[column].at;
    }
    const headerless = columns.code === 0 && columns.prescribingSetting === 25;
    if (headerless && line.fields.length !== odsColumnCount) {
      throw new LayoutError(
        layout,
        `not ${what}: line ${line.line} has ${line.fields.length} column${line.fields.length === 1 ? "" : "s"}; ODS's headerless layout has ${odsColumnCount} (or give a headered extract with the columns ods_code, name, postcode, open_date, close_date)`,
        { expectedColumns: odsColumnCount, line: line.line },
      );
    }
    const row = rowOf(layout, line, columns);
    if (first && !codeFormat[layout].pattern.test(row.code)) {
      throw new LayoutError(
        layout,
        `not ${what}: line ${line.line} starts with "${row.code}", which is not ${codeFormat[layout].text}`,
        { line: line.line },
      );
    }
    first = false;
    yield row;
  }
}

const rowOf = (
  layout: OdsOrganisationLayout,
  line: Line,
  columns: Partial<Record<Column, number>>,
): OdsOrganisationRow => {
  const get = (column: Column) => fieldOf(line.fields, columns, column);
  const orNull = (text: string) => (text === "" ? null : text);
  const code = get("code").toUpperCase();
  const name = get("name");
  if (code === "" || name === "") {
    throw new LayoutError(
      layout,
      `line ${line.line}: the organisation code and name are required`,
      {
        line: line.line,
      },
    );
  }
  const openDate = dateField(get("openDate"), layout, "open date", line.line);
  if (openDate === null) {
    throw new LayoutError(layout, `line ${line.line}: ${code} has no open date`, {
      line: line.line,
    });
  }
  const setting = get("prescribingSetting");
  const prescribingSetting = setting === "" ? null : Number(setting);
  if (prescribingSetting !== null && !Number.isInteger(prescribingSetting)) {
    throw new LayoutError(
      layout,
      `line ${line.line}: prescribing setting "${setting}" is not a number`,
      {
        line: line.line,
      },
    );
  }
  return {
    line: line.line,
    code,
    name,
    nationalGrouping: orNull(get("nationalGrouping")),
    healthGeography: orNull(get("healthGeography")),
    addressLines: (["address1", "address2", "address3", "address4", "address5"] as const)
      .map(get)
      .filter((part) => part !== ""),
    postcode: orNull(get("postcode").toUpperCase()),
    openDate,
    closeDate: dateField(get("closeDate"), layout, "close date", line.line),
    statusCode: orNull(get("statusCode")),
    subTypeCode: orNull(get("subTypeCode")),
    parentCode: orNull(get("parentCode")),
    joinParentDate: dateField(get("joinParentDate"), layout, "join parent date", line.line),
    leftParentDate: dateField(get("leftParentDate"), layout, "left parent date", line.line),
    prescribingSetting,
  };
};
