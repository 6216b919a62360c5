/**
 * @module Snapshot
 * A whole register in memory: every version of every entity, the reference geography and
 * the sources. Rules and queries are pure functions over a snapshot.
 */
import { z } from "zod";
import { Collaborative } from "./Collaborative.js";
import { Decision } from "./Decision.js";
import { GovernanceBody } from "./GovernanceBody.js";
import type { EntityKind } from "./Id.js";
import { Lsoa } from "./Lsoa.js";
import { Neighbourhood } from "./Neighbourhood.js";
import { NeighbourhoodScheme } from "./NeighbourhoodScheme.js";
import { NeighbourhoodTeam } from "./NeighbourhoodTeam.js";
import { Organisation } from "./Organisation.js";
import { Place } from "./Place.js";
import { PooledBudget } from "./PooledBudget.js";
import { Source } from "./Provenance.js";
import { Relationship } from "./Relationship.js";
import { StrategyElement } from "./StrategyElement.js";
import { Succession } from "./Succession.js";
import { System } from "./System.js";

/**
 * The schema of each entity kind. Versions of one entity share an id and have
 * non-overlapping valid periods.
 *
 * @example
 * ```ts
 * import { entitySchemas } from "@care-atlas/domain";
 * entitySchemas.place.safeParse({}).success; // false
 * ```
 */
export const entitySchemas = {
  system: System,
  place: Place,
  neighbourhoodScheme: NeighbourhoodScheme,
  neighbourhood: Neighbourhood,
  organisation: Organisation,
  relationship: Relationship,
  succession: Succession,
  governanceBody: GovernanceBody,
  collaborative: Collaborative,
  team: NeighbourhoodTeam,
  pooledBudget: PooledBudget,
  decision: Decision,
  strategyElement: StrategyElement,
} as const satisfies Record<EntityKind, z.ZodType>;

/** The record type of each entity kind. */
export type EntityOf = { [K in EntityKind]: z.infer<(typeof entitySchemas)[K]> };

/** Any entity version. */
export type Entity = EntityOf[EntityKind];

/** The snapshot collection that holds each entity kind. */
export const collections = {
  system: "systems",
  place: "places",
  neighbourhoodScheme: "neighbourhoodSchemes",
  neighbourhood: "neighbourhoods",
  organisation: "organisations",
  relationship: "relationships",
  succession: "successions",
  governanceBody: "governanceBodies",
  collaborative: "collaboratives",
  team: "teams",
  pooledBudget: "pooledBudgets",
  decision: "decisions",
  strategyElement: "strategy",
} as const satisfies Record<EntityKind, string>;

/**
 * A whole register: every version of every entity, the LSOAs and the sources.
 *
 * @example
 * ```ts
 * import { Snapshot, emptySnapshot } from "@care-atlas/domain";
 * Snapshot.parse(emptySnapshot());
 * ```
 */
export const Snapshot = z
  .object({
    systems: z.array(System),
    places: z.array(Place),
    neighbourhoodSchemes: z.array(NeighbourhoodScheme),
    neighbourhoods: z.array(Neighbourhood),
    organisations: z.array(Organisation),
    relationships: z.array(Relationship),
    successions: z.array(Succession),
    governanceBodies: z.array(GovernanceBody),
    collaboratives: z.array(Collaborative),
    teams: z.array(NeighbourhoodTeam),
    pooledBudgets: z.array(PooledBudget),
    decisions: z.array(Decision),
    strategy: z.array(StrategyElement),
    lsoas: z.array(Lsoa),
    sources: z.array(Source),
  })
  .meta({ id: "Snapshot", description: "A whole register: every version of every entity." });
export type Snapshot = z.infer<typeof Snapshot>;

/** A snapshot with nothing in it. */
export const emptySnapshot = (): Snapshot => ({
  systems: [],
  places: [],
  neighbourhoodSchemes: [],
  neighbourhoods: [],
  organisations: [],
  relationships: [],
  successions: [],
  governanceBodies: [],
  collaboratives: [],
  teams: [],
  pooledBudgets: [],
  decisions: [],
  strategy: [],
  lsoas: [],
  sources: [],
});

/**
 * Every entity version in a snapshot, with its kind.
 *
 * @example
 * ```ts
 * import { entitiesOf, emptySnapshot } from "@care-atlas/domain";
 * [...entitiesOf(emptySnapshot())].length; // 0
 * ```
 */
export function* entitiesOf(snapshot: Snapshot): Generator<{ kind: EntityKind; entity: Entity }> {
  for (const kind of Object.keys(collections) as EntityKind[]) {
    for (const entity of snapshot[collections[kind]]) yield { kind, entity };
  }
}
