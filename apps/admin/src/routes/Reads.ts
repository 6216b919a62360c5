/**
 * @module Reads
 * Reads the pages share, composed from the services' verbs: whole lists (paging through
 * `listEntities`), display names of any id (from the services' read model, so a closed
 * organisation still has its name), and the query parameters every page accepts.
 */
import { type Entity, type EntityKind, type EntityOf, IsoDate, kindOfId } from "@care-atlas/domain";
import type { ListFilter, ReadModel, RegisterShape } from "@care-atlas/services";
import { Effect } from "effect";

/**
 * Every version of `kind` valid on the date that passes `filter` (pages of 1,000).
 */
export const listAll = <K extends EntityKind>(
  register: RegisterShape,
  kind: K,
  options: {
    validAt?: string | undefined;
    asOf?: Date | undefined;
    filter?: ListFilter<K> | undefined;
  } = {},
) =>
  Effect.gen(function* () {
    const items: EntityOf[K][] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = yield* register.listEntities(kind, {
        validAt: options.validAt,
        asOf: options.asOf,
        filter: options.filter,
        limit: 1000,
        cursor,
      });
      items.push(...page.items);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    return items;
  });

/** A display name for an entity version. */
export const nameOfVersion = (version: Entity): string => {
  if ("name" in version && typeof version.name === "string") return version.name;
  if ("title" in version && typeof version.title === "string") return version.title;
  if ("text" in version && typeof version.text === "string") {
    return version.text.length > 80 ? `${version.text.slice(0, 77)}…` : version.text;
  }
  if ("kind" in version && "subjectId" in version) return `${version.kind} relationship`;
  if ("predecessorIds" in version) return `${version.kind} on ${version.valid.from}`;
  return version.id;
};

/** Names of ids, from one read model. */
export interface Names {
  /** The name of `id` on `date` (or its latest name; the id itself when unknown). */
  readonly name: (id: string, date?: string) => string;
  /** The version of `id` valid on `date`, or its latest. */
  readonly version: (id: string, date?: string) => Entity | undefined;
  /** Whether the id has a version valid on `date`. */
  readonly validOn: (id: string, date: string) => boolean;
  readonly model: ReadModel;
}

/** Names from the current read model. */
export const namesFrom = (model: ReadModel): Names => {
  const version = (id: string, date?: string): Entity | undefined => {
    const history = model.history(id);
    if (history === undefined) return undefined;
    if (date !== undefined) {
      const found = history.versions.find(
        (v) => v.valid.from <= date && (v.valid.to === null || date < v.valid.to),
      );
      if (found !== undefined) return found;
    }
    return history.versions.at(-1);
  };
  return {
    model,
    version,
    name: (id, date) => {
      const found = version(id, date);
      return found === undefined ? id : nameOfVersion(found);
    },
    validOn: (id, date) =>
      model
        .history(id)
        ?.versions.some(
          (v) => v.valid.from <= date && (v.valid.to === null || date < v.valid.to),
        ) ?? false,
  };
};

/** The names service: one read of the current model. */
export const names = (register: RegisterShape) => Effect.map(register.readModel, namesFrom);

/** The query parameters every page understands. */
export interface PageQuery {
  readonly validAt: string;
  /** Set when the user asked for a date (links keep it). */
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
}

/** Reads and checks `validAt` (a bad date falls back to today with an error message). */
export const pageQuery = (
  query: (name: string) => string | undefined,
  today: string,
): PageQuery => {
  const raw = query("validAt")?.trim();
  if (raw === undefined || raw === "")
    return { validAt: today, validAtGiven: undefined, validAtError: undefined };
  const parsed = IsoDate.safeParse(raw);
  if (!parsed.success) {
    return {
      validAt: today,
      validAtGiven: undefined,
      validAtError: "Enter a real date, for example 2021-04-01",
    };
  }
  return { validAt: parsed.data, validAtGiven: parsed.data, validAtError: undefined };
};

/** The kind of an id, or undefined. */
export const kindOf = (id: string): EntityKind | undefined => kindOfId(id);
