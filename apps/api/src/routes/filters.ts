/**
 * @module filters
 * Small helpers to build list filters from query parameters, and the reads several
 * resources share (relationships of an entity, successions around it).
 */
import type { EntityKind, EntityOf, Relationship, Succession } from "@care-atlas/domain";
import type { RegisterShape } from "@care-atlas/services";
import { Effect } from "effect";
import { z } from "zod";
import type { ReadTime } from "./resource.js";

/** All given checks (undefined = no check); undefined when none is given. */
export const allOf = <T>(
  ...checks: ReadonlyArray<((value: T) => boolean) | undefined>
): ((value: T) => boolean) | undefined => {
  const active = checks.filter((check): check is (value: T) => boolean => check !== undefined);
  if (active.length === 0) return undefined;
  return (value) => active.every((check) => check(value));
};

/** A check that a field equals a value, or undefined when the value is not given. */
export const whenGiven = <T, V>(
  value: V | undefined,
  check: (item: T, value: V) => boolean,
): ((item: T) => boolean) | undefined =>
  value === undefined ? undefined : (item) => check(item, value);

/** A `true`/`false` query parameter. */
export const BooleanQuery = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((text) => text === "true");

/** The most items one internal read takes (a kind's whole list for the GM register). */
const everything = 1000;

/** Every version of a kind valid on the date that passes `keep` (all pages). */
export const listAll = <K extends EntityKind>(
  register: RegisterShape,
  kind: K,
  time: ReadTime,
  keep: (version: EntityOf[K]) => boolean,
): Effect.Effect<EntityOf[K][], unknown> =>
  Effect.gen(function* () {
    const items: EntityOf[K][] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = yield* register.listEntities(kind, {
        ...time,
        filter: keep,
        limit: everything,
        ...(cursor === undefined ? {} : { cursor }),
      });
      items.push(...page.items);
      if (page.nextCursor === null) return items;
      cursor = page.nextCursor;
    }
  });

/** Relationships valid on the date in which `id` is the subject or the object. */
export const relationshipsOf = (
  register: RegisterShape,
  id: string,
  time: ReadTime,
): Effect.Effect<Relationship[], unknown> =>
  listAll(register, "relationship", time, (r) => r.subjectId === id || r.objectId === id);

/**
 * Successions naming `id` as predecessor or successor, whatever the date asked for (a
 * succession is a dated event: it belongs to the entity's whole story).
 */
export const successionsOf = (
  register: RegisterShape,
  id: string,
  time: ReadTime,
): Effect.Effect<Succession[], unknown> =>
  listAll(
    register,
    "succession",
    { ...time, validAt: "9999-12-31" },
    (s) => s.predecessorIds.includes(id) || s.successorIds.includes(id),
  );
