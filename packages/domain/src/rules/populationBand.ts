/**
 * @module populationBand
 * Rule `population-band` (warning): neighbourhoods of 30,000–50,000 people.
 */
import type { Finding } from "../Finding.js";
import { asIndex, type SnapshotSource } from "../queries/SnapshotIndex.js";
import { describe, Findings, formatCount, formatPeriod } from "./internal.js";
import type { PopulationBand, RuleOptions } from "./Rule.js";

/**
 * The band GM's operating model gives for a neighbourhood: 30,000–50,000 people.
 *
 * @example
 * ```ts
 * import { defaultPopulationBand } from "@care-atlas/domain";
 * defaultPopulationBand.min; // 30000
 * ```
 */
export const defaultPopulationBand: PopulationBand = { min: 30_000, max: 50_000 };

/**
 * Finds neighbourhood versions whose population figure lies outside the band (inclusive;
 * `options.populationBand`, default {@link defaultPopulationBand}). Versions without a
 * population figure are not checked.
 *
 * @example
 * ```ts
 * import { Snapshot, checkPopulationBand, emptySnapshot } from "@care-atlas/domain";
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   neighbourhoods: [{
 *     id: "nbh_0000000001", name: "Synthetic North", placeId: "plc_0000000001", schemeId: "nsc_0000000001",
 *     footprint: { lsoas: ["E01999001"] },
 *     population: { value: 12_000, basis: "resident", date: "2021-03-21", source: "synthetic" },
 *     valid: { from: "2023-01-01", to: null }, provenance: { sources: ["synthetic"] },
 *   }],
 * });
 * checkPopulationBand(snapshot).length; // 1
 * checkPopulationBand(snapshot, { populationBand: { min: 10_000, max: 50_000 } }).length; // 0
 * ```
 */
export const checkPopulationBand = (
  source: SnapshotSource,
  options: RuleOptions = {},
): Finding[] => {
  const index = asIndex(source);
  const { min, max } = options.populationBand ?? defaultPopulationBand;
  const findings = new Findings("population-band");
  for (const neighbourhood of index.snapshot.neighbourhoods) {
    const population = neighbourhood.population;
    if (population === undefined || (population.value >= min && population.value <= max)) continue;
    findings.add(
      [neighbourhood.id],
      `${describe(index, neighbourhood.id, neighbourhood.valid.from)} has ${formatCount(population.value)} people (${population.basis}, ${population.date}, source "${population.source}") in its version ${formatPeriod(neighbourhood.valid)}: ${population.value < min ? "below" : "above"} the band of ${formatCount(min)}–${formatCount(max)}.`,
    );
  }
  return findings.list;
};
