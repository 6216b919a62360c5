/**
 * @module resources/strategyOutcomes
 * The shared outcomes, each with its commitments and what links to them (collaboratives,
 * teams, pooled budgets, decisions). Read-only; write at /v1/strategy/elements.
 */
import {
  Collaborative,
  Decision,
  NeighbourhoodTeam,
  PooledBudget,
  StrategyElement,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { defineResource, noLinks } from "../resource/ResourceSpec.js";
import { allOf, whenGiven } from "./filters.js";

export const strategyOutcomes = defineResource({
  kind: "strategyElement",
  path: "/v1/strategy/outcomes",
  tag: "Strategy",
  name: "StrategyOutcome",
  plural: "StrategyOutcomes",
  noun: "strategy outcome",
  nouns: "strategy outcomes",
  schema: StrategyElement,
  filters: {
    framework: z.string().trim().min(1).max(300).optional(),
  },
  filter: (q) =>
    allOf<StrategyElement>(
      (e) => e.kind === "outcome",
      whenGiven(q.framework, (e, v) => e.framework === v),
    ),
  expand: {
    shape: {
      commitments: z.array(StrategyElement).describe("The commitments under the outcome."),
      linked: z
        .object({
          collaboratives: z.array(Collaborative).describe("Provider collaboratives that serve it."),
          teams: z.array(NeighbourhoodTeam).describe("Neighbourhood teams that serve it."),
          pooledBudgets: z.array(PooledBudget).describe("Pooled budgets that serve it."),
          decisions: z.array(Decision).describe("Commissioning decisions that serve it."),
        })
        .describe("What links to the outcome or one of its commitments."),
    },
    compute: (register, outcome, time) =>
      Effect.gen(function* () {
        const commitments = yield* register.listAll("strategyElement", {
          ...time,
          filter: (e) => e.parentId === outcome.id,
        });
        const ids = new Set([outcome.id, ...commitments.items.map((c) => c.id)]);
        const linked = (item: { readonly strategyLinks: ReadonlyArray<string> }) =>
          item.strategyLinks.some((id) => ids.has(id));
        const [collaboratives, teams, pooledBudgets, decisions] = yield* Effect.all([
          register.listAll("collaborative", { ...time, filter: linked }),
          register.listAll("team", { ...time, filter: linked }),
          register.listAll("pooledBudget", { ...time, filter: linked }),
          register.listAll("decision", { ...time, filter: linked }),
        ]);
        return {
          commitments: [...commitments.items],
          linked: {
            collaboratives: [...collaboratives.items],
            teams: [...teams.items],
            pooledBudgets: [...pooledBudgets.items],
            decisions: [...decisions.items],
          },
        };
      }),
  },
  accepts: (element) => element.kind === "outcome",
  links: noLinks(StrategyElement),
});
