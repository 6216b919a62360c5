/**
 * @module postcode
 * From a postcode to the care system around it on a date: postcode → LSOA → neighbourhoods
 * of geographic schemes → place → sub-ICB location → ICB. Only geographic footprints apply:
 * where someone lives does not say which GP list (registered-population neighbourhood) they
 * are on. Postcodes are reference data; only those loaded into the store are known.
 */
import { normalisePostcode, type PostcodeLocation } from "@care-atlas/domain";
import { Effect } from "effect";
import { invalidInput, NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";
import type { ReadModel } from "../ReadModel.js";
import type { ReadOptions } from "./getEntity.js";
import { type LsoaRead, lsoaChain } from "./lsoa.js";

/** What is around a postcode on a date. */
export interface PostcodeRead extends LsoaRead {
  readonly postcode: PostcodeLocation;
}

export type PostcodeVerb = (
  postcode: string,
  options?: ReadOptions,
) => Effect.Effect<PostcodeRead, NotFound | ValidationFailed | StoreUnavailable>;

/** Why one postcode of a bulk lookup has no answer. */
export interface PostcodeLookupError {
  /** `invalid-postcode`: not a UK postcode; `not-found`: the register does not have it. */
  readonly code: "invalid-postcode" | "not-found";
  readonly detail: string;
}

/** The answer for one postcode of a bulk lookup: a read or an error, never both. */
export type PostcodeLookupItem =
  | {
      /** The text as given. */
      readonly input: string;
      /** The postcode in canonical form. */
      readonly postcode: string;
      readonly read: PostcodeRead;
      readonly error: null;
    }
  | {
      readonly input: string;
      /** `null` when the text is not a UK postcode. */
      readonly postcode: string | null;
      readonly read: null;
      readonly error: PostcodeLookupError;
    };

export type LookupPostcodesVerb = (
  postcodes: ReadonlyArray<string>,
  options?: ReadOptions,
) => Effect.Effect<ReadonlyArray<PostcodeLookupItem>, ValidationFailed | StoreUnavailable>;

/**
 * Looks up every postcode of `postcodes` in `model` on `validAt`, in one plain loop (no
 * Effect per item): one answer per input, in order. Postcodes of one LSOA share its chain
 * (the same objects), worked out once per call.
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
  const chains = new Map<string, LsoaRead>();
  const items: PostcodeLookupItem[] = new Array(postcodes.length);
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
    const location = model.postcode(postcode);
    if (location === undefined) {
      items[i] = {
        input,
        postcode,
        read: null,
        error: { code: "not-found", detail: `the register has no postcode ${postcode}` },
      };
      continue;
    }
    let chain = chains.get(location.lsoaCode);
    if (chain === undefined) {
      const lsoa = model.lsoa(location.lsoaCode);
      if (lsoa === undefined) {
        items[i] = {
          input,
          postcode,
          read: null,
          error: {
            code: "not-found",
            detail: `postcode ${postcode} is in LSOA ${location.lsoaCode}, which the register does not have`,
          },
        };
        continue;
      }
      chain = lsoaChain(model, lsoa, validAt);
      chains.set(location.lsoaCode, chain);
    }
    items[i] = { input, postcode, read: { postcode: location, ...chain }, error: null };
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

/** `postcode(pc, { validAt?, asOf? })`. */
export const makePostcode =
  (ctx: RegisterContext): PostcodeVerb =>
  (text, options) =>
    Effect.gen(function* () {
      const postcode = typeof text === "string" ? normalisePostcode(text) : null;
      if (postcode === null) {
        return yield* invalidInput([
          { path: "postcode", message: `"${String(text)}" is not a UK postcode` },
        ]);
      }
      const { validAt, asOf } = yield* parseReadOptions(options);
      const model = yield* ctx.live.at(asOf);
      const location = model.postcode(postcode);
      if (location === undefined) {
        return yield* new NotFound({
          what: "postcode",
          key: postcode,
          message: `the register has no postcode ${postcode}`,
        });
      }
      const lsoa = model.lsoa(location.lsoaCode);
      if (lsoa === undefined) {
        return yield* new NotFound({
          what: "lsoa",
          key: location.lsoaCode,
          message: `postcode ${postcode} is in LSOA ${location.lsoaCode}, which the register does not have`,
        });
      }
      return { postcode: location, ...lsoaChain(model, lsoa, validAt) } satisfies PostcodeRead;
    });
