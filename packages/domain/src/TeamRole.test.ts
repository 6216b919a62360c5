import { describe, expect, it } from "vitest";
import { TeamRole, teamRoleLabels } from "./TeamRole.js";

// The 18 roles as listed, in order, by the GM Health and Social Care Partnership's
// "Integrated Care in Action Week" post (seed 002_8135affe55cafaf9.txt).
const sourceList = [
  "Care coordinators/navigators",
  "Community safety advisors",
  "District nurses",
  "Early years workers",
  "Environmental health officers",
  "Family support workers",
  "Focused care workers",
  "Health visitors",
  "Housing officers",
  "Key workers/early help workers",
  "Mental health practitioners",
  "Neighbourhood beat officers",
  "Neighbourhood/community safety officers",
  "Pharmacists",
  "Police community support officers",
  "Social workers",
  "Substance misuse workers",
  "Voluntary and community sector workers and volunteers",
];

describe("TeamRole", () => {
  it("has the 18 roles of the source, in its order, each with a label", () => {
    expect(Object.values(teamRoleLabels)).toEqual(sourceList);
    expect(TeamRole.options).toEqual(Object.keys(teamRoleLabels));
  });

  it("uses kebab-case codes", () => {
    for (const code of TeamRole.options) expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it.each(["district-nurse", "vcs-worker", "pharmacist"])("accepts %s", (role) => {
    expect(TeamRole.parse(role)).toBe(role);
  });

  it.each(["District nurses", "gp", "district_nurse", ""])("rejects %j", (role) => {
    expect(TeamRole.safeParse(role).success).toBe(false);
  });
});
