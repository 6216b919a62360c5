/**
 * @module Collaborative
 * Provider collaboratives at neighbourhood, place and system level. Members and the lead
 * are {@link Relationship}s (`member-of`, `lead-of`) from organisations to the collaborative.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { CollaborativeId, NeighbourhoodId, PlaceId, StrategyElementId, SystemId } from "./Id.js";
import { Name, recordFields } from "./internal/record.js";
import { Level } from "./Level.js";

/** Why providers collaborate (seed: GMICP operating model). */
export const CollaborativePurpose = z
  .enum([
    "reduce-unwarranted-variation",
    "mutual-aid-resilience",
    "specialisation-consolidation",
    "integration",
  ])
  .meta({
    id: "CollaborativePurpose",
    description:
      "reduce-unwarranted-variation (and inequality); mutual-aid-resilience; specialisation-consolidation; integration of services in a place or neighbourhood.",
  });
export type CollaborativePurpose = z.infer<typeof CollaborativePurpose>;

/**
 * A version of a provider collaborative.
 *
 * @example
 * ```ts
 * import { Collaborative } from "@care-atlas/domain";
 * Collaborative.parse({
 *   id: "col_0000000001",
 *   name: "Synthetic Acute Collaborative",
 *   level: "system",
 *   systemId: "sys_0000000001",
 *   purposes: ["mutual-aid-resilience"],
 *   valid: { from: "2022-07-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const Collaborative = z
  .object({
    id: CollaborativeId.describe("The collaborative's id (col_…)."),
    name: Name.describe("The collaborative's name."),
    level: Level,
    systemId: SystemId.optional()
      .register(fieldMeta, { label: "System" })
      .describe("For a system-level collaborative: the system it works across."),
    placeId: PlaceId.optional()
      .register(fieldMeta, { label: "Place" })
      .describe("For a place-level collaborative: the place it works in."),
    neighbourhoodId: NeighbourhoodId.optional()
      .register(fieldMeta, { label: "Neighbourhood" })
      .describe("For a neighbourhood-level collaborative: the neighbourhood it works in."),
    purposes: z
      .array(CollaborativePurpose)
      .min(1, { error: "name at least one purpose" })
      .register(fieldMeta, { label: "Purposes" })
      .describe(
        "What the collaborative is for: one or more of the purposes the GM partnership names.",
      ),
    description: z
      .string()
      .optional()
      .register(fieldMeta, { label: "Description", multiline: true })
      .describe("What the collaborative does, in its own words."),
    strategyLinks: z
      .array(StrategyElementId)
      .default([])
      .register(fieldMeta, { label: "Strategy links" })
      .describe("The strategy elements (outcomes, commitments) it serves."),
    ...recordFields,
  })
  .superRefine((c, ctx) => {
    if (c.level === "place" && c.placeId === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["placeId"],
        message: "a place-level collaborative needs a placeId",
      });
    }
    if (c.level === "neighbourhood" && c.neighbourhoodId === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["neighbourhoodId"],
        message: "a neighbourhood-level collaborative needs a neighbourhoodId",
      });
    }
    if (c.level === "system" && c.systemId === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["systemId"],
        message: "a system-level collaborative needs a systemId",
      });
    }
  })
  .meta({
    id: "Collaborative",
    description: "A provider collaborative at neighbourhood, place or system level.",
  });
export type Collaborative = z.infer<typeof Collaborative>;
