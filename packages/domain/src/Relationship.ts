/**
 * @module Relationship
 * Dated links between entities: membership (a practice in a PCN, an organisation in a
 * collaborative or on a board), leadership, accountability and reporting lines, hosting.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { EntityId, RelationshipId } from "./Id.js";
import { recordFields } from "./internal/record.js";

/**
 * The kinds of relationship. Read them as "subject KIND object": a practice is `member-of`
 * a PCN; an executive is `accountable-to` a board; a trust is `lead-of` a collaborative.
 */
export const RelationshipKind = z
  .enum([
    "member-of",
    "lead-of",
    "chair-of",
    "accountable-to",
    "reports-to",
    "hosted-by",
    "part-of",
  ])
  .meta({ id: "RelationshipKind", description: "How the subject relates to the object." })
  .register(fieldMeta, { label: "Kind" });
export type RelationshipKind = z.infer<typeof RelationshipKind>;

/**
 * A version of a relationship: `subject KIND object`, with an optional role, for a period
 * that must lie inside both ends' periods.
 *
 * @example
 * ```ts
 * import { Relationship } from "@care-atlas/domain";
 * Relationship.parse({
 *   id: "rel_0000000001",
 *   kind: "member-of",
 *   subjectId: "org_0000000001",
 *   objectId: "org_0000000002",
 *   valid: { from: "2019-07-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const Relationship = z
  .object({
    id: RelationshipId.describe("The relationship's id (rel_…)."),
    kind: RelationshipKind,
    subjectId: EntityId,
    objectId: EntityId,
    role: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe("e.g. 'lead provider', 'voting member'.")
      .register(fieldMeta, { label: "Role" }),
    ...recordFields,
  })
  .refine((r) => r.subjectId !== r.objectId, {
    error: "an entity cannot relate to itself",
    path: ["objectId"],
  })
  .meta({ id: "Relationship", description: "A dated link: subject KIND object." })
  .register(fieldMeta, {
    fields: { subjectId: { label: "Subject" }, objectId: { label: "Object" } },
  });
export type Relationship = z.infer<typeof Relationship>;
