/**
 * @module hierarchy
 * The shape of the system on a date: system → places → neighbourhoods by scheme → teams.
 */
import { type Hierarchy, hierarchyAt } from "@care-atlas/domain";
import { Effect } from "effect";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";
import type { ReadOptions } from "./getEntity.js";

/** Options of `hierarchy`. */
export interface HierarchyReadOptions extends ReadOptions {
  /** Only this neighbourhood scheme. */
  readonly schemeId?: string | undefined;
  /** Only this system. */
  readonly systemId?: string | undefined;
}

/** The hierarchy on a date. */
export interface HierarchyRead {
  readonly hierarchy: Hierarchy;
  readonly dataVersion: number;
}

export type HierarchyVerb = (
  options?: HierarchyReadOptions,
) => Effect.Effect<HierarchyRead, ValidationFailed | StoreUnavailable>;

/** `hierarchy({ validAt?, asOf?, schemeId?, systemId? })`. */
export const makeHierarchy =
  (ctx: RegisterContext): HierarchyVerb =>
  (options) =>
    Effect.gen(function* () {
      const { validAt, asOf } = yield* parseReadOptions({
        validAt: options?.validAt,
        asOf: options?.asOf,
      });
      const model = yield* ctx.live.at(asOf);
      const hierarchy = hierarchyAt(model.index, validAt, {
        ...(options?.schemeId === undefined ? {} : { schemeId: options.schemeId }),
        ...(options?.systemId === undefined ? {} : { systemId: options.systemId }),
      });
      return { hierarchy, dataVersion: model.seq } satisfies HierarchyRead;
    });
