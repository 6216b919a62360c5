/**
 * @module Succession
 * Dated succession between entities: mergers, splits, renames and transfers. The
 * succession's valid period starts on the day the successors took over.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { EntityId, SuccessionId } from "./Id.js";
import { recordFields } from "./internal/record.js";

/** The kinds of succession. */
export const SuccessionKind = z
  .enum(["merge", "split", "rename", "transfer"])
  .meta({
    id: "SuccessionKind",
    description:
      "merge: many → one; split: one → many; rename: one → one, same body; transfer: one → one, functions moved.",
  })
  .register(fieldMeta, { label: "Kind", hint: false });
export type SuccessionKind = z.infer<typeof SuccessionKind>;

const one = (n: number) => n === 1;
const many = (n: number) => n >= 2;
const arity: Record<SuccessionKind, [(n: number) => boolean, (n: number) => boolean]> = {
  merge: [many, one],
  split: [one, many],
  rename: [one, one],
  transfer: [one, one],
};
const arityText: Record<SuccessionKind, string> = {
  merge: "two or more predecessors, one successor",
  split: "one predecessor, two or more successors",
  rename: "one predecessor, one successor",
  transfer: "one predecessor, one successor",
};

/**
 * A succession. `valid.from` is the date of the change; predecessors end on it and
 * successors exist from it.
 *
 * @example
 * ```ts
 * import { Succession } from "@care-atlas/domain";
 * Succession.parse({
 *   id: "suc_0000000001",
 *   kind: "merge",
 *   predecessorIds: ["org_0000000001", "org_0000000002"],
 *   successorIds: ["org_0000000003"],
 *   valid: { from: "2017-04-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const Succession = z
  .object({
    id: SuccessionId.describe("The succession's id (suc_…)."),
    kind: SuccessionKind,
    predecessorIds: z
      .array(EntityId)
      .min(1)
      .register(fieldMeta, { label: "Predecessors" })
      .describe("The entities that ended on the date."),
    successorIds: z
      .array(EntityId)
      .min(1)
      .register(fieldMeta, { label: "Successors" })
      .describe("The entities that carried them on from the date."),
    note: z
      .string()
      .optional()
      .register(fieldMeta, { label: "Note", multiline: true })
      .describe("What happened, in words."),
    ...recordFields,
  })
  .superRefine((s, ctx) => {
    const [predecessors, successors] = arity[s.kind];
    if (!predecessors(s.predecessorIds.length)) {
      ctx.addIssue({
        code: "custom",
        path: ["predecessorIds"],
        message: `wrong number of predecessors for a ${s.kind}: ${arityText[s.kind]}`,
      });
    }
    if (!successors(s.successorIds.length)) {
      ctx.addIssue({
        code: "custom",
        path: ["successorIds"],
        message: `wrong number of successors for a ${s.kind}: ${arityText[s.kind]}`,
      });
    }
    if (s.predecessorIds.some((id) => s.successorIds.includes(id))) {
      ctx.addIssue({
        code: "custom",
        path: ["successorIds"],
        message: "an entity cannot succeed itself",
      });
    }
  })
  .meta({ id: "Succession", description: "A dated merge, split, rename or transfer." });
export type Succession = z.infer<typeof Succession>;
