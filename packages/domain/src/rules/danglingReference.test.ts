import { describe, expect, it } from "vitest";
import {
  budget,
  idOf,
  lsoa,
  lsoaCode,
  neighbourhood,
  organisation,
  place,
  relationship,
  scheme,
  snapshot,
  succession,
  system,
  team,
} from "../testing/syntheticRecords.js";
import { checkDanglingReference } from "./danglingReference.js";

const base = {
  systems: [system(1)],
  places: [place(1)],
  neighbourhoodSchemes: [scheme(1)],
  lsoas: [lsoa(lsoaCode(1))],
};

describe("dangling-reference", () => {
  it("passes when every reference resolves", () => {
    const s = snapshot({
      ...base,
      neighbourhoods: [neighbourhood(1)],
      organisations: [organisation(1), organisation(2)],
      relationships: [
        relationship(1, "member-of", idOf("organisation", 1), idOf("organisation", 2)),
      ],
      teams: [
        team(1, {
          members: [{ role: "district-nurse", hostOrganisationId: idOf("organisation", 1) }],
        }),
      ],
    });
    expect(checkDanglingReference(s)).toEqual([]);
  });

  it("reports a missing place, PCN and LSOA of a neighbourhood", () => {
    const s = snapshot({
      ...base,
      neighbourhoods: [
        neighbourhood(1, {
          placeId: idOf("place", 9),
          footprint: { lsoas: [lsoaCode(1), lsoaCode(2)], pcnIds: [idOf("organisation", 7)] },
        }),
      ],
    });
    const subjects = checkDanglingReference(s).map((f) => f.subjects);
    expect(subjects).toEqual([
      ["nbh_0000000001", "plc_0000000009"],
      ["nbh_0000000001", "org_0000000007"],
      ["nbh_0000000001", lsoaCode(2)],
    ]);
  });

  it("reports relationship and succession ends, team hosts and budget contributors", () => {
    const s = snapshot({
      ...base,
      neighbourhoods: [neighbourhood(1)],
      organisations: [organisation(1), organisation(2)],
      relationships: [
        relationship(1, "member-of", idOf("organisation", 1), idOf("governanceBody", 5)),
      ],
      successions: [
        succession(1, "rename", [idOf("organisation", 3)], [idOf("organisation", 1)], "2020-01-01"),
      ],
      teams: [
        team(1, {
          members: [{ role: "social-worker", hostOrganisationId: idOf("organisation", 4) }],
        }),
      ],
      pooledBudgets: [
        budget(1, {
          years: [
            {
              financialYear: "2023/24",
              totalPence: 1,
              contributions: [{ organisationId: idOf("organisation", 6), amountPence: 1 }],
            },
          ],
        }),
      ],
    });
    const findings = checkDanglingReference(s);
    expect(findings.map((f) => f.subjects[1])).toEqual([
      "gov_0000000005",
      "org_0000000003",
      "org_0000000004",
      "org_0000000006",
    ]);
    expect(findings[0]?.message).toContain("governance body gov_0000000005 (objectId)");
    expect(findings.every((f) => f.severity === "error")).toBe(true);
  });

  it("reports provenance and population sources missing from the register", () => {
    const s = snapshot({
      ...base,
      neighbourhoods: [
        neighbourhood(1, {
          provenance: { sources: ["synthetic", "synthetic-missing"] },
          population: {
            value: 40_000,
            basis: "resident",
            date: "2021-03-21",
            source: "synthetic-other",
          },
        }),
      ],
      lsoas: [
        lsoa(lsoaCode(1), undefined, {
          population: {
            value: 1_500,
            basis: "resident",
            date: "2021-03-21",
            source: "synthetic-census",
          },
        }),
      ],
    });
    expect(checkDanglingReference(s).map((f) => f.subjects)).toEqual([
      ["nbh_0000000001", "synthetic-missing"],
      ["nbh_0000000001", "synthetic-other"],
      [lsoaCode(1), "synthetic-census"],
    ]);
  });

  it("reports one finding per record and target, however many versions repeat it", () => {
    const s = snapshot({
      organisations: [
        organisation(1, {
          parentId: idOf("organisation", 9),
          valid: { from: "2020-01-01", to: "2021-01-01" },
        }),
        organisation(1, {
          parentId: idOf("organisation", 9),
          valid: { from: "2021-01-01", to: null },
        }),
      ],
    });
    expect(checkDanglingReference(s)).toHaveLength(1);
  });
});
