/**
 * @module lsoaLookups (plan)
 * Planning an ONS LSOA lookup against the register: each row becomes the LSOA's assignment
 * in the lookup's vintage (its year, and the file's date as the day it is in force from) —
 * created, or changed when the register's assignment of that LSOA, kind and year differs,
 * or unchanged. Rows are kept when the register holds the LSOA, already assigns it in
 * another vintage, or (for commissioner lookups) holds the commissioner or its ICB; the
 * others are skipped, so a national lookup imported into a regional register brings in the
 * region's LSOAs and those that were ever assigned to its commissioners (such as the High
 * Peak LSOAs of Tameside and Glossop CCG, which moved to Derby and Derbyshire in 2022).
 * Areas are kept by code with the names the lookup gives, whether or not the register has
 * a record of them.
 */
import {
  assignmentKey,
  type LsoaAssignment,
  type LsoaAssignmentKind,
  vintageOn,
} from "@care-atlas/domain";
import type {
  LookupCommissioner,
  LsoaLookupHeader,
  LsoaLookupRow,
} from "../layouts/lsoaLookups.js";
import type { Tally } from "./Tally.js";
import type { ImportContext } from "./Working.js";

/** What an LSOA lookup planner reads of the register. */
export interface AssignmentView {
  /** The register's assignment of an LSOA, kind and vintage year (by `assignmentKey`). */
  assignment(key: string): LsoaAssignment | undefined;
  /** Every vintage's assignment of an LSOA of one kind. */
  assignmentsOf(lsoaCode: string, kind: LsoaAssignmentKind): ReadonlyArray<LsoaAssignment>;
  /** Whether the register holds the LSOA. */
  hasLsoa(code: string): boolean;
  /** Whether an organisation of the register holds the ODS code (in any period). */
  holdsOrganisation(odsCode: string): boolean;
}

const englishLsoa = /^E01\d{6}$/;
const gss = /^[EWSN]\d{8}$/;
const areaCode = /^[A-Z0-9]{3,9}$/;

const named = (area: LsoaAssignment["area"]): string =>
  area.name === undefined ? area.code : `${area.code} (${area.name})`;

const areaOf = (
  code: string,
  gssCode: string | null,
  name: string | null,
): LsoaAssignment["area"] => ({
  code,
  ...(gssCode !== null && gss.test(gssCode) ? { gssCode } : {}),
  ...(name === null ? {} : { name }),
});

const commissionerArea = (c: LookupCommissioner) => areaOf(c.ods, c.gss, c.name);

/** Whether two assignments state the same facts (their sources aside). */
const sameFacts = (a: LsoaAssignment, b: LsoaAssignment): boolean =>
  JSON.stringify({ ...a, source: "" }, sortedKeys) ===
  JSON.stringify({ ...b, source: "" }, sortedKeys);

const sortedKeys = (_key: string, value: unknown): unknown =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
      )
    : value;

/** A planned lookup: the assignments the import writes. */
export interface LsoaLookupPlan {
  readonly assignments: ReadonlyArray<LsoaAssignment>;
}

/**
 * Plans the rows of an LSOA lookup (whose header is `header`) against `view`, noting each
 * on `tally`. `context.published` is the date the lookup's data describes.
 *
 * @example
 * ```ts
 * import { planLsoaLookup, readLsoaLookup, Tally } from "@care-atlas/imports";
 * const rows = [];
 * let header;
 * for await (const row of readLsoaLookup(text, (h) => { header = h; })) rows.push(row);
 * planLsoaLookup(view, header, rows, new Tally(), { published: "2024-04-01", source: "ons-sicbl24", fileName: "lookup.csv" });
 * ```
 */
export const planLsoaLookup = (
  view: AssignmentView,
  header: LsoaLookupHeader,
  rows: ReadonlyArray<LsoaLookupRow>,
  tally: Tally,
  context: ImportContext,
  onRow?: (done: number) => void,
): LsoaLookupPlan => {
  const assignments: LsoaAssignment[] = [];
  const planned = new Set<string>();
  const vintage = { year: header.vintage, from: context.published };
  const skip = (key: string, detail: string) =>
    tally.note(
      () => ({ action: "skipped", kind: "lsoa-assignment", id: null, key, detail }),
      "skipped",
    );
  rows.forEach((row, index) => {
    onRow?.(index + 1);
    const lsoa = row.lsoa.code;
    if (!englishLsoa.test(lsoa)) {
      skip(lsoa, `line ${row.line}: ${lsoa} is not an English LSOA code`);
      return;
    }
    const area =
      row.kind === "ward"
        ? areaOf(row.ward.code, null, row.ward.name)
        : commissionerArea(row.commissioner);
    if (!areaCode.test(area.code)) {
      skip(lsoa, `line ${row.line}: "${area.code}" is not an area code`);
      return;
    }
    const kind: LsoaAssignmentKind = row.kind === "ward" ? "ward" : "commissioner";
    const earlier = view.assignmentsOf(lsoa, kind);
    const kept =
      view.hasLsoa(lsoa) ||
      earlier.length > 0 ||
      (row.kind === "commissioner" &&
        (view.holdsOrganisation(row.commissioner.ods) ||
          (row.icb !== null && view.holdsOrganisation(row.icb.ods))));
    if (!kept) {
      skip(
        lsoa,
        row.kind === "ward"
          ? "the register holds neither the LSOA nor an earlier assignment of it"
          : `the register holds neither the LSOA nor its commissioner ${row.commissioner.ods}`,
      );
      return;
    }
    const assignment: LsoaAssignment = {
      lsoaCode: lsoa,
      ...(row.lsoa.name === null ? {} : { lsoaName: row.lsoa.name }),
      kind,
      vintage,
      areaKind: row.kind === "ward" ? "ward" : row.commissionerKind,
      area,
      ...(row.kind === "commissioner" && row.icb !== null
        ? { icb: commissionerArea(row.icb) }
        : {}),
      ...(row.district !== null && gss.test(row.district.code)
        ? { districtCode: row.district.code }
        : {}),
      source: context.source,
    };
    const key = assignmentKey(assignment);
    if (planned.has(key)) {
      skip(lsoa, `line ${row.line}: the LSOA is listed again (the first is kept)`);
      return;
    }
    planned.add(key);
    const held = view.assignment(key);
    if (held !== undefined && sameFacts(held, assignment)) {
      tally.note(
        () => ({
          action: "unchanged",
          kind: "lsoa-assignment",
          id: null,
          key: lsoa,
          detail: `${named(area)} in the ${header.vintage} lookup`,
        }),
        "unchanged",
      );
      return;
    }
    assignments.push(assignment);
    const action = held === undefined ? "created" : "changed";
    tally.note(() => {
      const before = vintageOn(
        earlier
          .filter((a) => a.vintage.year !== header.vintage && a.vintage.from < vintage.from)
          .map((a) => ({ ...a.vintage, a })),
        vintage.from,
      )?.a;
      const detail =
        held !== undefined
          ? `the ${header.vintage} lookup now says ${named(area)} from ${vintage.from} (was ${named(held.area)} from ${held.vintage.from})`
          : before === undefined
            ? `${named(area)} from ${vintage.from}`
            : before.area.code === area.code
              ? `${named(area)} from ${vintage.from}, as in the ${before.vintage.year} lookup`
              : `moves from ${named(before.area)} (the ${before.vintage.year} lookup) to ${named(area)} on ${vintage.from}`;
      return { action, kind: "lsoa-assignment", id: null, key: lsoa, detail };
    }, action);
  });
  return { assignments };
};
