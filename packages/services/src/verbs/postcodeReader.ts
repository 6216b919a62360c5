/**
 * @module postcodeReader
 * The `postcode` verb as a plain function pinned to one data version: for a caller that
 * answers many lookups between two writes (the API's hot path for postcode lookups) and
 * cannot afford an Effect per lookup. Its answers are the verb's, from the same code
 * (`postcodeIn`): the same read, or the error the verb fails with, as a value. A reader
 * never changes: once the register has moved on (`dataVersion` is behind the register's),
 * take a new one.
 */
import { type IsoDate, normalisePostcode } from "@care-atlas/domain";
import { Effect } from "effect";
import { invalidInput } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { notAPostcode, type PostcodeReading, postcodeIn } from "./postcode.js";

/** Lookups of the current recorded state at one data version, with no I/O. */
export interface PostcodeReader {
  /** The data version it reads. */
  readonly dataVersion: number;
  /**
   * `postcode` (any case and spacing) on `validAt` (YYYY-MM-DD): the answer, or why there
   * is none (a `ValidationFailed` for a text that is not a
   * UK postcode or a date that is not YYYY-MM-DD).
   */
  readonly read: (postcode: string, validAt: IsoDate) => PostcodeReading;
}

/** A reader of the register's current model. */
export type PostcodeReaderVerb = Effect.Effect<PostcodeReader>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** `postcodeReader`: a {@link PostcodeReader} of the current model. */
export const makePostcodeReader = (ctx: RegisterContext): PostcodeReaderVerb =>
  Effect.sync(() => {
    const model = ctx.live.current();
    return {
      dataVersion: model.seq,
      read: (text, validAt) => {
        const postcode = typeof text === "string" ? normalisePostcode(text) : null;
        if (postcode === null) return { read: null, error: notAPostcode(text) };
        if (typeof validAt !== "string" || !isoDate.test(validAt)) {
          return {
            read: null,
            error: invalidInput([{ path: "validAt", message: "must be a date, YYYY-MM-DD" }]),
          };
        }
        return postcodeIn(model, postcode, validAt);
      },
    };
  });
