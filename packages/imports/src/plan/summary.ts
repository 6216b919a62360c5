/**
 * @module summary
 * What a plan does, counted: created / changed / ended / unchanged / skipped, with the
 * first few records of each as examples (for a dry run, a progress line or a plan page).
 */
import type { PlanAction, PlanItem } from "./Working.js";

/** Counts by action. */
export type PlanCounts = Record<PlanAction, number>;

/** The counts and the first `examples` items of each action. */
export interface PlanSummary {
  readonly counts: PlanCounts;
  readonly examples: Record<PlanAction, ReadonlyArray<PlanItem>>;
}

/** The actions, in the order they are reported. */
export const planActions: ReadonlyArray<PlanAction> = [
  "created",
  "changed",
  "ended",
  "unchanged",
  "skipped",
];

/**
 * Counts the items and keeps up to `examples` of each action.
 *
 * @example
 * ```ts
 * import { summarise } from "@care-atlas/imports";
 * summarise([{ action: "created", kind: "organisation", id: null, key: "RZZ", detail: "" }]).counts.created; // 1
 * ```
 */
export const summarise = (items: ReadonlyArray<PlanItem>, examples = 5): PlanSummary => {
  const counts: PlanCounts = { created: 0, changed: 0, ended: 0, unchanged: 0, skipped: 0 };
  const kept: Record<PlanAction, PlanItem[]> = {
    created: [],
    changed: [],
    ended: [],
    unchanged: [],
    skipped: [],
  };
  for (const item of items) {
    counts[item.action]++;
    if (kept[item.action].length < examples) kept[item.action].push(item);
  }
  return { counts, examples: kept };
};
