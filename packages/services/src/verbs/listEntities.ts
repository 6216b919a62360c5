/**
 * @module listEntities
 * The entities of one kind valid on a date, in a stable order (by id), a page at a time:
 * filtered by a predicate or by equality on top-level fields (`placeId`, `schemeId`,
 * `level`, `kind`, …). The cursor is opaque: base64url of the last id of the page.
 */
import { type EntityKind, type EntityOf, History, idPattern } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { invalidInput, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions, parseWith } from "../internal/input.js";
import type { ReadOptions } from "./getEntity.js";

type Scalar = string | number | boolean | null;

/** Equality on the scalar top-level fields of a kind's versions. */
export type FieldFilter<K extends EntityKind> = {
  readonly [F in keyof EntityOf[K] as EntityOf[K][F] extends Scalar | undefined
    ? F
    : never]?: EntityOf[K][F];
};

/** A predicate on versions, or field equality. */
export type ListFilter<K extends EntityKind> = ((version: EntityOf[K]) => boolean) | FieldFilter<K>;

/** Options of `listEntities`. */
export interface ListOptions<K extends EntityKind> extends ReadOptions {
  readonly filter?: ListFilter<K> | undefined;
  /** Page size, 1–1,000 (default 100). */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string | undefined;
}

/** A page of versions. */
export interface ListPage<K extends EntityKind> {
  readonly items: ReadonlyArray<EntityOf[K]>;
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
  readonly dataVersion: number;
}

export type ListEntities = <K extends EntityKind>(
  kind: K,
  options?: ListOptions<K>,
) => Effect.Effect<ListPage<K>, ValidationFailed | StoreUnavailable>;

const Limit = z.number().int().min(1).max(1000).default(100);

/** The cursor after `id`. */
export const encodeCursor = (id: string): string => Buffer.from(id, "utf8").toString("base64url");

const decodeCursor = (kind: EntityKind, cursor: string): string | undefined => {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  return idPattern(kind).test(id) ? id : undefined;
};

/** The first index in sorted `ids` whose id is greater than `after`. */
const firstAfter = (ids: ReadonlyArray<string>, after: string): number => {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((ids[mid] as string) <= after) low = mid + 1;
    else high = mid;
  }
  return low;
};

/** The predicate of a list filter (everything passes when there is none). */
export const matcher = <K extends EntityKind>(
  filter: ListFilter<K> | undefined,
): ((version: EntityOf[K]) => boolean) => {
  if (filter === undefined) return () => true;
  if (typeof filter === "function") return filter;
  const entries = Object.entries(filter).filter(([, value]) => value !== undefined);
  return (version: EntityOf[K]) =>
    entries.every(([field, value]) => (version as Record<string, unknown>)[field] === value);
};

/** `listEntities(kind, { validAt?, asOf?, filter?, limit?, cursor? })`. */
export const makeListEntities =
  (ctx: RegisterContext): ListEntities =>
  <K extends EntityKind>(kind: K, options?: ListOptions<K>) =>
    Effect.gen(function* () {
      const { validAt, asOf } = yield* parseReadOptions({
        validAt: options?.validAt,
        asOf: options?.asOf,
      });
      const limit = yield* parseWith(Limit, options?.limit, "limit");
      let after: string | undefined;
      if (options?.cursor !== undefined) {
        after = decodeCursor(kind, options.cursor);
        if (after === undefined) {
          return yield* invalidInput([{ path: "cursor", message: "not a cursor of this list" }]);
        }
      }
      const keep = matcher(options?.filter);
      const model = yield* ctx.live.at(asOf);
      const ids = model.ids(kind);
      const items: EntityOf[K][] = [];
      let more = false;
      for (let i = after === undefined ? 0 : firstAfter(ids, after); i < ids.length; i++) {
        const history = model.history(ids[i] as string);
        if (history === undefined) continue;
        const version = History.versionAt(history.versions as ReadonlyArray<EntityOf[K]>, validAt);
        if (version === undefined || !keep(version)) continue;
        if (items.length === limit) {
          more = true;
          break;
        }
        items.push(version);
      }
      const last = items.at(-1);
      return {
        items,
        nextCursor: more && last !== undefined ? encodeCursor(last.id) : null,
        dataVersion: model.seq,
      } satisfies ListPage<K>;
    });
