/**
 * @module lsoa
 * From an LSOA to the care system around it on a date: the neighbourhoods whose geographic
 * footprint contains it (one per scheme that lists LSOAs), its place (by its local authority
 * district), and — from the LSOA lookups in force on the date, one vintage for the whole
 * answer — its ward and its commissioner (a CCG before July 2022, a sub-ICB location and
 * its ICB after), with the system above. An LSOA the register knows only from its lookups
 * (one outside the register's own LSOAs that a lookup assigned to one of its commissioners)
 * is answered with `lsoa: null` and what the lookups say.
 */
import { type IsoDate, type Lsoa, LsoaCode, type Organisation } from "@care-atlas/domain";
import { Effect } from "effect";
import { NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import {
  type CommissionerOnDate,
  commissionerOn,
  geographyOf,
  type WardOnDate,
  wardOn,
} from "../internal/geography.js";
import { parseReadOptions, parseWith } from "../internal/input.js";
import {
  chainOf,
  commissionersOf,
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
  /** The LSOA's code. */
  readonly code: string;
  /**
   * The register's record of the LSOA (its ward is in `ward`, of the date's vintage), or
   * `null` when the register knows the LSOA only from the LSOA lookups.
   */
  readonly lsoa: Lsoa | null;
  /** The LSOA's ward on the date, from the ward lookup in force then. */
  readonly ward: WardOnDate | null;
  /** The LSOA's commissioner on the date, from the commissioner lookup in force then. */
  readonly commissioner: CommissionerOnDate | null;
  /** The CCG on the date (before July 2022), when the register has its record. */
  readonly ccg: Organisation | null;
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

/** An LSOA record as answered: its ward is given, dated, in `ward`. */
export const withoutWard = (lsoa: Lsoa): Lsoa => {
  if (lsoa.ward === undefined) return lsoa;
  const { ward: _ward, ...rest } = lsoa;
  return rest;
};

/** The surroundings of an LSOA (by code, with its record when the register has one). */
export const areaChain = (
  model: ReadModel,
  code: string,
  lsoa: Lsoa | undefined,
  validAt: IsoDate,
): LsoaRead => {
  const neighbourhoods =
    lsoa === undefined
      ? []
      : neighbourhoodsOn(model, model.neighbourhoodsOfLsoa(code), validAt, (n) =>
          n.footprint.lsoas.includes(code),
        );
  const district =
    lsoa?.districtCode ??
    geographyOf(model)
      .assignmentsOf(code)
      .find((a) => a.districtCode !== undefined)?.districtCode;
  const place =
    (district === undefined ? undefined : placeOfDistrict(model, district, validAt)) ??
    versionOn(model, "place", neighbourhoods[0]?.neighbourhood.placeId, validAt);
  const chain = chainOf(model, place, validAt);
  const commissioner = commissionerOn(model, code, district, validAt);
  return {
    code,
    lsoa: lsoa === undefined ? null : withoutWard(lsoa),
    neighbourhoods,
    ...chain,
    ...commissionersOf(chain, commissioner),
    ward: wardOn(model, code, validAt),
    commissioner,
    dataVersion: model.seq,
  };
};

/** The LSOA's surroundings in `model` on `validAt`. */
export const lsoaChain = (
  model: ReadModel,
  lsoa: Lsoa,
  validAt: IsoDate,
): LsoaRead & { readonly lsoa: Lsoa } => ({
  ...areaChain(model, lsoa.code, lsoa, validAt),
  lsoa: withoutWard(lsoa),
});

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
      if (lsoa === undefined && geographyOf(model).assignmentsOf(lsoaCode).length === 0) {
        return yield* new NotFound({
          what: "lsoa",
          key: lsoaCode,
          message: `no LSOA ${lsoaCode} in the register`,
        });
      }
      return areaChain(model, lsoaCode, lsoa, validAt);
    });
