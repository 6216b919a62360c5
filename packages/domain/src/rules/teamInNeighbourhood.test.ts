import { describe, expect, it } from "vitest";
import { neighbourhood, period, snapshot, team } from "../testing/syntheticRecords.js";
import { checkTeamInNeighbourhood } from "./teamInNeighbourhood.js";

describe("team-in-neighbourhood", () => {
  it("passes a team inside its neighbourhood's lifetime", () => {
    const s = snapshot({
      neighbourhoods: [neighbourhood(1, { valid: period("2020-01-01", "2025-01-01") })],
      teams: [team(1, { valid: period("2021-01-01", "2024-01-01") })],
    });
    expect(checkTeamInNeighbourhood(s)).toEqual([]);
  });

  it("reports a team that outlives its neighbourhood", () => {
    const s = snapshot({
      neighbourhoods: [neighbourhood(1, { valid: period("2020-01-01", "2025-01-01") })],
      teams: [team(1, { valid: period("2021-01-01") })],
    });
    const findings = checkTeamInNeighbourhood(s);
    expect(findings).toEqual([
      {
        rule: "team-in-neighbourhood",
        severity: "error",
        subjects: ["int_0000000001", "nbh_0000000001"],
        message:
          'neighbourhood team "Synthetic Team 1" (int_0000000001) is valid from 2021-01-01 (open-ended), but its neighbourhood "Synthetic Neighbourhood 1" (nbh_0000000001) exists only 2020-01-01 to 2025-01-01.',
      },
    ]);
  });
});
