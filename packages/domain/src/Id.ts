/**
 * @module Id
 * Stable, opaque, kind-prefixed identifiers (`plc_…`, `org_…`). External codes such as
 * ODS and ONS GSS codes are not ids: they live in {@link ExternalIdentifier}.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { fnv1a32 } from "./Hash.js";

/**
 * The id prefix of every entity kind in the register.
 *
 * @example
 * ```ts
 * import { idPrefixes } from "@care-atlas/domain";
 * idPrefixes.place; // "plc"
 * ```
 */
export const idPrefixes = {
  system: "sys",
  place: "plc",
  neighbourhoodScheme: "nsc",
  neighbourhood: "nbh",
  organisation: "org",
  relationship: "rel",
  succession: "suc",
  governanceBody: "gov",
  collaborative: "col",
  team: "int",
  pooledBudget: "pbg",
  decision: "dec",
  strategyElement: "str",
} as const;

/** An entity kind that has an id. */
export type EntityKind = keyof typeof idPrefixes;

/** The entity kinds, in a stable order. */
export const entityKinds = Object.keys(idPrefixes) as EntityKind[];

const idBody = "[0-9a-z]{8,40}";

/** A regular expression matching ids of one kind. */
export const idPattern = (kind: EntityKind): RegExp =>
  new RegExp(`^${idPrefixes[kind]}_${idBody}$`);

const anyIdPattern = new RegExp(`^(?:${Object.values(idPrefixes).join("|")})_${idBody}$`);

/**
 * A zod schema for the ids of one entity kind; its field metadata names the kind it refers to.
 *
 * @example
 * ```ts
 * import { idOf } from "@care-atlas/domain";
 * idOf("place").parse("plc_0a1b2c3d4e5f"); // ok
 * idOf("place").safeParse("org_0a1b2c3d4e5f").success; // false
 * ```
 */
export const idOf = (kind: EntityKind) =>
  z
    .string()
    .regex(idPattern(kind), {
      error: `must be ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} id (${idPrefixes[kind]}_…)`,
    })
    .register(fieldMeta, { refersTo: kind });

/** Any entity id, of any kind. */
export const EntityId = z
  .string()
  .regex(anyIdPattern, { error: "must be an entity id such as plc_… or org_…" })
  .meta({ id: "EntityId", description: "A Care Atlas id: a kind prefix, `_`, 8–40 of [0-9a-z]." })
  .register(fieldMeta, { refersTo: "any" });
export type EntityId = z.infer<typeof EntityId>;

export const SystemId = idOf("system");
export const PlaceId = idOf("place");
export const NeighbourhoodSchemeId = idOf("neighbourhoodScheme");
export const NeighbourhoodId = idOf("neighbourhood");
export const OrganisationId = idOf("organisation");
export const RelationshipId = idOf("relationship");
export const SuccessionId = idOf("succession");
export const GovernanceBodyId = idOf("governanceBody");
export const CollaborativeId = idOf("collaborative");
export const TeamId = idOf("team");
export const PooledBudgetId = idOf("pooledBudget");
export const DecisionId = idOf("decision");
export const StrategyElementId = idOf("strategyElement");

/**
 * The kind of an id, read from its prefix, or `undefined` when it is not an id.
 *
 * @example
 * ```ts
 * import { kindOfId } from "@care-atlas/domain";
 * kindOfId("nbh_00000000"); // "neighbourhood"
 * ```
 */
export const kindOfId = (id: string): EntityKind | undefined => {
  if (!anyIdPattern.test(id)) return undefined;
  const prefix = id.slice(0, id.indexOf("_"));
  return entityKinds.find((kind) => idPrefixes[kind] === prefix);
};

/**
 * A deterministic id for a natural key, so that a dataset built twice gets the same ids.
 * 64 bits of FNV-1a, base 36, zero-padded to 14 characters.
 *
 * @example
 * ```ts
 * import { stableId } from "@care-atlas/domain";
 * stableId("organisation", "ods:R0A") === stableId("organisation", "ods:R0A"); // true
 * ```
 */
export const stableId = (kind: EntityKind, naturalKey: string): string => {
  // Two independent 32-bit lanes of FNV-1a make 64 bits.
  const high = fnv1a32(naturalKey).toString(36).padStart(7, "0");
  const low = fnv1a32(naturalKey, 0x050c5d1f).toString(36).padStart(7, "0");
  return `${idPrefixes[kind]}_${high}${low}`;
};

/**
 * A new random id (128 bits from `crypto.getRandomValues`, base 36).
 *
 * @example
 * ```ts
 * import { newId } from "@care-atlas/domain";
 * newId("team"); // "int_…"
 * ```
 */
export const newId = (kind: EntityKind): string => {
  const words = crypto.getRandomValues(new Uint32Array(4));
  let body = "";
  for (const word of words) body += word.toString(36).padStart(7, "0");
  return `${idPrefixes[kind]}_${body}`;
};
