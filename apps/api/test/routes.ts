/**
 * The API's routes as the tests see them: every resource's collection path and how to find
 * one id in it (from the dataset or from the synthetic fixtures).
 */
import type { Created } from "./fixtures.js";
import { dataset, real } from "./fixtures.js";

export interface ResourceCase {
  readonly path: string;
  /** An id the collection holds today. */
  readonly id: (created: Record<string, Created>) => string;
  /** An id of another kind, or of nothing: 404 / 400. */
  readonly kindPrefix: string;
  readonly writable: boolean;
}

const must = (value: string | undefined, what: string): string => {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
};
const createdId = (path: string) => (created: Record<string, Created>) =>
  must(created[path]?.id, `synthetic ${path}`);

export const resourceCases: ReadonlyArray<ResourceCase> = [
  { path: "/v1/systems", id: () => real.system.id, kindPrefix: "sys", writable: true },
  { path: "/v1/places", id: () => real.place.id, kindPrefix: "plc", writable: true },
  {
    path: "/v1/neighbourhood-schemes",
    id: () => real.neighbourhood.schemeId,
    kindPrefix: "nsc",
    writable: true,
  },
  {
    path: "/v1/neighbourhoods",
    id: () => real.neighbourhood.id,
    kindPrefix: "nbh",
    writable: true,
  },
  { path: "/v1/organisations", id: () => real.practice.id, kindPrefix: "org", writable: true },
  {
    path: "/v1/relationships",
    id: () =>
      must(dataset.relationships.find((r) => r.valid.to === null)?.id, "current relationship"),
    kindPrefix: "rel",
    writable: true,
  },
  {
    path: "/v1/successions",
    id: () => must(dataset.successions[0]?.id, "succession"),
    kindPrefix: "suc",
    writable: false,
  },
  {
    path: "/v1/collaboratives",
    id: createdId("/v1/collaboratives"),
    kindPrefix: "col",
    writable: true,
  },
  { path: "/v1/teams", id: createdId("/v1/teams"), kindPrefix: "int", writable: true },
  {
    path: "/v1/governance/bodies",
    id: () => must(dataset.governanceBodies.find((b) => b.valid.to === null)?.id, "body"),
    kindPrefix: "gov",
    writable: true,
  },
  {
    path: "/v1/commissioning/bodies",
    id: createdId("/v1/governance/bodies"),
    kindPrefix: "gov",
    writable: false,
  },
  {
    path: "/v1/commissioning/pooled-budgets",
    id: createdId("/v1/commissioning/pooled-budgets"),
    kindPrefix: "pbg",
    writable: true,
  },
  {
    path: "/v1/commissioning/decisions",
    id: createdId("/v1/commissioning/decisions"),
    kindPrefix: "dec",
    writable: true,
  },
  { path: "/v1/strategy/elements", id: () => real.outcome.id, kindPrefix: "str", writable: true },
  { path: "/v1/strategy/outcomes", id: () => real.outcome.id, kindPrefix: "str", writable: false },
];

/** A well-formed id of the kind that names nothing. */
export const missingId = (prefix: string): string => `${prefix}_zzzzzzzzzzzzzz`;
