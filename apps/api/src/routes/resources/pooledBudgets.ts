/**
 * @module resources/pooledBudgets
 * Pooled budgets: host, partners and yearly contributions.
 */
import { FinancialYear, PooledBudget } from "@care-atlas/domain";
import { defineResource, inputOf, noExpansion, noLinks } from "../resource/ResourceSpec.js";
import { refFilter } from "../shared/refs.js";
import { allOf, whenGiven } from "./filters.js";

export const pooledBudgets = defineResource({
  kind: "pooledBudget",
  path: "/v1/commissioning/pooled-budgets",
  tag: "Commissioning",
  name: "PooledBudget",
  plural: "PooledBudgets",
  noun: "pooled budget",
  nouns: "pooled budgets",
  schema: PooledBudget,
  writes: { input: inputOf(PooledBudget, "PooledBudgetInput") },
  filters: {
    placeId: refFilter(["place"], "Only budgets of this place."),
    hostId: refFilter(["organisation"], "Only budgets this organisation hosts."),
    partnerId: refFilter(["organisation"], "Only budgets this organisation is a partner in."),
    financialYear: FinancialYear.optional().meta({
      description: "Only budgets with figures for this year, e.g. 2016/17.",
    }),
  },
  filter: (q) =>
    allOf<PooledBudget>(
      whenGiven(q.placeId, (b, v) => b.placeId === v),
      whenGiven(q.hostId, (b, v) => b.hostId === v),
      whenGiven(q.partnerId, (b, v) => b.partnerIds.includes(v) || b.hostId === v),
      whenGiven(q.financialYear, (b, v) => b.years.some((year) => year.financialYear === v)),
    ),
  expand: noExpansion(),
  links: noLinks(PooledBudget),
});
