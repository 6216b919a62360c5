/**
 * @module checkSnapshot
 * Runs every rule (or a chosen few) over a snapshot, indexing it once.
 */
import type { Finding } from "../Finding.js";
import { asIndex, type SnapshotSource } from "../queries/SnapshotIndex.js";
import { checkAccountabilityCycle } from "./accountabilityCycle.js";
import { checkCodeFormat, checkDuplicateCode } from "./codeFormat.js";
import { checkDanglingReference } from "./danglingReference.js";
import { checkDelegatedLimit } from "./delegatedLimit.js";
import { checkCoverageGap, checkFootprintOutsidePlace, checkLsoaOverlap } from "./lsoaCoverage.js";
import { checkNeighbourhoodNesting } from "./neighbourhoodNesting.js";
import { checkPooledBudgetSum } from "./pooledBudgetSum.js";
import { checkPopulationBand } from "./populationBand.js";
import { type Rule, type RuleId, type RuleOptions, ruleIds } from "./Rule.js";
import { checkRelationshipPeriod } from "./relationshipPeriod.js";
import { checkSuccessionDates } from "./successionDates.js";
import { checkTeamInNeighbourhood } from "./teamInNeighbourhood.js";
import { checkVersionOverlap } from "./versionOverlap.js";

/**
 * The function that checks each rule.
 *
 * @example
 * ```ts
 * import { emptySnapshot, ruleChecks } from "@care-atlas/domain";
 * ruleChecks["population-band"](emptySnapshot()); // []
 * ```
 */
export const ruleChecks: { readonly [K in RuleId]: Rule } = {
  "version-overlap": checkVersionOverlap,
  "dangling-reference": checkDanglingReference,
  "neighbourhood-nesting": checkNeighbourhoodNesting,
  "lsoa-overlap": checkLsoaOverlap,
  "coverage-gap": checkCoverageGap,
  "footprint-outside-place": checkFootprintOutsidePlace,
  "population-band": checkPopulationBand,
  "pooled-budget-sum": checkPooledBudgetSum,
  "delegated-limit": checkDelegatedLimit,
  "accountability-cycle": checkAccountabilityCycle,
  "relationship-period": checkRelationshipPeriod,
  "succession-dates": checkSuccessionDates,
  "code-format": checkCodeFormat,
  "duplicate-code": checkDuplicateCode,
  "team-in-neighbourhood": checkTeamInNeighbourhood,
};

/** Options of {@link checkSnapshot}: the rules' options, and which rules to run. */
export interface CheckOptions extends RuleOptions {
  /** Run only these rules (default: all, in catalogue order). */
  readonly rules?: ReadonlyArray<RuleId>;
}

/**
 * Runs the rules over a snapshot — indexed once and shared between them — and returns all
 * findings, rule by rule in catalogue order. The snapshot is not validated here: parse it
 * with `Snapshot.parse` first.
 *
 * @example
 * ```ts
 * import { checkSnapshot, emptySnapshot } from "@care-atlas/domain";
 * const findings = checkSnapshot(emptySnapshot());
 * const blocking = findings.filter((f) => f.severity === "error"); // []
 * checkSnapshot(emptySnapshot(), { rules: ["coverage-gap"], date: "2024-04-01" }); // []
 * ```
 */
export const checkSnapshot = (source: SnapshotSource, options: CheckOptions = {}): Finding[] => {
  const index = asIndex(source);
  const wanted =
    options.rules === undefined ? ruleIds : ruleIds.filter((id) => options.rules?.includes(id));
  const findings: Finding[] = [];
  for (const id of wanted) {
    for (const finding of ruleChecks[id](index, options)) findings.push(finding);
  }
  return findings;
};
