/**
 * @module lsoa
 * From an LSOA to the care system around it on a date: the neighbourhoods whose geographic
 * footprint contains it (one per scheme that lists LSOAs), its place (by its local authority
 * district), the place's sub-ICB location, the ICB and the system.
 */
import { type Lsoa, LsoaCode } from "@care-atlas/domain";
import { Effect } from "effect";
import { NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions, parseWith } from "../internal/input.js";
import {
  chainOf,
  type NeighbourhoodInScheme,
  neighbourhoodsOn,
  type PlaceChain,
  placeOfDistrict,
  versionOn,
} from "../internal/lookup.js";
import type { ReadModel } from "../ReadModel.js";
import type { ReadOptions } from "./getEntity.js";

/** What is around an LSOA on a date. */
export interface LsoaRead extends PlaceChain {
  readonly lsoa: Lsoa;
  /**
   * Neighbourhoods whose footprint lists the LSOA: geographic (or mixed) schemes only. A
   * registered-population neighbourhood is defined by GP lists, not by where people live,
   * so an address cannot place anyone in one.
   */
  readonly neighbourhoods: NeighbourhoodInScheme[];
  readonly dataVersion: number;
}

export type LsoaVerb = (
  code: string,
  options?: ReadOptions,
) => Effect.Effect<LsoaRead, NotFound | ValidationFailed | StoreUnavailable>;

/** The LSOA's surroundings in `model` on `validAt`. */
export const lsoaChain = (model: ReadModel, lsoa: Lsoa, validAt: string): LsoaRead => {
  const neighbourhoods = neighbourhoodsOn(
    model,
    model.neighbourhoodsOfLsoa(lsoa.code),
    validAt,
    (n) => n.footprint.lsoas.includes(lsoa.code),
  );
  const place =
    placeOfDistrict(model, lsoa.districtCode, validAt) ??
    versionOn(model, "place", neighbourhoods[0]?.neighbourhood.placeId, validAt);
  return { lsoa, neighbourhoods, ...chainOf(model, place, validAt), dataVersion: model.seq };
};

/** `lsoa(code, { validAt?, asOf? })`. */
export const makeLsoa =
  (ctx: RegisterContext): LsoaVerb =>
  (code, options) =>
    Effect.gen(function* () {
      const lsoaCode = yield* parseWith(
        LsoaCode,
        typeof code === "string" ? code.trim().toUpperCase() : code,
        "code",
      );
      const { validAt, asOf } = yield* parseReadOptions(options);
      const model = yield* ctx.live.at(asOf);
      const lsoa = model.lsoa(lsoaCode);
      if (lsoa === undefined) {
        return yield* new NotFound({
          what: "lsoa",
          key: lsoaCode,
          message: `no LSOA ${lsoaCode} in the register`,
        });
      }
      return lsoaChain(model, lsoa, validAt);
    });
