/**
 * @module postcode
 * From a postcode to the care system around it on a date: postcode → LSOA → neighbourhoods
 * of geographic schemes → place, and the ward and commissioner of the LSOA lookups in force
 * on the date (one vintage for the whole answer). Only geographic footprints apply: where
 * someone lives does not say which GP list (registered-population neighbourhood) they are
 * on. Postcodes are reference data with their months of introduction and termination: a
 * terminated postcode answers with its termination and where it was; one not yet introduced
 * on the date is not found; a valid postcode the register does not hold fails with
 * `OutsideCoverage`, which says which areas' postcodes are loaded and how to load the rest.
 */
import {
  type IsoDate,
  type Lsoa,
  normalisePostcode,
  type PostcodeRecord,
  postcodeStatusOn,
} from "@care-atlas/domain";
import { Effect } from "effect";
import {
  invalidInput,
  NotFound,
  OutsideCoverage,
  type PostcodeCoverage,
  type StoreUnavailable,
  type ValidationFailed,
} from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { datedMemo } from "../internal/datedMemo.js";
import { geographyOf, postcodeWardOn } from "../internal/geography.js";
import { parseReadOptions } from "../internal/input.js";
import { placeOfDistrict } from "../internal/lookup.js";
import type { ReadModel } from "../ReadModel.js";
import type { ReadOptions } from "./getEntity.js";
import { type LsoaRead, lsoaChain } from "./lsoa.js";

/** What is around a postcode on a date. */
export interface PostcodeRead extends Omit<LsoaRead, "lsoa"> {
  /**
   * The postcode as its directory states it; its `wardCode` only when the directory is of
   * the ward vintage in force on the date (the ward of the answer is `ward`).
   */
  readonly postcode: PostcodeRecord;
  /** `live` on the date, or `terminated` (`postcode.terminated` says when). */
  readonly status: "live" | "terminated";
  readonly lsoa: Lsoa;
}

export type PostcodeVerb = (
  postcode: string,
  options?: ReadOptions,
) => Effect.Effect<PostcodeRead, NotFound | OutsideCoverage | ValidationFailed | StoreUnavailable>;

/** Why one postcode of a bulk lookup has no answer. */
export interface PostcodeLookupError {
  /**
   * `invalid-postcode`: not a UK postcode; `outside-coverage`: the register does not hold
   * it (it holds other areas' postcodes only); `not-found`: it was not yet introduced on the
   * date, or its LSOA is not in the register.
   */
  readonly code: "invalid-postcode" | "outside-coverage" | "not-found";
  readonly detail: string;
}

const districtName = (model: ReadModel, code: string, date: IsoDate): string | null => {
  const place = placeOfDistrict(model, code, date);
  return place === undefined ? null : place.name;
};

/** The coverage of a model on a date and what to say about it, worked out once per both. */
interface CoverageOnDate {
  readonly areas: PostcodeCoverage[];
  /** "it holds the postcodes of … only" (or "it holds no postcodes"). */
  readonly held: string;
}

const count = (n: number) => n.toLocaleString("en-GB");

const heldText = (coverage: ReadonlyArray<PostcodeCoverage>): string =>
  coverage.length === 0
    ? "it holds no postcodes"
    : `it holds the postcodes of ${coverage
        .slice(0, 12)
        .map(
          (area) =>
            `${area.name ?? area.districtCode}${area.name === null ? "" : ` (${area.districtCode})`}: ${count(area.postcodes)}`,
        )
        .join(
          ", ",
        )}${coverage.length > 12 ? ` and ${coverage.length - 12} more districts` : ""} only`;

/**
 * The coverage of `model` on `date`, memoised: a run of lookups of postcodes the register
 * does not hold (the commonest miss) names the districts once, not once per miss.
 */
const coverageOn = datedMemo(16, (model: ReadModel, date: IsoDate): CoverageOnDate => {
  const areas = geographyOf(model)
    .coverage()
    .map((area) => ({ ...area, name: districtName(model, area.districtCode, date) }));
  return { areas, held: heldText(areas) };
});

/** The areas whose postcodes the register holds, named by their places on `date`. */
export const postcodeCoverage = (model: ReadModel, date: IsoDate): PostcodeCoverage[] => [
  ...coverageOn(model, date).areas,
];

/** What to say about a postcode the register does not hold. */
export const outsideCoverage = (
  model: ReadModel,
  postcode: string,
  date: IsoDate,
): OutsideCoverage => {
  const { areas, held } = coverageOn(model, date);
  return new OutsideCoverage({
    postcode,
    coverage: [...areas],
    message: `the register holds no postcode ${postcode}: ${held}. To look up postcodes anywhere in the UK, load the ONS Postcode Directory (ONSPD) or the National Statistics Postcode Lookup (NSPL), from the ONS Open Geography Portal, with an import of kind ons-postcodes.`,
  });
};

/** The postcode as answered on a date: its ward only when of the date's vintage. */
const answered = (record: PostcodeRecord, wardCode: string | undefined): PostcodeRecord => {
  if (record.wardCode === wardCode) return record;
  const { wardCode: _ward, ...rest } = record;
  return wardCode === undefined ? rest : { ...rest, wardCode };
};

const notIntroduced = (record: PostcodeRecord, date: IsoDate) =>
  `postcode ${record.postcode} was introduced in ${record.introduced}: on ${date} it did not exist yet`;

/** Dates whose chains are kept per model (most lookups are of today). */
export const chainDates = 8;

/** The LSOAs' chains answered so far, per model, date and LSOA (a model is immutable). */
const chains = datedMemo<ReadModel, WeakMap<Lsoa, PostcodeArea>>(chainDates, () => new WeakMap());

/**
 * An LSOA's chain on a date, worked out once per model and date: postcodes of one LSOA,
 * in one request or many, share it (the same objects). Kept as long as the model and its
 * LSOA record, for the last few dates asked.
 */
const chainOf = (model: ReadModel, lsoa: Lsoa, validAt: IsoDate): PostcodeArea => {
  const memo = chains(model, validAt);
  let chain = memo.get(lsoa);
  if (chain === undefined) {
    chain = lsoaChain(model, lsoa, validAt);
    memo.set(lsoa, chain);
  }
  return chain;
};

/** The postcode's own part of its answer, given its LSOA's chain. */
const ownOf = (
  model: ReadModel,
  record: PostcodeRecord,
  chain: PostcodeArea,
  validAt: IsoDate,
): PostcodeOwn => {
  // The postcode's own ward, or the LSOA's, which its chain holds (the same answer).
  const ward = postcodeWardOn(model, record, validAt) ?? chain.ward;
  const status = postcodeStatusOn(record, validAt) === "terminated" ? "terminated" : "live";
  return {
    postcode: answered(record, ward?.basis === "postcode" ? ward.code : undefined),
    status,
    ward,
  };
};

/**
 * A postcode found: its LSOA's part and its own, and the answer (the two together, made
 * when first asked for: a caller writing the answer from its parts never makes it).
 */
class Found {
  readonly kind = "found";
  readonly error = null;
  #read: PostcodeRead | undefined;

  constructor(
    readonly area: PostcodeArea,
    readonly own: PostcodeOwn,
  ) {}

  get read(): PostcodeRead {
    // The area's members in its order (`ward` among them), then the postcode and status.
    this.#read ??= { ...this.area, ...this.own };
    return this.#read;
  }
}

/** The answer for one postcode of a bulk lookup: a read or an error, never both. */
export type PostcodeLookupItem =
  | {
      /** The text as given. */
      readonly input: string;
      /** The postcode in canonical form. */
      readonly postcode: string;
      readonly read: PostcodeRead;
      /** The LSOA's part of the read, shared by its postcodes (see {@link PostcodeArea}). */
      readonly area: PostcodeArea;
      readonly error: null;
    }
  | {
      readonly input: string;
      /** `null` when the text is not a UK postcode. */
      readonly postcode: string | null;
      readonly read: null;
      readonly error: PostcodeLookupError;
    };

/** Where a canonical postcode stands in a model on a date: its answer, or why there is none. */
type Located =
  | Found
  | { readonly kind: "outside-coverage" }
  | {
      /** Not yet introduced on the date (`what: "postcode"`), or in an LSOA the register lacks. */
      readonly kind: "not-found";
      readonly what: "postcode" | "lsoa";
      readonly key: string;
      readonly message: string;
    };

/** The one place the lookups decide a postcode's answer: the verb, the reader and bulk. */
const locate = (model: ReadModel, postcode: string, validAt: IsoDate): Located => {
  const location = model.postcode(postcode);
  if (location === undefined) return { kind: "outside-coverage" };
  if (postcodeStatusOn(location, validAt) === "not-introduced") {
    return {
      kind: "not-found",
      what: "postcode",
      key: postcode,
      message: notIntroduced(location, validAt),
    };
  }
  const lsoa = model.lsoa(location.lsoaCode);
  if (lsoa === undefined) {
    return {
      kind: "not-found",
      what: "lsoa",
      key: location.lsoaCode,
      message: `postcode ${postcode} is in LSOA ${location.lsoaCode}, which the register does not have`,
    };
  }
  const area = chainOf(model, lsoa, validAt);
  return new Found(area, ownOf(model, location, area, validAt));
};

export type LookupPostcodesVerb = (
  postcodes: ReadonlyArray<string>,
  options?: ReadOptions,
) => Effect.Effect<ReadonlyArray<PostcodeLookupItem>, ValidationFailed | StoreUnavailable>;

/**
 * Looks up every postcode of `postcodes` in `model` on `validAt`, in one plain loop (no
 * Effect per item): one answer per input, in order. Postcodes of one LSOA share its chain
 * (the same objects), worked out once per model and date.
 *
 * @example
 * ```ts
 * import { lookupPostcodesIn } from "@care-atlas/services";
 * // model: a ReadModel, e.g. `yield* register.readModel`
 * const items = lookupPostcodesIn(model, ["ZZ9 9ZA", "nonsense"], "2024-01-01");
 * items[1]?.error?.code; // "invalid-postcode"
 * ```
 */
export const lookupPostcodesIn = (
  model: ReadModel,
  postcodes: ReadonlyArray<string>,
  validAt: string,
): PostcodeLookupItem[] => {
  const items: PostcodeLookupItem[] = new Array(postcodes.length);
  let coverage: string | undefined;
  for (let i = 0; i < postcodes.length; i++) {
    const input = postcodes[i] as string;
    const postcode = typeof input === "string" ? normalisePostcode(input) : null;
    if (postcode === null) {
      items[i] = {
        input,
        postcode: null,
        read: null,
        error: { code: "invalid-postcode", detail: "not a UK postcode" },
      };
      continue;
    }
    const located = locate(model, postcode, validAt);
    if (located.kind === "found") {
      items[i] = { input, postcode, read: located.read, area: located.area, error: null };
    } else if (located.kind === "outside-coverage") {
      coverage ??= outsideCoverage(model, postcode, validAt).message.replace(
        `no postcode ${postcode}`,
        "no such postcode",
      );
      items[i] = {
        input,
        postcode,
        read: null,
        error: { code: "outside-coverage", detail: coverage },
      };
    } else {
      items[i] = {
        input,
        postcode,
        read: null,
        error: { code: "not-found", detail: located.message },
      };
    }
  }
  return items;
};

/** `lookupPostcodes(postcodes, { validAt?, asOf? })`: one Effect for the whole list. */
export const makeLookupPostcodes =
  (ctx: RegisterContext): LookupPostcodesVerb =>
  (postcodes, options) =>
    Effect.gen(function* () {
      const { validAt, asOf } = yield* parseReadOptions(options);
      const model = yield* ctx.live.at(asOf);
      return lookupPostcodesIn(model, postcodes, validAt);
    });

/**
 * The LSOA's part of the answers for its postcodes on a date: one object per model, date
 * and LSOA, whose members are the same objects as those of every such answer (all but
 * `postcode`, `status` and `ward`).
 */
export type PostcodeArea = LsoaRead & { readonly lsoa: Lsoa };

/**
 * The postcode's own part of its answer: all but its LSOA's part ({@link PostcodeArea}).
 * `ward` is the postcode's own ward when its directory is of the date's ward vintage (the
 * same object for postcodes of one ward on a date), else the LSOA's.
 */
export type PostcodeOwn = Pick<PostcodeRead, "postcode" | "status" | "ward">;

/**
 * One postcode looked up in a model on a date: the answer or why there is none. Answers
 * for postcodes of one LSOA on one date share the LSOA's part, `area` (its records are the
 * same objects): all but `postcode`, `status` and `ward`.
 */
export type PostcodeReading =
  | {
      readonly read: PostcodeRead;
      readonly area: PostcodeArea;
      readonly own: PostcodeOwn;
      readonly error: null;
    }
  | {
      readonly read: null;
      readonly area: null;
      readonly own: null;
      readonly error: NotFound | OutsideCoverage | ValidationFailed;
    };

const failed = (error: NotFound | OutsideCoverage | ValidationFailed): PostcodeReading => ({
  read: null,
  area: null,
  own: null,
  error,
});

/**
 * Looks up `postcode` (canonical form: `normalisePostcode`'s) in `model` on `validAt`, in
 * plain code: the `postcode` verb and the postcode reader both answer with it.
 */
export const postcodeIn = (
  model: ReadModel,
  postcode: string,
  validAt: IsoDate,
): PostcodeReading => {
  const located = locate(model, postcode, validAt);
  if (located.kind === "found") return located;
  if (located.kind === "outside-coverage") {
    return failed(outsideCoverage(model, postcode, validAt));
  }
  const { what, key, message } = located;
  return failed(new NotFound({ what, key, message }));
};

/** The field error of a text that is not a UK postcode. */
export const notAPostcode = (text: unknown): ValidationFailed =>
  invalidInput([{ path: "postcode", message: `"${String(text)}" is not a UK postcode` }]);

/** `postcode(pc, { validAt?, asOf? })`. */
export const makePostcode =
  (ctx: RegisterContext): PostcodeVerb =>
  (text, options) =>
    Effect.gen(function* () {
      const postcode = typeof text === "string" ? normalisePostcode(text) : null;
      if (postcode === null) return yield* notAPostcode(text);
      const { validAt, asOf } = yield* parseReadOptions(options);
      const model = yield* ctx.live.at(asOf);
      const reading = postcodeIn(model, postcode, validAt);
      if (reading.error !== null) return yield* reading.error;
      return reading.read;
    });
