/**
 * @module Population
 * A population figure with what it counts, its date and its source.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { IsoDate } from "./Period.js";
import { SourceKey } from "./Provenance.js";

/**
 * A population figure: resident (e.g. Census) or registered (GP list), with its date and
 * source, and how it was derived when it is a sum or an estimate.
 *
 * @example
 * ```ts
 * import { PopulationFigure } from "@care-atlas/domain";
 * PopulationFigure.parse({ value: 41_000, basis: "resident", date: "2021-03-21", source: "ons-census-2021" });
 * ```
 */
export const PopulationFigure = z
  .object({
    value: z
      .number()
      .int()
      .nonnegative()
      .register(fieldMeta, { label: "Value" })
      .describe("The number of people."),
    basis: z
      .enum(["resident", "registered"])
      .describe("resident: usual residents; registered: GP list size.")
      .register(fieldMeta, { label: "Basis", hint: false }),
    date: IsoDate.describe("The date the figure describes.").register(fieldMeta, {
      label: "Date",
    }),
    source: SourceKey,
    derivation: z
      .string()
      .min(1)
      .optional()
      .register(fieldMeta, { label: "Derivation", multiline: true })
      .describe("How the figure was worked out, when it is a sum or an estimate."),
  })
  .meta({
    id: "PopulationFigure",
    description: "A population figure with its basis, date and source.",
  });
export type PopulationFigure = z.infer<typeof PopulationFigure>;
