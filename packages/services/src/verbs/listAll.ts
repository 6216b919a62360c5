/**
 * @module listAll
 * Every entity of one kind that passes a filter, in one answer (no paging): the versions
 * valid on a date, or with `ever`, every entity that ever had a version — shown by its
 * version on the date when it has one, else by its latest. For the apps' own pages (a
 * place's organisations, a budget's decisions), which need whole lists; the HTTP API pages
 * with `listEntities`.
 */
import { type EntityKind, type EntityOf, History } from "@care-atlas/domain";
import { Effect } from "effect";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";
import type { ReadOptions } from "./getEntity.js";
import { type ListFilter, matcher } from "./listEntities.js";

/** Options of `listAll`. */
export interface ListAllOptions<K extends EntityKind> extends ReadOptions {
  readonly filter?: ListFilter<K> | undefined;
  /**
   * Every entity that ever had a version, not only those valid on `validAt`: its version on
   * `validAt` when it has one, else its latest (e.g. decisions, dated by the day they were
   * taken, or organisations that have closed).
   */
  readonly ever?: boolean | undefined;
}

/** A whole list. */
export interface AllRead<K extends EntityKind> {
  /** Ordered by id. */
  readonly items: ReadonlyArray<EntityOf[K]>;
  readonly dataVersion: number;
}

export type ListAll = <K extends EntityKind>(
  kind: K,
  options?: ListAllOptions<K>,
) => Effect.Effect<AllRead<K>, ValidationFailed | StoreUnavailable>;

/** `listAll(kind, { validAt?, asOf?, filter?, ever? })`. */
export const makeListAll =
  (ctx: RegisterContext): ListAll =>
  <K extends EntityKind>(kind: K, options?: ListAllOptions<K>) =>
    Effect.gen(function* () {
      const { validAt, asOf } = yield* parseReadOptions({
        validAt: options?.validAt,
        asOf: options?.asOf,
      });
      const keep = matcher(options?.filter);
      const ever = options?.ever === true;
      const model = yield* ctx.live.at(asOf);
      const items: EntityOf[K][] = [];
      for (const id of model.ids(kind)) {
        const versions = (model.history(id)?.versions ?? []) as ReadonlyArray<EntityOf[K]>;
        const version =
          History.versionAt(versions, validAt) ?? (ever ? versions.at(-1) : undefined);
        if (version !== undefined && keep(version)) items.push(version);
      }
      return { items, dataVersion: model.seq } satisfies AllRead<K>;
    });
