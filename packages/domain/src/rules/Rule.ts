/**
 * @module Rule
 * The register's invariants: each rule's id, severity and description (for docs, the API
 * and the admin app), the options rules take, and the shape of a rule function.
 */
import { z } from "zod";
import { type Finding, Severity } from "../Finding.js";
import type { IsoDate } from "../Period.js";
import type { SnapshotSource } from "../queries/SnapshotIndex.js";

/**
 * The id of each rule.
 *
 * @example
 * ```ts
 * import { RuleId } from "@care-atlas/domain";
 * RuleId.parse("lsoa-overlap");
 * RuleId.safeParse("no-such-rule").success; // false
 * ```
 */
export const RuleId = z
  .enum([
    "version-overlap",
    "dangling-reference",
    "neighbourhood-nesting",
    "lsoa-overlap",
    "coverage-gap",
    "footprint-outside-place",
    "population-band",
    "pooled-budget-sum",
    "delegated-limit",
    "accountability-cycle",
    "relationship-period",
    "succession-dates",
    "code-format",
    "duplicate-code",
    "team-in-neighbourhood",
  ])
  .meta({ id: "RuleId", description: "The id of a rule check." });
export type RuleId = z.infer<typeof RuleId>;

/**
 * What a rule checks and how serious its findings are.
 *
 * @example
 * ```ts
 * import { RuleInfo, ruleCatalogue } from "@care-atlas/domain";
 * RuleInfo.array().parse(ruleCatalogue); // the catalogue, as served to the admin app
 * ```
 */
export const RuleInfo = z
  .object({
    id: RuleId,
    severity: Severity,
    title: z.string().min(1).describe("The rule's name, in a few words."),
    description: z.string().min(1).describe("What the rule checks, and why."),
  })
  .meta({ id: "RuleInfo", description: "A rule check: its id, severity and what it checks." });
export type RuleInfo = z.infer<typeof RuleInfo>;

/**
 * Every rule, in the order {@link checkSnapshot} runs them.
 *
 * @example
 * ```ts
 * import { ruleCatalogue } from "@care-atlas/domain";
 * ruleCatalogue.find((rule) => rule.id === "population-band")?.severity; // "warning"
 * ```
 */
export const ruleCatalogue = [
  {
    id: "version-overlap",
    severity: "error",
    title: "Versions overlap",
    description:
      "Two versions of one record (any kind) are valid on the same day. Versions of a record must follow each other without overlapping.",
  },
  {
    id: "dangling-reference",
    severity: "error",
    title: "Reference to a missing record",
    description:
      "A record refers to an id that no version in the register defines (a place, scheme, organisation, body, budget, strategy element, relationship or succession end, footprint PCN or practice), to an LSOA that is not in the geography, or cites a source that is not in the register's sources.",
  },
  {
    id: "neighbourhood-nesting",
    severity: "error",
    title: "Neighbourhood outside its place or scheme",
    description:
      "A neighbourhood must lie in one place at every date: its place must exist for the whole of each neighbourhood version; a scheme restricted to one place may only hold neighbourhoods of that place; the place must belong to the scheme's system; and the neighbourhood must lie within its scheme's lifetime.",
  },
  {
    id: "lsoa-overlap",
    severity: "error",
    title: "LSOA in two neighbourhoods",
    description:
      "Within one neighbourhood scheme, no LSOA may be in two neighbourhoods on the same day.",
  },
  {
    id: "coverage-gap",
    severity: "warning",
    title: "LSOAs in no neighbourhood",
    description:
      "Within a geographic or mixed scheme, an LSOA of a place (by the place's GSS district code) is in none of the scheme's neighbourhoods while the scheme has neighbourhoods with LSOA footprints in that place. Checked over all time, or on one date with the `date` option.",
  },
  {
    id: "footprint-outside-place",
    severity: "error",
    title: "Footprint LSOA outside the place",
    description:
      "Every LSOA of a neighbourhood's footprint must lie in the district of the neighbourhood's place (the place's GSS code). Places without a GSS code are not checked.",
  },
  {
    id: "population-band",
    severity: "warning",
    title: "Population outside the band",
    description:
      "A neighbourhood's population figure lies outside the band (30,000–50,000 people by default; set with the `populationBand` option).",
  },
  {
    id: "pooled-budget-sum",
    severity: "error",
    title: "Pooled budget does not add up",
    description:
      "Each financial year of a pooled budget must appear once, its contributions must add up to its total, and every contributor must be the host or a partner.",
  },
  {
    id: "delegated-limit",
    severity: "error",
    title: "Decision above the delegated limit",
    description:
      "A decision's value must not exceed the delegated limit of the body that took it, as that body stood on the decision date (bodies with no recorded limit are not checked).",
  },
  {
    id: "accountability-cycle",
    severity: "error",
    title: "Accountability cycle",
    description:
      "The lines of accountability — `accountable-to` and `reports-to` relationships, taken together, since both point up the same chain — must never form a cycle on any date.",
  },
  {
    id: "relationship-period",
    severity: "error",
    title: "Link outside a record's lifetime",
    description:
      "A relationship's period must lie inside the lifetimes of both its ends; a team's lead and members' host organisations, and a pooled budget's host and partners, must exist for the whole of each version; a decision's body and providers must exist on the decision date.",
  },
  {
    id: "succession-dates",
    severity: "error",
    title: "Succession dates disagree",
    description:
      "On a succession dated D, every predecessor's lifetime ends on D, and every successor exists on D (it may have existed before, as when a body merges into an existing one).",
  },
  {
    id: "code-format",
    severity: "error",
    title: "Malformed code",
    description:
      "Every ODS and GSS code has the format of its system and of the kind of record that holds it: organisations by organisation kind, places as local authorities (GSS E06–E09), systems as ICBs (GSS E54, ODS Q + 2), LSOAs E01, MSOAs E02, wards E05, districts E06–E09.",
  },
  {
    id: "duplicate-code",
    severity: "warning",
    title: "Code held twice",
    description:
      "Two different records of one kind hold the same code on the same day, so a lookup by that code is ambiguous. (A place and its council, or a system and its ICB, may share a code: they are of different kinds.)",
  },
  {
    id: "team-in-neighbourhood",
    severity: "error",
    title: "Team outside its neighbourhood's lifetime",
    description: "An integrated neighbourhood team exists only while its neighbourhood does.",
  },
] as const satisfies ReadonlyArray<RuleInfo>;

/**
 * The ids of every rule, in the order {@link checkSnapshot} runs them.
 *
 * @example
 * ```ts
 * import { ruleIds } from "@care-atlas/domain";
 * ruleIds.includes("coverage-gap"); // true
 * ```
 */
export const ruleIds: ReadonlyArray<RuleId> = ruleCatalogue.map((rule) => rule.id);

/**
 * The severity of each rule's findings.
 *
 * @example
 * ```ts
 * import { ruleSeverity } from "@care-atlas/domain";
 * ruleSeverity["lsoa-overlap"]; // "error"
 * ```
 */
export const ruleSeverity = Object.fromEntries(
  ruleCatalogue.map((rule) => [rule.id, rule.severity]),
) as Readonly<Record<RuleId, Severity>>;

/** The inclusive population band a neighbourhood should fall in. */
export interface PopulationBand {
  readonly min: number;
  readonly max: number;
}

/** Options every rule accepts; each rule reads the ones it needs. */
export interface RuleOptions {
  /** `population-band`: the band (default 30,000–50,000, inclusive). */
  readonly populationBand?: PopulationBand;
  /** `coverage-gap`: check on this date only, instead of over all time. */
  readonly date?: IsoDate;
}

/** A rule: a pure function from a snapshot (or its index) to findings. */
export type Rule = (snapshot: SnapshotSource, options?: RuleOptions) => Finding[];
