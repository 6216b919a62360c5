/**
 * @module practice
 * From a GP practice's ODS code to the care system around it on a date: the practice, its
 * PCN (the `member-of` relationship valid on the date), the neighbourhoods whose footprint
 * lists the practice or that PCN, and the place → sub-ICB location → ICB above them.
 */
import { findByCode, type Organisation, type Relationship } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions, parseWith } from "../internal/input.js";
import {
  chainOf,
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
      return {
        practice,
        pcn: pcn ?? null,
        membership: membership ?? null,
        neighbourhoods,
        ...chainOf(model, place, validAt),
        dataVersion: model.seq,
      } satisfies PracticeRead;
    });
