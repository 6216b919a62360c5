/**
 * @module postcodes (plan)
 * Planning a postcode directory against the register: each postcode in an LSOA the register
 * holds is created, or, when the register's record of it differs in its LSOA, months,
 * point, ward or district, replaced by the directory's (which it cites); the same facts from
 * another directory leave the record as it is. Postcodes in LSOAs the register does not hold
 * are skipped (the register covers its LSOAs), and postcodes the directory does not list
 * are left alone: a directory states the postcodes it lists, terminated ones included.
 */
import type { PostcodeRecord } from "@care-atlas/domain";
import { monthNumber, type PostcodeColumns } from "./PostcodeColumns.js";
import type { Tally } from "./Tally.js";
import type { ImportContext } from "./Working.js";

/** What a postcode planner reads of the register's reference data. */
export interface PostcodeView {
  /** The register's current record of a postcode. */
  postcode(postcode: string): PostcodeRecord | undefined;
  /** Whether the register holds the LSOA. */
  hasLsoa(code: string): boolean;
}

/** A planned postcode import: which rows of the columns are written. */
export interface PostcodePlan {
  /** 1 for each row of the columns the import writes (created or changed). */
  readonly writes: Uint8Array;
  /** Rows written. */
  readonly count: number;
  /** The records written, built one at a time from the columns. */
  records(): Generator<PostcodeRecord>;
}

const sameFacts = (columns: PostcodeColumns, i: number, held: PostcodeRecord): boolean => {
  const lat = columns.lat[i] as number;
  const ward = columns.ward[i] as number;
  const district = columns.district[i] as number;
  return (
    held.lsoaCode === columns.lsoaCode(i) &&
    monthNumber(held.introduced) === columns.introduced[i] &&
    monthNumber(held.terminated) === columns.terminated[i] &&
    (Number.isNaN(lat)
      ? held.point === undefined
      : held.point?.lat === lat && held.point.lon === columns.lon[i]) &&
    (held.wardCode ?? null) === (ward < 0 ? null : columns.wardCodes.values[ward]) &&
    (held.districtCode ?? null) === (district < 0 ? null : columns.districtCodes.values[district])
  );
};

const describe = (columns: PostcodeColumns, i: number): string => {
  const record = columns.record(i);
  const dates = `${record.introduced === null ? "introduction not recorded" : `introduced ${record.introduced}`}${record.terminated === null ? "" : `, terminated ${record.terminated}`}`;
  return `LSOA ${record.lsoaCode}${record.wardCode === undefined ? "" : `, ward ${record.wardCode}`}; ${dates}`;
};

/**
 * Plans the postcodes of `columns` against `view`, noting each on `tally`.
 *
 * @example
 * ```ts
 * import { PostcodeColumns, planPostcodes, Tally } from "@care-atlas/imports";
 * const columns = new PostcodeColumns();
 * columns.push({ postcode: "ZZ9 9ZZ", lsoaCode: "E01999001", introduced: null, terminated: null });
 * const plan = planPostcodes({ postcode: () => undefined, hasLsoa: () => true }, columns, new Tally(), {
 *   published: "2025-02-13", source: "synthetic", fileName: "synthetic.csv",
 * });
 * plan.count; // 1
 * ```
 */
export const planPostcodes = (
  view: PostcodeView,
  columns: PostcodeColumns,
  tally: Tally,
  context: ImportContext,
  onRow?: (done: number) => void,
): PostcodePlan => {
  const writes = new Uint8Array(columns.length);
  let count = 0;
  for (let i = 0; i < columns.length; i++) {
    const postcode = columns.postcodes[i] as string;
    const lsoa = columns.lsoaCode(i);
    if (!view.hasLsoa(lsoa)) {
      tally.note(
        () => ({
          action: "skipped",
          kind: "postcode",
          id: null,
          key: postcode,
          detail: `its LSOA ${lsoa} is not in the register`,
        }),
        "skipped",
      );
    } else {
      const held = view.postcode(postcode);
      if (held !== undefined && sameFacts(columns, i, held)) {
        tally.note(
          () => ({
            action: "unchanged",
            kind: "postcode",
            id: null,
            key: postcode,
            detail: describe(columns, i),
          }),
          "unchanged",
        );
      } else {
        writes[i] = 1;
        count++;
        const action = held === undefined ? "created" : "changed";
        tally.note(
          () => ({
            action,
            kind: "postcode",
            id: null,
            key: postcode,
            detail:
              held === undefined
                ? describe(columns, i)
                : `${describe(columns, i)} (was LSOA ${held.lsoaCode}${held.wardCode === undefined ? "" : `, ward ${held.wardCode}`}; ${held.introduced ?? "introduction not recorded"}–${held.terminated ?? "live"})`,
          }),
          action,
        );
      }
    }
    if (onRow !== undefined && ((i + 1) % 5000 === 0 || i + 1 === columns.length)) onRow(i + 1);
  }
  return {
    writes,
    count,
    *records() {
      for (let i = 0; i < columns.length; i++) {
        if (writes[i] === 1) yield columns.record(i, context.source);
      }
    },
  };
};
