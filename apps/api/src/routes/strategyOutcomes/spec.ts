/**
 * @module strategyOutcomes/spec
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
import { allOf, listAll, whenGiven } from "../filters.js";
import { defineResource } from "../resource.js";

export const strategyOutcomes = defineResource({
  kind: "strategyElement",
  path: "/v1/strategy/outcomes",
  tag: "Strategy",
  name: "StrategyOutcome",
  plural: "StrategyOutcomes",
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
          collaboratives: z.array(Collaborative),
          teams: z.array(NeighbourhoodTeam),
          pooledBudgets: z.array(PooledBudget),
          decisions: z.array(Decision),
        })
        .describe("What links to the outcome or one of its commitments."),
    },
    compute: (register, outcome, time) =>
      Effect.gen(function* () {
        const commitments = yield* listAll(
          register,
          "strategyElement",
          time,
          (e) => e.parentId === outcome.id,
        );
        const ids = new Set([outcome.id, ...commitments.map((c) => c.id)]);
        const links = (list: ReadonlyArray<string>) => list.some((id) => ids.has(id));
        const [collaboratives, teams, pooledBudgets, decisions] = yield* Effect.all([
          listAll(register, "collaborative", time, (c) => links(c.strategyLinks)),
          listAll(register, "team", time, (t) => links(t.strategyLinks)),
          listAll(register, "pooledBudget", time, (b) => links(b.strategyLinks)),
          listAll(register, "decision", time, (d) => links(d.strategyLinks)),
        ]);
        return { commitments, linked: { collaboratives, teams, pooledBudgets, decisions } };
      }),
  },
  writable: false,
  accepts: (element) => element.kind === "outcome",
});
