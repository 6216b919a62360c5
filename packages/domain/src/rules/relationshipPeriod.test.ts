import { describe, expect, it } from "vitest";
import {
  body,
  budget,
  decision,
  idOf,
  neighbourhood,
  organisation,
  period,
  relationship,
  snapshot,
  team,
} from "../testing/syntheticRecords.js";
import { checkRelationshipPeriod } from "./relationshipPeriod.js";

const org = (n: number) => idOf("organisation", n);

describe("relationship-period", () => {
  it("passes links inside the lifetimes of what they link, across versions", () => {
    const s = snapshot({
      organisations: [
        organisation(1, { valid: period("2015-01-01", "2018-01-01") }),
        organisation(1, {
          name: "Synthetic Organisation 1 (renamed)",
          valid: period("2018-01-01"),
        }),
        organisation(2, { valid: period("2016-01-01") }),
      ],
      governanceBodies: [body(1, { valid: period("2016-01-01") })],
      neighbourhoods: [neighbourhood(1)],
      relationships: [
        relationship(1, "member-of", org(1), org(2), { valid: period("2016-01-01", "2020-01-01") }),
      ],
      teams: [team(1, { members: [{ role: "district-nurse", hostOrganisationId: org(1) }] })],
      pooledBudgets: [budget(1)],
      decisions: [decision(1, { providerIds: [org(2)] })],
    });
    expect(checkRelationshipPeriod(s)).toEqual([]);
  });

  it("reports a relationship that starts before its object exists", () => {
    const s = snapshot({
      organisations: [
        organisation(1, { valid: period("2015-01-01") }),
        organisation(2, { valid: period("2020-01-01") }),
      ],
      relationships: [
        relationship(1, "member-of", org(1), org(2), { valid: period("2019-01-01") }),
      ],
    });
    const findings = checkRelationshipPeriod(s);
    expect(findings.map((f) => f.subjects)).toEqual([["rel_0000000001", "org_0000000002"]]);
    expect(findings[0]?.message).toBe(
      'relationship rel_0000000001 (organisation "Synthetic Organisation 1" (org_0000000001) member-of organisation "Synthetic Organisation 2" (org_0000000002)) is valid from 2019-01-01 (open-ended), outside the lifetime of its object organisation "Synthetic Organisation 2" (org_0000000002), which exists from 2020-01-01 (open-ended).',
    );
  });

  it("reports a relationship that spans a gap in its subject's lifetime", () => {
    const s = snapshot({
      organisations: [
        organisation(1, { valid: period("2015-01-01", "2017-01-01") }),
        organisation(1, { valid: period("2018-01-01") }),
        organisation(2, { valid: period("2015-01-01") }),
      ],
      relationships: [
        relationship(1, "member-of", org(1), org(2), { valid: period("2016-01-01") }),
      ],
    });
    expect(checkRelationshipPeriod(s).map((f) => f.subjects)).toEqual([
      ["rel_0000000001", "org_0000000001"],
    ]);
  });

  it("reports team hosts, budget hosts and decision bodies outside their lifetimes", () => {
    const s = snapshot({
      organisations: [organisation(1, { valid: period("2021-01-01") }), organisation(2)],
      governanceBodies: [body(1, { valid: period("2024-01-01") })],
      neighbourhoods: [neighbourhood(1)],
      teams: [team(1, { members: [{ role: "pharmacist", hostOrganisationId: org(1) }] })],
      pooledBudgets: [budget(1)],
      decisions: [decision(1)],
    });
    const findings = checkRelationshipPeriod(s);
    expect(findings.map((f) => f.subjects)).toEqual([
      ["int_0000000001", "org_0000000001"],
      ["pbg_0000000001", "org_0000000001"],
      ["dec_0000000001", "gov_0000000001"],
    ]);
    expect(findings[2]?.message).toContain("is dated 2023-05-01, when its body");
  });
});
