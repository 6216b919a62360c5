/**
 * @module resources/strategyElements
 * Every element of the strategy: aims, themes, the vision, outcomes and commitments.
 */
import { StrategyElement, StrategyElementId, StrategyElementKind } from "@care-atlas/domain";
import { z } from "zod";
import { defineResource, inputOf, noExpansion, noLinks } from "../resource/ResourceSpec.js";
import { allOf, whenGiven } from "./filters.js";

export const strategyElements = defineResource({
  kind: "strategyElement",
  path: "/v1/strategy/elements",
  tag: "Strategy",
  name: "StrategyElement",
  plural: "StrategyElements",
  noun: "strategy element",
  nouns: "strategy elements",
  schema: StrategyElement,
  writes: { input: inputOf(StrategyElement, "StrategyElementInput") },
  filters: {
    kind: StrategyElementKind.optional(),
    parentId: StrategyElementId.optional().meta({
      description: "Only the commitments of this outcome.",
    }),
    framework: z.string().trim().min(1).max(300).optional(),
  },
  filter: (q) =>
    allOf<StrategyElement>(
      whenGiven(q.kind, (e, v) => e.kind === v),
      whenGiven(q.parentId, (e, v) => e.parentId === v),
      whenGiven(q.framework, (e, v) => e.framework === v),
    ),
  expand: noExpansion(),
  links: noLinks(StrategyElement),
});
