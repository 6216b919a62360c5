/**
 * @module practice
 * From a GP practice's ODS code to the care system around it on a date: the practice, its
 * PCN (the `member-of` relationship valid on the date), the neighbourhoods whose footprint
 * lists the practice or that PCN, the place, and the commissioner of the date (a CCG before
 * July 2022, a sub-ICB location and its ICB after) from the LSOA lookups in force then: that
 * of the LSOA of the practice's postcode when the register holds the postcode, else the one
 * commissioner of all its place's LSOAs (none when the place had several, as Manchester did
 * before April 2017).
 */
import { codeOf, findByCode, type Organisation, type Relationship } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { type CommissionerOnDate, commissionerOn } from "../internal/geography.js";
import { parseReadOptions, parseWith } from "../internal/input.js";
import {
  chainOf,
  commissionersOf,
  type NeighbourhoodInScheme,
  neighbourhoodsOn,
  type PlaceChain,
  versionOn,
} from "../internal/lookup.js";
import type { ReadOptions } from "./getEntity.js";

/** What is around a practice on a date. */
export interface PracticeRead extends PlaceChain {
  readonly practice: Organisation;
  /** The PCN the practice is a member of on the date, if any. */
  readonly pcn: Organisation | null;
  /** The membership relationship. */
  readonly membership: Relationship | null;
  /** Neighbourhoods whose footprint lists the practice or its PCN. */
  readonly neighbourhoods: NeighbourhoodInScheme[];
  /**
   * The commissioner on the date: of the LSOA of the practice's postcode (when the register
   * holds it), else of its place's district (`basis: "district"`).
   */
  readonly commissioner: CommissionerOnDate | null;
  /** The CCG on the date (before July 2022), when the register has its record. */
  readonly ccg: Organisation | null;
  readonly dataVersion: number;
}

export type PracticeVerb = (
  odsCode: string,
  options?: ReadOptions,
) => Effect.Effect<PracticeRead, NotFound | ValidationFailed | StoreUnavailable>;

const OdsCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{5}$/, { error: "must be a GP practice ODS code: a letter and 5 digits" });

/** `practice(odsCode, { validAt?, asOf? })`. */
export const makePractice =
  (ctx: RegisterContext): PracticeVerb =>
  (odsCode, options) =>
    Effect.gen(function* () {
      const code = yield* parseWith(OdsCode, odsCode, "odsCode");
      const { validAt, asOf } = yield* parseReadOptions(options);
      const model = yield* ctx.live.at(asOf);
      const practice = findByCode(model.index, code, { system: "ods", date: validAt })
        .map((match) => (match.kind === "organisation" ? match.version : undefined))
        .find((org) => org?.kind === "gp-practice");
      if (practice === undefined) {
        return yield* new NotFound({
          what: "practice",
          key: code,
          message: `no GP practice holds the ODS code ${code} on ${validAt}`,
        });
      }
      let pcn: Organisation | undefined;
      let membership: Relationship | undefined;
      for (const id of model.membershipsOf(practice.id)) {
        const relationship = versionOn(model, "relationship", id, validAt);
        if (relationship?.kind !== "member-of" || relationship.subjectId !== practice.id) continue;
        const object = versionOn(model, "organisation", relationship.objectId, validAt);
        if (object?.kind === "pcn") {
          pcn = object;
          membership = relationship;
          break;
        }
      }
      const candidates = new Set([
        ...model.neighbourhoodsOfPractice(practice.id),
        ...(pcn === undefined ? [] : model.neighbourhoodsOfPcn(pcn.id)),
      ]);
      const neighbourhoods = neighbourhoodsOn(
        model,
        [...candidates],
        validAt,
        (n) =>
          n.footprint.practiceIds.includes(practice.id) ||
          (pcn !== undefined && n.footprint.pcnIds.includes(pcn.id)),
      );
      const place =
        versionOn(model, "place", practice.placeId, validAt) ??
        versionOn(model, "place", pcn?.placeId, validAt) ??
        versionOn(model, "place", neighbourhoods[0]?.neighbourhood.placeId, validAt);
      const chain = chainOf(model, place, validAt);
      const located =
        practice.postcode === undefined ? undefined : model.postcode(practice.postcode);
      const district = place === undefined ? undefined : codeOf(place.codes, "gss", validAt);
      const commissioner =
        (located === undefined
          ? null
          : commissionerOn(
              model,
              located.lsoaCode,
              model.lsoa(located.lsoaCode)?.districtCode ?? district,
              validAt,
            )) ??
        (district === undefined ? null : commissionerOn(model, undefined, district, validAt));
      return {
        practice,
        pcn: pcn ?? null,
        membership: membership ?? null,
        neighbourhoods,
        ...chain,
        ...commissionersOf(chain, commissioner),
        commissioner,
        dataVersion: model.seq,
      } satisfies PracticeRead;
    });
