/**
 * @module ResourceSpec
 * What a register resource is, as data: its entity kind, path, names, schema and list
 * filters, and what its one-item answer adds. The routes (list, get one, create, update,
 * end) are built from a spec by the builders beside this module; the table of every spec
 * is `routes/resources/index.ts`.
 */
import type { EntityKind, EntityOf } from "@care-atlas/domain";
import type { EntityInput, ListFilter, ListPage, RegisterShape } from "@care-atlas/services";
import { Effect } from "effect";
import { z } from "zod";
import { RepresentationQuery } from "../../representation/representation.js";
import { PageQuery, type ReadTime, TimeQuery } from "../shared/query.js";

/** The query of a resource's list: time, paging, and the resource's own filters. */
export const listQuery = <F extends z.ZodRawShape>(filters: F) =>
  TimeQuery.extend(PageQuery.shape).extend(RepresentationQuery.shape).extend(filters);

/** The parsed query of a resource's list. */
export type ListQuery<F extends z.ZodRawShape> = z.output<ReturnType<typeof listQuery<F>>>;

/** Extra fields of a `get` response, read with the register's verbs. */
export interface Expansion<K extends EntityKind, X extends z.ZodRawShape> {
  readonly shape: X;
  readonly compute: (
    register: RegisterShape,
    version: EntityOf[K],
    time: ReadTime,
  ) => Effect.Effect<z.output<z.ZodObject<X>>, unknown>;
}

/** No extra fields. */
export const noExpansion = <K extends EntityKind>(): Expansion<K, Record<never, never>> => ({
  shape: {},
  compute: () => Effect.succeed({}),
});

/**
 * References each item of a list carries beside its record (e.g. a practice's PCN): the
 * few a client needs next, worked out for a whole page at once.
 */
export interface ItemLinks<K extends EntityKind, I> {
  /** The schema of a list item: the entity's, or it with the references beside it. */
  readonly schema: z.ZodType<I>;
  /** The items of a page, each with its references beside its record. */
  readonly compute: (
    register: RegisterShape,
    items: ReadonlyArray<EntityOf[K]>,
    time: ReadTime,
  ) => Effect.Effect<ReadonlyArray<I>, unknown>;
}

/** No references beside the records: a list item is the entity (`schema`). */
export const noLinks = <T>(
  schema: z.ZodType<T>,
): {
  readonly schema: z.ZodType<T>;
  readonly compute: (
    register: RegisterShape,
    items: ReadonlyArray<T>,
  ) => Effect.Effect<ReadonlyArray<T>, never>;
} => ({ schema, compute: (_register, items) => Effect.succeed(items) });

/** How a resource's list is read: a filter over `listEntities`, or a verb of its own. */
export type ListRead<K extends EntityKind, F extends z.ZodRawShape> =
  | {
      /**
       * The list filter of the parsed query (undefined = every item); an Effect when it must
       * read other entities first (e.g. memberships).
       */
      readonly filter: (
        query: ListQuery<F>,
        register: RegisterShape,
        time: ReadTime,
      ) => ListFilter<K> | undefined | Effect.Effect<ListFilter<K> | undefined, unknown>;
    }
  | {
      /** A verb that answers the page itself (e.g. `searchOrganisations`). */
      readonly search: (
        query: ListQuery<F>,
        register: RegisterShape,
        options: ReadTime & { readonly limit?: number; readonly cursor?: string },
      ) => Effect.Effect<ListPage<K>, unknown>;
    };

/** A register resource. */
export type ResourceSpec<
  K extends EntityKind,
  F extends z.ZodRawShape = z.ZodRawShape,
  X extends z.ZodRawShape = Record<never, never>,
  L = EntityOf[K],
> = ListRead<K, F> & {
  readonly kind: K;
  /** The collection path, e.g. `/v1/places`. */
  readonly path: string;
  readonly tag: string;
  /** Singular and plural names for operation ids and schema ids: `Place`, `Places`. */
  readonly name: string;
  readonly plural: string;
  /** Singular and plural nouns for summaries: `place`, `places`. */
  readonly noun: string;
  readonly nouns: string;
  /** The entity schema (from the domain). */
  readonly schema: z.ZodType<EntityOf[K]>;
  /** The list's filter parameters. */
  readonly filters: F;
  /** Extra fields of the one-item response (`noExpansion()` for none). */
  readonly expand: Expansion<K, X>;
  /** What a list item is: the record, or it with references beside it (`noLinks(schema)`). */
  readonly links: ItemLinks<K, L>;
  /**
   * The write routes (create, update, end) and the schema of a version written to them (the
   * entity schema with `id` optional: `inputOf`); none for a read-only view.
   */
  readonly writes?: { readonly input: z.ZodType<EntityInput<K>> };
  /** For a view of part of a kind (commissioning bodies, outcomes): which versions it holds. */
  readonly accepts?: (version: EntityOf[K]) => boolean;
};

/**
 * The schema of a version as written: the entity schema with `id` optional (a create
 * without one gets a new id), and the entity's own refinements.
 *
 * @example
 * ```ts
 * import { Place } from "@care-atlas/domain";
 * const writes = { input: inputOf(Place, "PlaceInput") };
 * ```
 */
export const inputOf = <Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, id: string) => {
  const { id: _required, ...fields } = schema.shape;
  return z
    .object({ ...fields, id: z.string().optional().describe("Leave out to get a new id.") })
    .superRefine((value, ctx) => {
      // The entity's own refinements (across fields), on the version as it will be written.
      const whole = schema.safeParse({ id: "", ...value });
      if (whole.success) return;
      for (const issue of whole.error.issues) {
        if (issue.path[0] === "id") continue;
        ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path] });
      }
    })
    .meta({ id, description: "A version to write: the entity with its id optional." });
};

/** Defines a resource (keeps its types). */
export const defineResource = <
  K extends EntityKind,
  F extends z.ZodRawShape,
  X extends z.ZodRawShape = Record<never, never>,
  L = EntityOf[K],
>(
  spec: ResourceSpec<K, F, X, L>,
): ResourceSpec<K, F, X, L> => spec;
