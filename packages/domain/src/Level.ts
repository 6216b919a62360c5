/**
 * @module Level
 * The three levels at which Greater Manchester's system works: the whole system, its places
 * (localities) and their neighbourhoods.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";

/**
 * A level of the care system.
 *
 * @example
 * ```ts
 * import { Level } from "@care-atlas/domain";
 * Level.parse("place");
 * ```
 */
export const Level = z
  .enum(["system", "place", "neighbourhood"])
  .meta({
    id: "Level",
    description: "A level of the care system: system, place or neighbourhood.",
  })
  .register(fieldMeta, { label: "Level" });
export type Level = z.infer<typeof Level>;
