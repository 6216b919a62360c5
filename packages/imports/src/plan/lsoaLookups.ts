/**
 * @module lsoaLookups (plan)
 * Planning an ONS LSOA lookup against the register as of the lookup's date: each row says
 * where one LSOA is on that date. When the register's assignment of that LSOA (of the same
 * kind: ward, or commissioner) valid on the date says the same, the row is unchanged;
 * otherwise the lookup's assignment starts on its date — running until the register's next
 * later assignment, if any — and the one valid on the date ends then: a dated change, with
 * the lookup (its vintage) as the source. Only differences are written. Rows are kept when
 * the register holds the LSOA, already assigns it, or (for commissioner lookups) holds the
 * commissioner or its ICB; the others are skipped, so a national lookup imported into a
 * regional register brings in the region's LSOAs and those that were ever assigned to its
 * commissioners (such as the High Peak LSOAs of Tameside and Glossop CCG, which moved to
 * Derby and Derbyshire in 2022). Areas are kept by code with the names the lookup gives,
 * whether or not the register has a record of them.
 */
import { contains, type LsoaAssignment, type LsoaAssignmentKind } from "@care-atlas/domain";
import type {
  LookupCommissioner,
  LsoaLookupHeader,
  LsoaLookupRow,
} from "../layouts/lsoaLookups.js";
import type { Tally } from "./Tally.js";
import type { ImportContext } from "./Working.js";

/** What an LSOA lookup planner reads of the register. */
export interface AssignmentView {
  /** The register's assignments of an LSOA of one kind (its history), in any order. */
  assignmentsOf(lsoaCode: string, kind: LsoaAssignmentKind): ReadonlyArray<LsoaAssignment>;
  /** Whether the register holds the LSOA. */
  hasLsoa(code: string): boolean;
  /** Whether an organisation of the register holds the ODS code (in any period). */
  holdsOrganisation(odsCode: string): boolean;
}

const englishLsoa = /^E01\d{6}$/;
const gss = /^[EWSN]\d{8}$/;
const areaCode = /^[A-Z0-9]{3,9}$/;

const named = (a: Pick<LsoaAssignment, "area">): string =>
  a.area.name === undefined ? a.area.code : `${a.area.code} (${a.area.name})`;

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

const sortedKeys = (_key: string, value: unknown): unknown =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
      )
    : value;

/** What an assignment places the LSOA in: the facts a later lookup confirms or changes. */
const placement = (a: Pick<LsoaAssignment, "areaKind" | "area" | "icb">): string =>
  JSON.stringify({ areaKind: a.areaKind, area: a.area, icb: a.icb ?? null }, sortedKeys);

/** A planned lookup: the assignments the import writes (new ones, and ones it ends). */
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
    const history = [...earlier].sort((x, y) => (x.valid.from < y.valid.from ? -1 : 1));
    const current = history.find((a) => contains(a.valid, vintage.from));
    const next = history.find((a) => a.valid.from > vintage.from);
    const stated: LsoaAssignment = {
      lsoaCode: lsoa,
      ...(row.lsoa.name === null ? {} : { lsoaName: row.lsoa.name }),
      kind,
      valid: { from: vintage.from, to: next?.valid.from ?? current?.valid.to ?? null },
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
    if (planned.has(lsoa)) {
      skip(lsoa, `line ${row.line}: the LSOA is listed again (the first is kept)`);
      return;
    }
    planned.add(lsoa);
    if (current !== undefined && placement(current) === placement(stated)) {
      tally.note(
        () => ({
          action: "unchanged",
          kind: "lsoa-assignment",
          id: null,
          key: lsoa,
          detail: `in ${named(current)} since ${current.valid.from} (the ${current.vintage.year} lookup)`,
        }),
        "unchanged",
      );
      return;
    }
    if (current !== undefined && current.valid.from < vintage.from) {
      assignments.push({ ...current, valid: { from: current.valid.from, to: vintage.from } });
    }
    assignments.push(stated);
    const action = current === undefined && history.length === 0 ? "created" : "changed";
    tally.note(() => {
      const detail =
        current === undefined
          ? `in ${named(stated)} from ${vintage.from}${stated.valid.to === null ? "" : ` to ${stated.valid.to}`}`
          : current.area.code === stated.area.code
            ? `${named(stated)} from ${vintage.from} (was ${current.areaKind} ${named(current)} from ${current.valid.from}, the ${current.vintage.year} lookup)`
            : `moves from ${named(current)} (the ${current.vintage.year} lookup) to ${named(stated)} on ${vintage.from}`;
      return { action, kind: "lsoa-assignment", id: null, key: lsoa, detail };
    }, action);
  });
  return { assignments };
};
