/**
 * @module getByCode
 * Every record that holds an ODS or ONS GSS code on a date: systems, places, organisations
 * and LSOAs (a place and its council share a district code; a system and its ICB an E54).
 */
import {
  type CodeMatch,
  type CodeSystem,
  CodeSystem as CodeSystemSchema,
  findByCode,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions, parseWith } from "../internal/input.js";
import type { ReadOptions } from "./getEntity.js";

/** Options of `getByCode`. */
export interface ByCodeOptions extends ReadOptions {
  /** Only codes of this system. */
  readonly system?: CodeSystem | undefined;
}

/** The holders of a code. */
export interface ByCodeRead {
  /** Most recent first, then system, place, organisation, LSOA. */
  readonly matches: ReadonlyArray<CodeMatch>;
  readonly dataVersion: number;
}

export type GetByCode = (
  code: string,
  options?: ByCodeOptions,
) => Effect.Effect<ByCodeRead, NotFound | ValidationFailed | StoreUnavailable>;

const Code = z.string().trim().min(1, { error: "a code is required" }).max(20);

/** `getByCode(code, { system?, validAt?, asOf? })`. */
export const makeGetByCode =
  (ctx: RegisterContext): GetByCode =>
  (code, options) =>
    Effect.gen(function* () {
      const value = yield* parseWith(Code, code, "code");
      const system = yield* parseWith(CodeSystemSchema.optional(), options?.system, "system");
      const { validAt, asOf } = yield* parseReadOptions({
        validAt: options?.validAt,
        asOf: options?.asOf,
      });
      const model = yield* ctx.live.at(asOf);
      const matches = findByCode(model.index, value, {
        date: validAt,
        ...(system === undefined ? {} : { system }),
      });
      if (matches.length === 0) {
        return yield* new NotFound({
          what: "code",
          key: value,
          message: `nothing holds the code ${value} on ${validAt}`,
        });
      }
      return { matches, dataVersion: model.seq } satisfies ByCodeRead;
    });
