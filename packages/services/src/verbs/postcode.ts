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
