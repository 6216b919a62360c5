/**
 * @module postcodeReader
 * The `postcode` and `lookupPostcodes` verbs as plain functions pinned to one data version:
 * for a caller that answers many lookups from one model and cannot afford an Effect per
 * lookup (the API's hot path for postcode lookups, between two writes) or must answer from
 * one version throughout (a bulk answer streamed a chunk at a time). Its answers are the
 * verbs', from the same code (`postcodeIn`, `lookupPostcodesIn`): the same read, or the
 * error the verb fails with, as a value. A reader never changes: once the register has
 * moved on (`dataVersion` is behind the register's), take a new one.
 */
import { type IsoDate, normalisePostcode } from "@care-atlas/domain";
import { Effect } from "effect";
import { invalidInput, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";
import type { ReadModel } from "../ReadModel.js";
import {
  lookupPostcodesIn,
  notAPostcode,
  type PostcodeLookupItem,
  type PostcodeReading,
  postcodeIn,
} from "./postcode.js";

/** Lookups of the register as recorded at one data version, with no I/O. */
export interface PostcodeReader {
  /** The data version it reads. */
  readonly dataVersion: number;
  /**
   * `postcode` (any case and spacing) on `validAt` (YYYY-MM-DD): the answer, or why there
   * is none (a `ValidationFailed` for a text that is not a UK postcode or a date that is
   * not YYYY-MM-DD).
   */
  readonly read: (postcode: string, validAt: IsoDate) => PostcodeReading;
  /**
   * Each of `postcodes` on `validAt` (YYYY-MM-DD, which the caller has validated): one
   * answer or error per item, in order, as `lookupPostcodes` gives them.
   */
  readonly lookup: (postcodes: ReadonlyArray<string>, validAt: IsoDate) => PostcodeLookupItem[];
}

/** What a reader reads: the register as recorded at `asOf` (default: now). */
export interface PostcodeReaderOptions {
  readonly asOf?: Date | undefined;
}

/** `postcodeReader(options?)`: a reader of the model as recorded at `asOf`. */
export type PostcodeReaderVerb = (
  options?: PostcodeReaderOptions,
) => Effect.Effect<PostcodeReader, ValidationFailed | StoreUnavailable>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The reader of one model. */
export const readerOf = (model: ReadModel): PostcodeReader => ({
  dataVersion: model.seq,
  read: (text, validAt) => {
    const postcode = typeof text === "string" ? normalisePostcode(text) : null;
    if (postcode === null) return { read: null, area: null, own: null, error: notAPostcode(text) };
    if (typeof validAt !== "string" || !isoDate.test(validAt)) {
      return {
        read: null,
        area: null,
        own: null,
        error: invalidInput([{ path: "validAt", message: "must be a date, YYYY-MM-DD" }]),
      };
    }
    return postcodeIn(model, postcode, validAt);
  },
  lookup: (postcodes, validAt) => lookupPostcodesIn(model, postcodes, validAt),
});

/** `postcodeReader`: a {@link PostcodeReader} of the model as recorded at `asOf`. */
export const makePostcodeReader =
  (ctx: RegisterContext): PostcodeReaderVerb =>
  (options) =>
    Effect.gen(function* () {
      const { asOf } = yield* parseReadOptions(options);
      return readerOf(yield* ctx.live.at(asOf));
    });
