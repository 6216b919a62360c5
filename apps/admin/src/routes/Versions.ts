/**
 * @module Versions
 * Reads one entity's versions whether or not it has a version on the page's date, and picks
 * the version to show: the one valid on the date, else the latest.
 */
import type { Entity, EntityKind, EntityOf } from "@care-atlas/domain";
import type { RegisterShape } from "@care-atlas/services";
import { Effect } from "effect";

/**
 * The versions of entity `id` of `kind` (read with `getEntity`, which checks the id; when it
 * has no version on the date, from the services' read model). Fails with `NotFound` when
 * the entity does not exist.
 */
export const versionsOf = <K extends EntityKind>(
  register: RegisterShape,
  kind: K,
  id: string,
  validAt: string,
) =>
  register.getEntity(kind, id, { validAt }).pipe(
    Effect.map((read) => read.versions),
    Effect.catchTag("NotFound", (error) =>
      Effect.flatMap(register.readModel, (model) => {
        const history = model.history(id);
        return history === undefined || history.kind !== kind
          ? Effect.fail(error)
          : Effect.succeed(history.versions as ReadonlyArray<EntityOf[K]>);
      }),
    ),
  );

/** The version valid on the date, else the latest one. */
export const shownVersion = <T extends Entity>(versions: ReadonlyArray<T>, date: string) => {
  const on = versions.find(
    (v) => v.valid.from <= date && (v.valid.to === null || date < v.valid.to),
  );
  return { version: on ?? (versions.at(-1) as T), validOnDate: on !== undefined };
};
