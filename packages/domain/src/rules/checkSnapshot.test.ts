import { describe, expect, it } from "vitest";
import { Finding } from "../Finding.js";
import { indexSnapshot } from "../queries/SnapshotIndex.js";
import { Snapshot } from "../Snapshot.js";
import {
  body,
  decision,
  idOf,
  lsoa,
  lsoaCode,
  neighbourhood,
  organisation,
  period,
  place,
  relationship,
  scheme,
  snapshot,
  system,
  team,
} from "../testing/syntheticRecords.js";
import { entityVersionCount, syntheticRegister } from "../testing/syntheticRegister.js";
import { checkSnapshot, ruleChecks } from "./checkSnapshot.js";
import { ruleIds, ruleSeverity } from "./Rule.js";

/** A small snapshot that breaks several rules at once. */
const broken = () =>
  snapshot({
    systems: [system(1)],
    places: [place(1)],
    neighbourhoodSchemes: [scheme(1)],
    lsoas: [lsoa(lsoaCode(1)), lsoa(lsoaCode(2))],
    neighbourhoods: [
      neighbourhood(1, {
        population: { value: 1_000, basis: "resident", date: "2021-03-21", source: "synthetic" },
      }),
    ],
    organisations: [organisation(1, { kind: "pcn", codes: [{ system: "ods", value: "Z99999" }] })],
    governanceBodies: [body(1, { delegatedLimitPence: 10 }), body(2)],
    relationships: [
      relationship(1, "accountable-to", idOf("governanceBody", 1), idOf("governanceBody", 2)),
      relationship(2, "reports-to", idOf("governanceBody", 2), idOf("governanceBody", 1)),
    ],
    decisions: [decision(1, { valuePence: 11 })],
    teams: [team(1, { valid: period("2019-01-01") })],
  });

describe("checkSnapshot", () => {
  it("has a check for every rule in the catalogue", () => {
    expect(Object.keys(ruleChecks).sort()).toEqual([...ruleIds].sort());
  });

  it("finds nothing in a clean synthetic register of 10,000 records", () => {
    const large = Snapshot.parse(syntheticRegister());
    expect(entityVersionCount(large)).toBeGreaterThanOrEqual(10_000);
    expect(checkSnapshot(large)).toEqual([]);
  });

  it("runs every rule and returns well-formed findings in catalogue order", () => {
    const findings = checkSnapshot(broken());
    expect(findings.map((f) => f.rule)).toEqual([
      "coverage-gap",
      "population-band",
      "delegated-limit",
      "accountability-cycle",
      "code-format",
      "team-in-neighbourhood",
    ]);
    for (const finding of findings) {
      expect(Finding.parse(finding)).toEqual(finding);
      expect(finding.severity).toBe(ruleSeverity[finding.rule as keyof typeof ruleSeverity]);
    }
  });

  it("runs only the chosen rules, and accepts an index", () => {
    const index = indexSnapshot(broken());
    expect(
      checkSnapshot(index, { rules: ["population-band", "code-format"] }).map((f) => f.rule),
    ).toEqual(["population-band", "code-format"]);
  });

  it("passes options to the rules", () => {
    const findings = checkSnapshot(broken(), {
      rules: ["population-band"],
      populationBand: { min: 500, max: 2_000 },
    });
    expect(findings).toEqual([]);
  });
});
