/**
 * @module Decision
 * Commissioning decisions: which body decided, when, what it is worth (in pence), for which
 * service area and providers, and which strategy it serves.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import {
  DecisionId,
  GovernanceBodyId,
  OrganisationId,
  PooledBudgetId,
  StrategyElementId,
} from "./Id.js";
import { Name, recordFields } from "./internal/record.js";
import { Pence } from "./Money.js";
import { IsoDate } from "./Period.js";

/**
 * A version of a commissioning decision. `valid.from` is normally the decision date; a
 * rescinded decision gets a closed period.
 *
 * @example
 * ```ts
 * import { Decision } from "@care-atlas/domain";
 * Decision.parse({
 *   id: "dec_0000000001",
 *   bodyId: "gov_0000000001",
 *   title: "Synthetic community equipment contract",
 *   date: "2023-05-01",
 *   valuePence: 25_000_000,
 *   serviceArea: "community equipment",
 *   valid: { from: "2023-05-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const Decision = z
  .object({
    id: DecisionId.describe("The decision's id (dec_…)."),
    bodyId: GovernanceBodyId.describe("The commissioning body that took the decision."),
    title: Name.describe("What was decided, in a line."),
    date: IsoDate,
    valuePence: Pence,
    serviceArea: z
      .string()
      .trim()
      .min(1)
      .register(fieldMeta, { label: "Service area" })
      .describe("The service area the decision is about, e.g. 'community health services'."),
    providerIds: z
      .array(OrganisationId)
      .default([])
      .register(fieldMeta, { label: "Providers" })
      .describe("The providers the decision commissions."),
    pooledBudgetId: PooledBudgetId.optional()
      .register(fieldMeta, { label: "Pooled budget" })
      .describe("The pooled budget that funds it, if any."),
    strategyLinks: z
      .array(StrategyElementId)
      .default([])
      .register(fieldMeta, { label: "Strategy links" })
      .describe("The strategy elements (outcomes, commitments) it serves."),
    ...recordFields,
  })
  .meta({ id: "Decision", description: "A commissioning decision taken by a body." })
  .register(fieldMeta, {
    fields: {
      bodyId: { label: "Decision-making body" },
      title: { label: "Title" },
      valuePence: { label: "Value (pence)" },
    },
  });
export type Decision = z.infer<typeof Decision>;
