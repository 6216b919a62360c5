/**
 * @module @care-atlas/domain
 * The typed, time-aware model of an integrated care system: zod schemas and their types,
 * the period algebra, rule checks and pure queries over a snapshot.
 */
export * from "./Collaborative.js";
export * from "./Decision.js";
export * from "./ExternalIdentifier.js";
export * from "./Finding.js";
export * from "./GovernanceBody.js";
export * from "./Id.js";
export * from "./Level.js";
export * from "./Lsoa.js";
export * from "./Money.js";
export * from "./Neighbourhood.js";
export * from "./NeighbourhoodScheme.js";
export * from "./NeighbourhoodTeam.js";
export * from "./Organisation.js";
export * from "./Period.js";
export * from "./Place.js";
export * from "./PooledBudget.js";
export * from "./Population.js";
export * from "./Provenance.js";
export * from "./Relationship.js";
export * from "./Snapshot.js";
export * from "./StrategyElement.js";
export * from "./Succession.js";
export * from "./System.js";
export * from "./TeamRole.js";
export * as History from "./History.js";
