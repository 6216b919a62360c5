/**
 * @module resolveId
 * An id or an external code → the id of the entity it names, for callers that take either
 * (the API's filters and paths: `placeId=E08000009`, `/v1/organisations/P91603`). An id is
 * answered as it is; a code (ONS GSS, NHS ODS) by the entity of one of the wanted kinds that
 * holds it on the date, else the latest that ever held it.
 */
import { type EntityKind, findByCode, kindOfId } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { EntityKindSchema, parseReadOptions, parseWith } from "../internal/input.js";
import type { ReadOptions } from "./getEntity.js";

export type ResolveId = (
  kinds: ReadonlyArray<EntityKind>,
  key: string,
  options?: ReadOptions,
) => Effect.Effect<string | null, ValidationFailed | StoreUnavailable>;

const Key = z.string().trim().min(1, { error: "an id or a code is required" }).max(60);
const Kinds = z.array(EntityKindSchema).min(1);

/**
 * `resolveId(kinds, idOrCode, { validAt?, asOf? })`: the id, or `null` when nothing of those
 * kinds holds the code (an id of one of the kinds is answered as it is, known or not).
 *
 * @example
 * ```ts
 * import { Register } from "@care-atlas/services";
 * import { Effect } from "effect";
 *
 * const trafford = Effect.gen(function* () {
 *   const register = yield* Register;
 *   return yield* register.resolveId(["place"], "E08000009"); // "plc_…"
 * });
 * ```
 */
export const makeResolveId =
  (ctx: RegisterContext): ResolveId =>
  (kinds, key, options) =>
    Effect.gen(function* () {
      const wanted = yield* parseWith(Kinds, kinds, "kinds");
      const text = yield* parseWith(Key, key, "key");
      const kind = kindOfId(text);
      if (kind !== undefined && wanted.includes(kind)) return text;
      const { validAt, asOf } = yield* parseReadOptions(options);
      const model = yield* ctx.live.at(asOf);
      const ofKind = (matches: ReturnType<typeof findByCode>) =>
        matches.find((match) => match.kind !== "lsoa" && wanted.includes(match.kind));
      const held =
        ofKind(findByCode(model.index, text, { date: validAt })) ??
        ofKind(findByCode(model.index, text));
      return held?.id ?? null;
    });
