/**
 * @module checkRules
 * The domain rules over the whole register as recorded (now, or at a past `asOf`):
 * errors (which writes may not introduce) and warnings.
 */
import type { Finding } from "@care-atlas/domain";
import { Effect } from "effect";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";

/** Options of `checkRules`. */
export interface CheckRulesOptions {
  readonly asOf?: Date | undefined;
}

/** The findings on a data version. */
export interface RulesRead {
  readonly findings: ReadonlyArray<Finding>;
  readonly errors: number;
  readonly warnings: number;
  readonly dataVersion: number;
}

export type CheckRules = (
  options?: CheckRulesOptions,
) => Effect.Effect<RulesRead, ValidationFailed | StoreUnavailable>;

/** `checkRules({ asOf? })`. */
export const makeCheckRules =
  (ctx: RegisterContext): CheckRules =>
  (options) =>
    Effect.gen(function* () {
      const { asOf } = yield* parseReadOptions({ asOf: options?.asOf });
      const model = yield* ctx.live.at(asOf);
      const findings = ctx.findingsOf(model);
      const errors = findings.filter((finding) => finding.severity === "error").length;
      return {
        findings,
        errors,
        warnings: findings.length - errors,
        dataVersion: model.seq,
      } satisfies RulesRead;
    });
