/**
 * @module Links
 * Links to records: each kind has its page (a place, a neighbourhood…); other kinds open
 * the generic record page. Links keep the page's date when one was chosen.
 */
import { type EntityKind, kindOfId } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import type { Paths, Query } from "../../Paths.js";

/** The page of a record. */
export const hrefOf = (paths: Paths, id: string, query?: Query): string => {
  const kind: EntityKind | undefined = kindOfId(id);
  switch (kind) {
    case "place":
      return paths.place(id, query);
    case "neighbourhood":
      return paths.neighbourhood(id, query);
    case "team":
      return paths.team(id, query);
    case "organisation":
      return paths.organisation(id, query);
    case "collaborative":
      return paths.collaborative(id, query);
    case "pooledBudget":
      return paths.pooledBudget(id, query);
    default:
      return paths.record(id, query);
  }
};

/** A link to a record, by its name. */
export const RecordLink: FC<{ paths: Paths; id: string; name: string; query?: Query }> = ({
  paths,
  id,
  name,
  query,
}) => <a href={hrefOf(paths, id, query)}>{name}</a>;

/** Readable names of the entity kinds. */
export const kindLabels: Record<EntityKind, { one: string; many: string }> = {
  system: { one: "System", many: "Systems" },
  place: { one: "Place", many: "Places" },
  neighbourhoodScheme: { one: "Neighbourhood scheme", many: "Neighbourhood schemes" },
  neighbourhood: { one: "Neighbourhood", many: "Neighbourhoods" },
  organisation: { one: "Organisation", many: "Organisations" },
  relationship: { one: "Relationship", many: "Relationships" },
  succession: { one: "Succession", many: "Successions" },
  governanceBody: { one: "Governance body", many: "Governance bodies" },
  collaborative: { one: "Collaborative", many: "Collaboratives" },
  team: { one: "Neighbourhood team", many: "Neighbourhood teams" },
  pooledBudget: { one: "Pooled budget", many: "Pooled budgets" },
  decision: { one: "Commissioning decision", many: "Commissioning decisions" },
  strategyElement: { one: "Strategy element", many: "Strategy elements" },
};

const acronyms: Record<string, string> = {
  icb: "ICB",
  ccg: "CCG",
  pcn: "PCN",
  vcfse: "VCFSE",
  "sub-icb-location": "Sub-ICB location",
  "nhs-trust": "NHS trust",
  "gp-practice": "GP practice",
  ods: "ODS",
  gss: "GSS",
};

/**
 * A code value in words: `gp-practice` → "GP practice", `member-of` → "Member of".
 *
 * @example
 * ```ts
 * humanise("sub-icb-location"); // "Sub-ICB location"
 * ```
 */
export const humanise = (value: string): string =>
  acronyms[value] ?? value.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
