/**
 * Conversions between what the drivers return and what the store hands out: int8 as a
 * JS number (postgres.js returns int8 as a string, PGlite as a number), JSON compared
 * by value, entities re-parsed with their kind's schema.
 */
import { type Entity, type EntityKind, entityKinds, entitySchemas } from "@care-atlas/domain";

/**
 * An integer column as a JS number: accepts a number, a decimal string or a bigint, and
 * throws rather than lose precision.
 */
export const toInt = (value: unknown): number => {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "bigint" || (typeof value === "string" && /^-?\d+$/.test(value))
        ? Number(value)
        : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw new TypeError(`expected an integer within ±2^53, got ${String(value)}`);
  }
  return n;
};

/** `toInt`, or `null` for SQL null. */
export const toIntOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : toInt(value);

/** JSON with object keys sorted, so that two values that are equal as JSON compare equal. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );

/** A `kind` column as an EntityKind. */
export const toKind = (value: unknown): EntityKind => {
  if (typeof value === "string" && (entityKinds as ReadonlyArray<string>).includes(value)) {
    return value as EntityKind;
  }
  throw new TypeError(`unknown entity kind ${String(value)}`);
};

/** A jsonb column: postgres.js and PGlite both parse it; accept text too, to be safe. */
const json = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value);

/** Data read back from the database, validated again with its kind's schema. */
export const parseEntity = (kind: EntityKind, data: unknown): Entity =>
  entitySchemas[kind].parse(json(data)) as Entity;

/** A jsonb array of entities of one kind (a change_log history). */
export const parseEntities = (kind: EntityKind, data: unknown): Entity[] => {
  const list = json(data);
  if (!Array.isArray(list)) throw new TypeError("expected a JSON array of entities");
  return list.map((item) => parseEntity(kind, item));
};

/** Orders versions of one entity by the start of their valid period. */
export const byValidFrom = (a: Entity, b: Entity): number =>
  a.valid.from < b.valid.from ? -1 : a.valid.from > b.valid.from ? 1 : 0;
