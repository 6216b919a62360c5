/**
 * The register's dated geography, indexed once per set of reference data (shared by every
 * read model built on it): postcodes by postcode (the reference data's sorted columns,
 * searched without a map or an object per postcode), LSOA assignments by LSOA, kind and
 * vintage, the vintages of each kind, and what the postcodes cover. And the answers every
 * lookup gives from it for one date, all from one vintage: the ward (the LSOA's best fit,
 * or the postcode's own when its directory is of the ward vintage in force), and the
 * commissioner (a CCG before July 2022, a sub-ICB location and its ICB after) with how it
 * is known.
 */
import {
  codeOf,
  contains,
  findByCode,
  type IsoDate,
  type LookupArea,
  type Lsoa,
  type LsoaAssignment,
  type LsoaAssignmentKind,
  type Organisation,
  type Period,
  type PostcodeRecord,
  resolveSuccessor,
  type Vintage,
  vintageOn,
} from "@care-atlas/domain";
import type { ReadModel, Reference } from "../ReadModel.js";
import { datedMemo } from "./datedMemo.js";
import { versionOn } from "./lookup.js";

const byFrom = (a: Vintage, b: Vintage): number => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

/** The indexes over one set of reference data. */
export class Geography {
  /** lsoa|kind → its assignments, by start. */
  readonly #histories = new Map<string, LsoaAssignment[]>();
  readonly #byLsoa = new Map<string, LsoaAssignment[]>();
  readonly #vintages: Record<LsoaAssignmentKind, Vintage[]> = { ward: [], commissioner: [] };
  /** kind|district → the assignments of that district's LSOAs. */
  readonly #byDistrict = new Map<string, LsoaAssignment[]>();
  /** ward code → its names, by the date each lookup gave it. */
  readonly #wardNames = new Map<string, string>();
  readonly #lsoas = new Map<string, Lsoa>();
  readonly #sourceDates = new Map<string, IsoDate | null>();
  #coverage:
    | ReadonlyArray<{ readonly districtCode: string; readonly postcodes: number }>
    | undefined;

  constructor(readonly reference: Reference) {
    for (const lsoa of reference.lsoas) this.#lsoas.set(lsoa.code, lsoa);
    for (const source of reference.sources) this.#sourceDates.set(source.key, source.dataDate);
    const vintages: Record<LsoaAssignmentKind, Map<string, Vintage>> = {
      ward: new Map(),
      commissioner: new Map(),
    };
    const push = (map: Map<string, LsoaAssignment[]>, key: string, a: LsoaAssignment) => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [a]);
      else list.push(a);
    };
    for (const a of reference.assignments) {
      push(this.#histories, `${a.lsoaCode}|${a.kind}`, a);
      push(this.#byLsoa, a.lsoaCode, a);
      vintages[a.kind].set(`${a.vintage.year}|${a.vintage.from}`, a.vintage);
      const district = a.districtCode ?? this.#lsoas.get(a.lsoaCode)?.districtCode;
      if (district !== undefined) push(this.#byDistrict, `${a.kind}|${district}`, a);
      if (a.kind === "ward" && a.area.name !== undefined) {
        this.#wardNames.set(a.area.code, a.area.name);
      }
    }
    for (const list of this.#histories.values()) {
      list.sort((x, y) => (x.valid.from < y.valid.from ? -1 : 1));
    }
    for (const kind of ["ward", "commissioner"] as const) {
      this.#vintages[kind] = [...vintages[kind].values()].sort(byFrom);
    }
  }

  /** A postcode's record, made from the table's columns. */
  postcode(postcode: string): PostcodeRecord | undefined {
    return this.reference.postcodes.get(postcode);
  }

  /** Every assignment of an LSOA (any kind, any period). */
  assignmentsOf(lsoaCode: string): ReadonlyArray<LsoaAssignment> {
    return this.#byLsoa.get(lsoaCode) ?? [];
  }

  /** An LSOA's assignment of one kind valid on a date. */
  assignmentOn(
    lsoaCode: string,
    kind: LsoaAssignmentKind,
    date: IsoDate,
  ): LsoaAssignment | undefined {
    const history = this.#histories.get(`${lsoaCode}|${kind}`) ?? [];
    for (let i = history.length - 1; i >= 0; i--) {
      const a = history[i];
      if (a !== undefined && contains(a.valid, date)) return a;
    }
    return undefined;
  }

  /** The vintages (lookups) of one kind the register holds, oldest first. */
  vintages(kind: LsoaAssignmentKind): ReadonlyArray<Vintage> {
    return this.#vintages[kind];
  }

  /** The distinct areas of a district's LSOAs on a date, one assignment each. */
  districtAreasOn(kind: LsoaAssignmentKind, district: string, date: IsoDate): LsoaAssignment[] {
    const areas = new Map<string, LsoaAssignment>();
    for (const a of this.#byDistrict.get(`${kind}|${district}`) ?? []) {
      if (contains(a.valid, date) && !areas.has(a.area.code)) areas.set(a.area.code, a);
    }
    return [...areas.values()];
  }

  /** A ward's name, as the LSOA lookups give it. */
  wardName(code: string): string | undefined {
    return this.#wardNames.get(code);
  }

  /** The date a source's data describes (`undefined`: no such source). */
  sourceDate(key: string): IsoDate | null | undefined {
    return this.#sourceDates.get(key);
  }

  /** The districts the register's postcodes lie in, with how many each, by code. */
  coverage(): ReadonlyArray<{ readonly districtCode: string; readonly postcodes: number }> {
    if (this.#coverage === undefined) {
      const counts = new Map<string, number>();
      const table = this.reference.postcodes;
      for (let i = 0; i < table.size; i++) {
        const district =
          table.districtCodeAt(i) ?? this.#lsoas.get(table.lsoaCodeAt(i))?.districtCode;
        if (district !== undefined) counts.set(district, (counts.get(district) ?? 0) + 1);
      }
      this.#coverage = [...counts]
        .map(([districtCode, postcodes]) => ({ districtCode, postcodes }))
        .sort((a, b) => (a.districtCode < b.districtCode ? -1 : 1));
    }
    return this.#coverage;
  }
}

const geographies = new WeakMap<Reference, Geography>();

/** The geography of a model's reference data, built once per reference data. */
export const geographyOf = (model: ReadModel): Geography => {
  let geography = geographies.get(model.reference);
  if (geography === undefined) {
    geography = new Geography(model.reference);
    geographies.set(model.reference, geography);
  }
  return geography;
};

/** Where an answer's area comes from: the lookup that states it, and for how long it held. */
export interface LookupVintage {
  /** The lookup (its year and date) that states the assignment. */
  readonly vintage: Vintage;
  /** The assignment's period: from that lookup's date until a later one changed it. */
  readonly valid: Period;
}

/** The ward of an answer, of the ward vintage in force on its date. */
export interface WardOnDate {
  readonly code: string;
  readonly name: string | null;
  /**
   * `postcode`: the postcode's own ward, from a directory of the ward vintage in force;
   * `lsoa`: the LSOA's best-fit ward from the ward lookups.
   */
  readonly basis: "postcode" | "lsoa";
  /** The latest ward lookup on or before the date: the vintage of the answer's wards. */
  readonly vintage: Vintage | null;
  /** For `lsoa`: the assignment's lookup and period. */
  readonly lookup: LookupVintage | null;
  readonly source: string | null;
}

/** A register organisation or the name a lookup gives, for one commissioner on a date. */
export interface CommissionerBody {
  /** The ODS code. */
  readonly code: string;
  readonly name: string | null;
  /** The register's organisation holding the code on the date, when it has one. */
  readonly organisation: Organisation | null;
}

/** The commissioner of an LSOA on a date. */
export interface CommissionerOnDate {
  /** What it was on the date: a CCG, or a sub-ICB location of an ICB. */
  readonly kind: "ccg" | "sub-icb-location";
  readonly code: string;
  readonly name: string | null;
  /** The register's organisation on the date; `null` when the register has no record of it. */
  readonly organisation: Organisation | null;
  /** A sub-ICB location's ICB on the date. */
  readonly icb: CommissionerBody | null;
  /**
   * `lsoa`: the LSOA's own assignment on the date; `district`: the lookups do not place the
   * LSOA on the date, and every LSOA of its district that they place is in one commissioner.
   */
  readonly basis: "lsoa" | "district";
  /** The lookup the answer comes from, and the area it names. */
  readonly lookup: LookupVintage & {
    readonly area: LookupArea;
    readonly areaKind: "ccg" | "sub-icb-location";
    readonly source: string;
  };
  /**
   * When the lookup's commissioner had closed by the date: the ids of the successions'
   * chain from it to the organisation named (else empty).
   */
  readonly successionPath: string[];
  /** What the register does not know, said plainly (or `null`). */
  readonly note: string | null;
}

/** A directory's wards on a date: their vintage, and each ward's answer, made once. */
interface DirectoryWards {
  readonly vintage: Vintage | null;
  readonly wards: Map<string, WardOnDate>;
}

/**
 * The wards postcodes state, by geography, date and directory (`null`: the directory is
 * not of the date's ward vintage), so postcodes of one ward share one answer (the same
 * object) and a lookup does not work out the vintages again.
 */
const directoryWards = datedMemo<Geography, Map<string, DirectoryWards | null>>(8, () => new Map());

const directoryWardsOn = (
  geography: Geography,
  source: string,
  date: IsoDate,
): DirectoryWards | null => {
  const bySource = directoryWards(geography, date);
  let held = bySource.get(source);
  if (held === undefined) {
    const stated = geography.sourceDate(source);
    const vintages = geography.vintages("ward");
    const vintage = vintageOn(vintages, date) ?? null;
    held =
      stated === undefined || stated === null || (vintageOn(vintages, stated) ?? null) !== vintage
        ? null
        : { vintage, wards: new Map() };
    bySource.set(source, held);
  }
  return held;
};

/**
 * A postcode's own ward on `date`: given when its directory dates from the ward vintage in
 * force then (a directory states wards as at its date); otherwise `undefined`, and the
 * LSOA's best-fit ward on the date answers (`wardOn`). Postcodes of one ward and directory
 * get the same object on a date.
 */
export const postcodeWardOn = (
  model: ReadModel,
  postcode: PostcodeRecord,
  date: IsoDate,
): WardOnDate | undefined => {
  const { wardCode, source } = postcode;
  if (wardCode === undefined || source === undefined) return undefined;
  const geography = geographyOf(model);
  const directory = directoryWardsOn(geography, source, date);
  if (directory === null) return undefined;
  let ward = directory.wards.get(wardCode);
  if (ward === undefined) {
    ward = {
      code: wardCode,
      name: geography.wardName(wardCode) ?? null,
      basis: "postcode",
      vintage: directory.vintage,
      lookup: null,
      source,
    };
    directory.wards.set(wardCode, ward);
  }
  return ward;
};

/**
 * The ward of an LSOA (and, for a postcode lookup, of its postcode) on `date`, of one ward
 * vintage: the latest ward lookup on or before the date. The postcode's own ward is given
 * when its directory dates from that same vintage (`postcodeWardOn`); otherwise the LSOA's
 * best-fit ward on the date.
 */
export const wardOn = (
  model: ReadModel,
  lsoaCode: string,
  date: IsoDate,
  postcode?: PostcodeRecord,
): WardOnDate | null => {
  const own = postcode === undefined ? undefined : postcodeWardOn(model, postcode, date);
  if (own !== undefined) return own;
  const geography = geographyOf(model);
  const assignment = geography.assignmentOn(lsoaCode, "ward", date);
  if (assignment === undefined) return null;
  return {
    code: assignment.area.code,
    name: assignment.area.name ?? null,
    basis: "lsoa",
    vintage: vintageOn(geography.vintages("ward"), date) ?? null,
    lookup: { vintage: assignment.vintage, valid: assignment.valid },
    source: assignment.source,
  };
};

/** The register's organisation holding an ODS code on a date, of one of `kinds`. */
const organisationOn = (
  model: ReadModel,
  code: string,
  date: IsoDate,
  kinds: ReadonlyArray<Organisation["kind"]>,
): Organisation | undefined =>
  findByCode(model.index, code, { system: "ods", date })
    .map((match) => (match.kind === "organisation" ? match.version : undefined))
    .find((org): org is Organisation => org !== undefined && kinds.includes(org.kind));

/** Every organisation that ever held an ODS code. */
const holdersOf = (model: ReadModel, code: string): string[] => [
  ...new Set(
    findByCode(model.index, code, { system: "ods" })
      .filter((match) => match.kind === "organisation")
      .map((match) => match.id),
  ),
];

const commissionerKinds = ["ccg", "sub-icb-location"] as const;

/**
 * The commissioner of an LSOA on `date`, from the LSOA lookups: the LSOA's assignment valid
 * then, or its district's single commissioner then; resolved to the register's organisation
 * on the date, following successions when the lookup's body had closed by then.
 * `districtCode`: the LSOA's district, when known; with no `lsoaCode`, the district's
 * commissioner.
 */
export const commissionerOn = (
  model: ReadModel,
  lsoaCode: string | undefined,
  districtCode: string | undefined,
  date: IsoDate,
): CommissionerOnDate | null => {
  const geography = geographyOf(model);
  let assignment =
    lsoaCode === undefined ? undefined : geography.assignmentOn(lsoaCode, "commissioner", date);
  let basis: CommissionerOnDate["basis"] = "lsoa";
  if (assignment === undefined) {
    if (districtCode === undefined) return null;
    const areas = geography.districtAreasOn("commissioner", districtCode, date);
    if (areas.length !== 1) return null;
    assignment = areas[0];
    basis = "district";
  }
  if (assignment === undefined || !isCommissioner(assignment)) return null;
  if (basis === "district")
    return commissionerOf(model, assignment, basis, lsoaCode, districtCode, date);
  // From the LSOA's own assignment, the answer is the same for every LSOA the lookup puts in
  // the same area with the same dates: one object for all of them (per model and date).
  let memo = commissioners.get(model);
  if (memo === undefined) {
    memo = new Map();
    commissioners.set(model, memo);
  }
  const { area, icb, vintage, valid } = assignment;
  const key = `${date}|${assignment.areaKind}|${JSON.stringify(area)}|${icb === undefined ? "" : JSON.stringify(icb)}|${vintage.year}|${vintage.from}|${valid.from}|${valid.to}|${assignment.source}`;
  let commissioner = memo.get(key);
  if (commissioner === undefined) {
    commissioner = commissionerOf(model, assignment, basis, lsoaCode, districtCode, date);
    if (memo.size >= 20_000) memo.clear();
    memo.set(key, commissioner);
  }
  return commissioner;
};

/** The commissioners answered so far from LSOAs' own assignments, per model. */
const commissioners = new WeakMap<ReadModel, Map<string, CommissionerOnDate>>();

/** A commissioner assignment (not a ward's). */
type CommissionerAssignment = LsoaAssignment & { readonly areaKind: "ccg" | "sub-icb-location" };

const isCommissioner = (assignment: LsoaAssignment): assignment is CommissionerAssignment =>
  assignment.areaKind !== "ward";

/** The commissioner an assignment names on `date`, resolved to the register's organisation. */
const commissionerOf = (
  model: ReadModel,
  assignment: CommissionerAssignment,
  basis: CommissionerOnDate["basis"],
  lsoaCode: string | undefined,
  districtCode: string | undefined,
  date: IsoDate,
): CommissionerOnDate => {
  const area = assignment.area;
  let organisation = organisationOn(model, area.code, date, commissionerKinds);
  let successionPath: string[] = [];
  const notes: string[] = [];
  if (organisation === undefined) {
    const carriers = holdersOf(model, area.code)
      .flatMap((id) => resolveSuccessor(model.index, id, date))
      .filter((path) => path.version !== undefined && path.kind === "organisation");
    const ids = [...new Set(carriers.map((path) => path.id))];
    const only = carriers[0];
    if (ids.length === 1 && only !== undefined) {
      organisation = only.version as Organisation;
      successionPath = [...only.path];
    } else if (ids.length > 1) {
      notes.push(
        `${area.code} had closed by ${date} and was carried on by ${ids.length} bodies; the lookup does not say which serves this LSOA`,
      );
    } else if (holdersOf(model, area.code).length === 0) {
      notes.push(
        `the register has no record of ${area.code}: it is named as the ${assignment.vintage.year} lookup names it`,
      );
    }
  }
  if (basis === "district") {
    notes.push(
      lsoaCode === undefined
        ? `from the district: on ${date} every LSOA of ${districtCode} is in ${area.code}`
        : `the LSOA lookups do not place ${lsoaCode} on ${date}; every LSOA of its district ${districtCode} is in ${area.code} then`,
    );
  }
  const kind: CommissionerOnDate["kind"] =
    organisation?.kind === "ccg" || organisation?.kind === "sub-icb-location"
      ? organisation.kind
      : assignment.areaKind;
  let icb: CommissionerBody | null = null;
  if (kind === "sub-icb-location") {
    const parent = versionOn(model, "organisation", organisation?.parentId, date);
    const icbCode =
      parent === undefined
        ? assignment.icb?.code
        : (codeOf(parent.codes, "ods", date) ?? assignment.icb?.code);
    const byCode =
      icbCode === undefined ? undefined : organisationOn(model, icbCode, date, ["icb"]);
    const icbOrganisation = parent?.kind === "icb" ? parent : byCode;
    if (icbCode !== undefined || icbOrganisation !== undefined) {
      icb = {
        code: icbCode ?? "",
        name: icbOrganisation?.name ?? assignment.icb?.name ?? null,
        organisation: icbOrganisation ?? null,
      };
    }
  }
  return {
    kind,
    code:
      (organisation === undefined ? undefined : codeOf(organisation.codes, "ods", date)) ??
      area.code,
    name: organisation?.name ?? area.name ?? null,
    organisation: organisation ?? null,
    icb,
    basis,
    lookup: {
      vintage: assignment.vintage,
      valid: assignment.valid,
      area,
      areaKind: assignment.areaKind,
      source: assignment.source,
    },
    successionPath,
    note: notes.length === 0 ? null : `${notes.join("; ")}.`,
  };
};
