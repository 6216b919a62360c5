/**
 * @module @care-atlas/domain
 * The typed, time-aware model of an integrated care system: zod schemas and their types,
 * the period algebra, rule checks and pure queries over a snapshot.
 */
export * from "./Collaborative.js";
export * from "./Decision.js";
export * from "./DisplayName.js";
export * from "./ExternalIdentifier.js";
export * from "./FieldDiff.js";
export * from "./FieldMeta.js";
export * from "./Finding.js";
export * from "./GovernanceBody.js";
export * from "./Hash.js";
export * as History from "./History.js";
export * from "./Id.js";
export * from "./LayeredMap.js";
export * from "./Level.js";
export * from "./Lsoa.js";
export * from "./LsoaAssignment.js";
export * from "./Money.js";
export * from "./Neighbourhood.js";
export * from "./NeighbourhoodScheme.js";
export * from "./NeighbourhoodTeam.js";
export * from "./Organisation.js";
export * from "./Period.js";
export * from "./Place.js";
export * from "./PooledBudget.js";
export * from "./Population.js";
export * from "./PostcodeRecord.js";
export * from "./Provenance.js";
export * from "./queries/codeCrosswalk.js";
export * from "./queries/hierarchyAt.js";
export * from "./queries/resolveSuccessor.js";
export * from "./queries/SnapshotIndex.js";
export * from "./queries/versionAt.js";
export * from "./Relationship.js";
export * from "./rules/accountabilityCycle.js";
export * from "./rules/checkSnapshot.js";
export * from "./rules/codeFormat.js";
export * from "./rules/danglingReference.js";
export * from "./rules/delegatedLimit.js";
export * from "./rules/lsoaCoverage.js";
export * from "./rules/neighbourhoodNesting.js";
export * from "./rules/pooledBudgetSum.js";
export * from "./rules/populationBand.js";
export * from "./rules/RegisterCheck.js";
export * from "./rules/Rule.js";
export * from "./rules/relationshipPeriod.js";
export * from "./rules/successionDates.js";
export * from "./rules/teamInNeighbourhood.js";
export * from "./rules/versionOverlap.js";
export * from "./Snapshot.js";
export * from "./StrategyElement.js";
export * from "./Succession.js";
export * from "./System.js";
export * from "./TeamRole.js";
