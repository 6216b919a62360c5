/**
 * @module checkRules
 * The domain rules over the whole register as recorded (now, or at a past `asOf`):
 * errors (which writes may not introduce) and warnings — all of them, or those of one rule,
 * one severity, about one record, or about records valid on a date.
 */
import { type Finding, History, RuleId, Severity } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseWith, ReadOptionsSchema } from "../internal/input.js";
import type { ReadModel } from "../ReadModel.js";

/** Options of `checkRules`: every given filter must match. */
export interface CheckRulesOptions {
  readonly asOf?: Date | undefined;
  /** Only findings of this rule. */
  readonly rule?: RuleId | undefined;
  /** Only findings of this severity. */
  readonly severity?: Severity | undefined;
  /** Only findings about this id (or LSOA code). */
  readonly subject?: string | undefined;
  /**
   * Only findings about a record valid on this date: at least one subject is an entity with
   * a version valid then, or an LSOA (reference geography, not dated).
   */
  readonly validAt?: string | undefined;
}

/** The findings on a data version. */
export interface RulesRead {
  readonly findings: ReadonlyArray<Finding>;
  /** Errors and warnings among `findings`. */
  readonly errors: number;
  readonly warnings: number;
  readonly dataVersion: number;
}

export type CheckRules = (
  options?: CheckRulesOptions,
) => Effect.Effect<RulesRead, ValidationFailed | StoreUnavailable>;

const Options = ReadOptionsSchema.extend({
  rule: RuleId.optional(),
  severity: Severity.optional(),
  subject: z.string().trim().min(1).max(100).optional(),
});

/** Whether `subject` names a record valid on `date` in `model` (an LSOA code always is). */
const validSubject = (model: ReadModel, subject: string, date: string): boolean => {
  const history = model.history(subject);
  if (history !== undefined) return History.versionAt(history.versions, date) !== undefined;
  return model.lsoa(subject) !== undefined;
};

/** `checkRules({ asOf?, rule?, severity?, subject?, validAt? })`. */
export const makeCheckRules =
  (ctx: RegisterContext): CheckRules =>
  (options) =>
    Effect.gen(function* () {
      const { asOf, rule, severity, subject, validAt } = yield* parseWith(
        Options,
        options ?? {},
        "query",
      );
      const model = yield* ctx.live.at(asOf);
      const findings = ctx
        .findingsOf(model)
        .filter(
          (finding) =>
            (rule === undefined || finding.rule === rule) &&
            (severity === undefined || finding.severity === severity) &&
            (subject === undefined || finding.subjects.includes(subject)) &&
            (validAt === undefined ||
              finding.subjects.some((id) => validSubject(model, id, validAt))),
        );
      const errors = findings.filter((finding) => finding.severity === "error").length;
      return {
        findings,
        errors,
        warnings: findings.length - errors,
        dataVersion: model.seq,
      } satisfies RulesRead;
    });
