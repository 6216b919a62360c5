/**
 * @module Finding
 * What a rule check reports: the rule, how serious it is, what it is about and a message.
 * Errors block a write; warnings are shown.
 */
import { z } from "zod";

/** How serious a finding is. */
export const Severity = z
  .enum(["error", "warning"])
  .meta({ id: "Severity", description: "error: blocks a write; warning: shown, does not block." });
export type Severity = z.infer<typeof Severity>;

/**
 * A finding of a rule check.
 *
 * @example
 * ```ts
 * import { Finding } from "@care-atlas/domain";
 * Finding.parse({
 *   rule: "population-band",
 *   severity: "warning",
 *   subjects: ["nbh_0000000001"],
 *   message: "Synthetic North has 12,000 people, outside 30,000–50,000",
 * });
 * ```
 */
export const Finding = z
  .object({
    rule: z.string().min(1).describe("The id of the rule, e.g. neighbourhood-one-place."),
    severity: Severity,
    subjects: z.array(z.string()).describe("Ids (or codes) of the records the finding is about."),
    message: z.string().min(1).describe("What is wrong, in words, naming the records."),
  })
  .meta({ id: "Finding", description: "A finding of a rule check." });
export type Finding = z.infer<typeof Finding>;
