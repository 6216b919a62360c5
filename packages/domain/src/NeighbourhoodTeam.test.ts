import { describe, expect, it } from "vitest";
import { NeighbourhoodTeam, TeamMember } from "./NeighbourhoodTeam.js";

const team = {
  id: "int_00000001",
  name: "Synthetic North INT",
  neighbourhoodId: "nbh_00000001",
  valid: { from: "2023-01-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = NeighbourhoodTeam.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("NeighbourhoodTeam", () => {
  it("accepts a team and fills its defaults: GP-led, no members, no strategy links", () => {
    expect(NeighbourhoodTeam.parse(team)).toEqual({
      ...team,
      gpLed: true,
      members: [],
      strategyLinks: [],
    });
  });

  it("accepts members by role and host organisation", () => {
    const full = {
      ...team,
      leadOrganisationId: "org_00000001",
      gpLed: false,
      members: [
        { role: "district-nurse", hostOrganisationId: "org_00000002", headcount: 4 },
        { role: "social-worker", hostOrganisationId: "org_00000003" },
      ],
      strategyLinks: ["str_00000001"],
    };
    expect(NeighbourhoodTeam.parse(full)).toEqual(full);
  });

  it.each([
    ["a collaborative id", { id: "col_00000001" }, "id", "must be a team id (int_…)"],
    ["an empty name", { name: "" }, "name", "must not be empty"],
    [
      "a neighbourhood id of the wrong kind",
      { neighbourhoodId: "plc_00000001" },
      "neighbourhoodId",
      "must be a neighbourhood id (nbh_…)",
    ],
    [
      "a lead of the wrong kind",
      { leadOrganisationId: "int_00000002" },
      "leadOrganisationId",
      "must be an organisation id (org_…)",
    ],
    [
      "a role outside the vocabulary",
      { members: [{ role: "surgeon", hostOrganisationId: "org_00000002" }] },
      "members.0.role",
      expect.stringMatching(/district-nurse/),
    ],
    [
      "a member without a host",
      { members: [{ role: "district-nurse" }] },
      "members.0.hostOrganisationId",
      expect.stringMatching(/expected string/),
    ],
    [
      "a host of the wrong kind",
      { members: [{ role: "district-nurse", hostOrganisationId: "plc_00000001" }] },
      "members.0.hostOrganisationId",
      "must be an organisation id (org_…)",
    ],
    [
      "a headcount of zero",
      { members: [{ role: "district-nurse", hostOrganisationId: "org_00000002", headcount: 0 }] },
      "members.0.headcount",
      expect.stringMatching(/>0/),
    ],
    [
      "a fractional headcount",
      { members: [{ role: "district-nurse", hostOrganisationId: "org_00000002", headcount: 1.5 }] },
      "members.0.headcount",
      expect.stringMatching(/int/),
    ],
    [
      "a strategy link of the wrong kind",
      { strategyLinks: ["dec_00000001"] },
      "strategyLinks.0",
      "must be a strategyElement id (str_…)",
    ],
    [
      "valid.to before valid.from",
      { valid: { from: "2023-01-01", to: "2022-12-31" } },
      "valid.to",
      "to must be after from",
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...team, ...patch })).toContainEqual({ path, message });
  });

  it("TeamMember on its own", () => {
    expect(TeamMember.parse({ role: "pharmacist", hostOrganisationId: "org_00000002" })).toEqual({
      role: "pharmacist",
      hostOrganisationId: "org_00000002",
    });
  });
});
