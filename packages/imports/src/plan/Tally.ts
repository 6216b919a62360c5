/**
 * @module Tally
 * What a plan does to the records of a file, counted as it goes: the count of each action
 * and the first few records of each, without keeping an item per record (a postcode
 * directory has millions).
 */
import type { PlanCounts, PlanSummary } from "./summary.js";
import type { PlanAction, PlanItem } from "./Working.js";

/**
 * Counts plan items by action and keeps the first `examples` of each.
 *
 * @example
 * ```ts
 * import { Tally } from "@care-atlas/imports";
 * const tally = new Tally(2);
 * tally.note({ action: "created", kind: "postcode", id: null, key: "ZZ9 9ZZ", detail: "new" });
 * tally.summary().counts.created; // 1
 * ```
 */
export class Tally {
  readonly #examples: number;
  readonly #counts: PlanCounts = { created: 0, changed: 0, ended: 0, unchanged: 0, skipped: 0 };
  readonly #kept: Record<PlanAction, PlanItem[]> = {
    created: [],
    changed: [],
    ended: [],
    unchanged: [],
    skipped: [],
  };

  constructor(examples = 5) {
    this.#examples = examples;
  }

  /** Counts an item; builds it only while examples of its action are still wanted. */
  note(item: PlanItem | (() => PlanItem), action?: PlanAction): void {
    const resolved = typeof item === "function" ? undefined : item;
    const kind = resolved?.action ?? action;
    if (kind === undefined) throw new Error("a lazy plan item needs its action");
    this.#counts[kind]++;
    const kept = this.#kept[kind];
    if (kept.length < this.#examples) kept.push(resolved ?? (item as () => PlanItem)());
  }

  /** A tally that starts from this one's counts and examples. */
  clone(): Tally {
    const copy = new Tally(this.#examples);
    for (const action of Object.keys(this.#counts) as PlanAction[]) {
      copy.#counts[action] = this.#counts[action];
      copy.#kept[action].push(...this.#kept[action]);
    }
    return copy;
  }

  /** How many items of an action were noted. */
  count(action: PlanAction): number {
    return this.#counts[action];
  }

  /** The counts and examples so far. */
  summary(): PlanSummary {
    return {
      counts: { ...this.#counts },
      examples: {
        created: [...this.#kept.created],
        changed: [...this.#kept.changed],
        ended: [...this.#kept.ended],
        unchanged: [...this.#kept.unchanged],
        skipped: [...this.#kept.skipped],
      },
    };
  }
}
