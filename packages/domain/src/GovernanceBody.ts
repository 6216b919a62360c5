/**
 * @module GovernanceBody
 * Partnership boards, locality boards, joint commissioning boards and executives. Members,
 * accountability and reporting lines are {@link Relationship}s to and from the body.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { GovernanceBodyId, PlaceId, SystemId } from "./Id.js";
import { Name, recordFields } from "./internal/record.js";
import { Level } from "./Level.js";
import { Pence } from "./Money.js";

/** The kinds of governance body. */
export const GovernanceBodyKind = z
  .enum([
    "partnership-board",
    "locality-board",
    "joint-commissioning-board",
    "joint-commissioning-executive",
    "committee",
    "other",
  ])
  .meta({ id: "GovernanceBodyKind", description: "The kind of governance body." })
  .register(fieldMeta, { label: "Kind" });
export type GovernanceBodyKind = z.infer<typeof GovernanceBodyKind>;

/** The person who chairs a body, as a source names them. */
export const Chair = z
  .object({
    name: Name.describe("The chair's name, as the source gives it."),
    title: z
      .string()
      .trim()
      .min(1)
      .optional()
      .register(fieldMeta, { label: "Title" })
      .describe("The chair's title or role, when the source gives it."),
  })
  .meta({ id: "Chair", description: "The chair of a body." });
export type Chair = z.infer<typeof Chair>;

/**
 * A version of a governance body.
 *
 * @example
 * ```ts
 * import { GovernanceBody } from "@care-atlas/domain";
 * GovernanceBody.parse({
 *   id: "gov_0000000001",
 *   kind: "joint-commissioning-executive",
 *   name: "Synthetic Joint Commissioning Executive",
 *   level: "place",
 *   placeId: "plc_0000000001",
 *   commissions: true,
 *   delegatedLimitPence: 50_000_000,
 *   valid: { from: "2016-06-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const GovernanceBody = z
  .object({
    id: GovernanceBodyId.describe("The body's id (gov_…)."),
    kind: GovernanceBodyKind,
    name: Name.describe("The body's name."),
    level: Level,
    systemId: SystemId.optional()
      .register(fieldMeta, { label: "System" })
      .describe("For a system-level body: the system."),
    placeId: PlaceId.optional()
      .register(fieldMeta, { label: "Place" })
      .describe("For a place-level body: the place."),
    chair: Chair.optional().register(fieldMeta, { label: "Chair" }),
    commissions: z
      .boolean()
      .default(false)
      .describe("Whether the body takes commissioning decisions.")
      .register(fieldMeta, { label: "Takes commissioning decisions" }),
    delegatedLimitPence: Pence.nullable()
      .default(null)
      .describe("The largest single decision the body may take; null when no limit is recorded.")
      .register(fieldMeta, { label: "Delegated limit (pence)" }),
    responsibilityPence: Pence.optional()
      .describe(
        "The total value of decisions the body is responsible for, where a source states it.",
      )
      .register(fieldMeta, { label: "Responsibility (pence)" }),
    purpose: z
      .string()
      .optional()
      .register(fieldMeta, { label: "Purpose", multiline: true })
      .describe("What the body is for, as its terms of reference put it."),
    ...recordFields,
  })
  .refine((b) => b.level !== "place" || b.placeId !== undefined, {
    error: "a place-level body needs a placeId",
    path: ["placeId"],
  })
  .meta({
    id: "GovernanceBody",
    description: "A board, executive or committee of the care system.",
  });
export type GovernanceBody = z.infer<typeof GovernanceBody>;
