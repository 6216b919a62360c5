/** What every verb of a Register works with. */
import { type Finding, RegisterCheck, type SnapshotIndex } from "@care-atlas/domain";
import type { ReadModel } from "../ReadModel.js";
import type { Store } from "../StoreService.js";
import type { Live } from "./live.js";

export interface RegisterContext {
  readonly store: Store;
  readonly live: Live;
  /** The rule check run before every write (and by `checkRules`). */
  readonly rules: (index: SnapshotIndex) => ReadonlyArray<Finding>;
  /** The findings of a model, computed once per model. */
  readonly findingsOf: (model: ReadModel) => ReadonlyArray<Finding>;
  /** Records the findings of a model computed elsewhere (a write's candidate). */
  readonly rememberFindings: (model: ReadModel, findings: ReadonlyArray<Finding>) => void;
  /**
   * The incremental check of the domain's rules for a model — the one the model holds, or
   * built from it and held — or `undefined` when the register runs other rules.
   */
  readonly checkOf: (model: ReadModel) => RegisterCheck | undefined;
}

/** The incremental check of a model, held by the model once built. */
export const heldCheck = (model: ReadModel): RegisterCheck => {
  const held = model.ruleCheck;
  if (held !== undefined) return held;
  const built = RegisterCheck.build(model.index);
  model.holdRuleCheck(built);
  return built;
};

/** A RegisterContext's findings memo. */
export const findingsMemo = (rules: (index: SnapshotIndex) => ReadonlyArray<Finding>) => {
  const memo = new WeakMap<ReadModel, ReadonlyArray<Finding>>();
  return {
    findingsOf: (model: ReadModel) => {
      let findings = memo.get(model);
      if (findings === undefined) {
        findings = rules(model.index);
        memo.set(model, findings);
      }
      return findings;
    },
    rememberFindings: (model: ReadModel, findings: ReadonlyArray<Finding>) => {
      memo.set(model, findings);
    },
  };
};
