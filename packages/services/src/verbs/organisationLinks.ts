/**
 * @module organisationLinks
 * The organisations a client needs next from each of a list of organisations, on a date:
 * for a GP practice the PCN it is a member of, and for a practice or a PCN the sub-ICB
 * location of its place. One read-model pass for a whole page.
 */
import type { Organisation } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions, parseWith } from "../internal/input.js";
import { chainOf, pcnOf, versionOn } from "../internal/lookup.js";
import type { ReadOptions } from "./getEntity.js";

/** What one organisation leads to on the date. */
export interface OrganisationLinks {
  /** A GP practice's PCN (`member-of` valid on the date); null otherwise. */
  readonly pcn: Organisation | null;
  /** The sub-ICB location of a practice's or PCN's place; null otherwise. */
  readonly subIcbLocation: Organisation | null;
}

export type OrganisationLinksVerb = (
  ids: ReadonlyArray<string>,
  options?: ReadOptions,
) => Effect.Effect<ReadonlyArray<OrganisationLinks>, ValidationFailed | StoreUnavailable>;

const Ids = z.array(z.string()).max(10_000);

const none: OrganisationLinks = { pcn: null, subIcbLocation: null };

/**
 * `organisationLinks(ids, { validAt?, asOf? })`: one entry per id, in order.
 *
 * @example
 * ```ts
 * import { Register } from "@care-atlas/services";
 * import { Effect } from "effect";
 *
 * const pcns = Effect.gen(function* () {
 *   const register = yield* Register;
 *   const links = yield* register.organisationLinks(["org_…"], { validAt: "2024-04-01" });
 *   return links.map((link) => link.pcn?.name ?? null);
 * });
 * ```
 */
export const makeOrganisationLinks =
  (ctx: RegisterContext): OrganisationLinksVerb =>
  (ids, options) =>
    Effect.gen(function* () {
      const wanted = yield* parseWith(Ids, ids, "ids");
      const { validAt, asOf } = yield* parseReadOptions(options);
      const model = yield* ctx.live.at(asOf);
      return wanted.map((id): OrganisationLinks => {
        const organisation = versionOn(model, "organisation", id, validAt);
        if (organisation === undefined) return none;
        if (organisation.kind !== "gp-practice" && organisation.kind !== "pcn") return none;
        const pcn =
          organisation.kind === "gp-practice"
            ? (pcnOf(model, organisation.id, validAt)?.pcn ?? null)
            : null;
        const placeId = organisation.placeId ?? pcn?.placeId;
        const place = versionOn(model, "place", placeId, validAt);
        return { pcn, subIcbLocation: chainOf(model, place, validAt).subIcbLocation };
      });
    });
