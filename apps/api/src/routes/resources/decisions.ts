/**
 * @module resources/decisions
 * Commissioning decisions: filter by body, date range, minimum value, commitment and
 * provider.
 */
import { Decision, GovernanceBodyId, IsoDate, StrategyElementId } from "@care-atlas/domain";
import { defineResource, inputOf, noExpansion, noLinks } from "../resource/ResourceSpec.js";
import { wholeNumber } from "../shared/query.js";
import { refFilter } from "../shared/refs.js";
import { allOf, whenGiven } from "./filters.js";

export const decisions = defineResource({
  kind: "decision",
  path: "/v1/commissioning/decisions",
  tag: "Commissioning",
  name: "Decision",
  plural: "Decisions",
  noun: "commissioning decision",
  nouns: "commissioning decisions",
  schema: Decision,
  writes: { input: inputOf(Decision, "DecisionInput") },
  filters: {
    bodyId: GovernanceBodyId.optional().meta({ description: "Only decisions of this body." }),
    from: IsoDate.optional().meta({ description: "Only decisions taken on or after this date." }),
    to: IsoDate.optional().meta({ description: "Only decisions taken before this date." }),
    minValuePence: wholeNumber(0, Number.MAX_SAFE_INTEGER, "must be a whole number of pence")
      .optional()
      .meta({ description: "Only decisions worth at least this many pence." }),
    commitmentId: StrategyElementId.optional().meta({
      description: "Only decisions linked to this strategy element.",
    }),
    providerId: refFilter(["organisation"], "Only decisions naming this provider."),
  },
  filter: (q) =>
    allOf<Decision>(
      whenGiven(q.bodyId, (d, v) => d.bodyId === v),
      whenGiven(q.from, (d, v) => d.date >= v),
      whenGiven(q.to, (d, v) => d.date < v),
      whenGiven(q.minValuePence, (d, v) => d.valuePence >= v),
      whenGiven(q.commitmentId, (d, v) => d.strategyLinks.includes(v)),
      whenGiven(q.providerId, (d, v) => d.providerIds.includes(v)),
    ),
  expand: noExpansion(),
  links: noLinks(Decision),
});
