/**
 * @module StrategyElement
 * The strategy the system works to: national aims (Health and Care Bill), city-region
 * themes (GM Strategy 2021–2031), the partnership's vision, shared outcomes and the shared
 * commitments under each outcome. Collaboratives, teams, budgets and decisions link to them.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { StrategyElementId } from "./Id.js";
import { recordFields } from "./internal/record.js";

/** The kinds of strategy element. A commitment sits under an outcome. */
export const StrategyElementKind = z
  .enum(["aim", "theme", "vision", "outcome", "commitment"])
  .meta({
    id: "StrategyElementKind",
    description: "aim, theme, vision, outcome, or commitment (under an outcome).",
  })
  .register(fieldMeta, { label: "Kind" });
export type StrategyElementKind = z.infer<typeof StrategyElementKind>;

/**
 * A version of a strategy element.
 *
 * @example
 * ```ts
 * import { StrategyElement } from "@care-atlas/domain";
 * StrategyElement.parse({
 *   id: "str_0000000001",
 *   kind: "outcome",
 *   framework: "Synthetic strategy",
 *   text: "A synthetic outcome",
 *   order: 1,
 *   valid: { from: "2022-07-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const StrategyElement = z
  .object({
    id: StrategyElementId.describe("The element's id (str_…)."),
    kind: StrategyElementKind,
    framework: z
      .string()
      .trim()
      .min(1)
      .describe("The document or strategy it belongs to.")
      .register(fieldMeta, { label: "Framework" }),
    title: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("A short name, where the source gives one.")
      .register(fieldMeta, { label: "Title" }),
    text: z
      .string()
      .trim()
      .min(1)
      .register(fieldMeta, { label: "Text", multiline: true })
      .describe("The element's words, as the strategy puts them."),
    parentId: StrategyElementId.optional()
      .describe("For a commitment, its outcome.")
      .register(fieldMeta, { label: "Parent outcome" }),
    order: z
      .number()
      .int()
      .nonnegative()
      .register(fieldMeta, { label: "Order" })
      .describe("Its position among its parent's elements, from 0."),
    ...recordFields,
  })
  .refine((e) => (e.kind === "commitment") === (e.parentId !== undefined), {
    error: "a commitment needs a parent outcome, and only a commitment has one",
    path: ["parentId"],
  })
  .meta({ id: "StrategyElement", description: "An aim, theme, vision, outcome or commitment." });
export type StrategyElement = z.infer<typeof StrategyElement>;
