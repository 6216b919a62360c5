/**
 * @module TeamRole
 * The controlled vocabulary of roles in an integrated neighbourhood team: the 18 skills GM
 * names for its neighbourhood teams (GM Health and Social Care Partnership, Integrated Care
 * in Action Week post).
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";

/** Each role's code and label, in the source's order. */
export const teamRoleLabels = {
  "care-coordinator": "Care coordinators/navigators",
  "community-safety-advisor": "Community safety advisors",
  "district-nurse": "District nurses",
  "early-years-worker": "Early years workers",
  "environmental-health-officer": "Environmental health officers",
  "family-support-worker": "Family support workers",
  "focused-care-worker": "Focused care workers",
  "health-visitor": "Health visitors",
  "housing-officer": "Housing officers",
  "key-worker": "Key workers/early help workers",
  "mental-health-practitioner": "Mental health practitioners",
  "neighbourhood-beat-officer": "Neighbourhood beat officers",
  "community-safety-officer": "Neighbourhood/community safety officers",
  pharmacist: "Pharmacists",
  "police-community-support-officer": "Police community support officers",
  "social-worker": "Social workers",
  "substance-misuse-worker": "Substance misuse workers",
  "vcs-worker": "Voluntary and community sector workers and volunteers",
} as const;

const codes = Object.keys(teamRoleLabels) as [
  keyof typeof teamRoleLabels,
  ...(keyof typeof teamRoleLabels)[],
];

/**
 * A role in an integrated neighbourhood team.
 *
 * @example
 * ```ts
 * import { TeamRole, teamRoleLabels } from "@care-atlas/domain";
 * TeamRole.parse("district-nurse");
 * teamRoleLabels["district-nurse"]; // "District nurses"
 * ```
 */
export const TeamRole = z
  .enum(codes)
  .meta({ id: "TeamRole", description: "A role in an integrated neighbourhood team (18 roles)." })
  .register(fieldMeta, { label: "Role" });
export type TeamRole = z.infer<typeof TeamRole>;
