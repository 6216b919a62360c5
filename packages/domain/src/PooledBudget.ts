/**
 * @module PooledBudget
 * Pooled budgets: a host organisation holds money that partners contribute each financial
 * year. Contributions must add up to the year's total.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import {
  GovernanceBodyId,
  OrganisationId,
  PlaceId,
  PooledBudgetId,
  StrategyElementId,
} from "./Id.js";
import { Name, recordFields } from "./internal/record.js";
import { FinancialYear, Pence } from "./Money.js";

/** One partner's contribution in one year. */
export const Contribution = z
  .object({
    organisationId: OrganisationId.describe("The contributing organisation."),
    amountPence: Pence,
  })
  .meta({ id: "Contribution", description: "A partner's contribution to a pooled budget." })
  .register(fieldMeta, {
    fields: { organisationId: { label: "Organisation" }, amountPence: { label: "Amount (pence)" } },
  });
export type Contribution = z.infer<typeof Contribution>;

/** A financial year of a pooled budget: its total and the contributions that make it. */
export const PooledBudgetYear = z
  .object({
    financialYear: FinancialYear,
    totalPence: Pence,
    contributions: z
      .array(Contribution)
      .min(1)
      .register(fieldMeta, { label: "Contributions" })
      .describe("What each partner put in that year; they add up to the total."),
  })
  .meta({
    id: "PooledBudgetYear",
    description: "A pooled budget's total and contributions for a year.",
  })
  .register(fieldMeta, { fields: { totalPence: { label: "Total (pence)" } } });
export type PooledBudgetYear = z.infer<typeof PooledBudgetYear>;

/**
 * A version of a pooled budget.
 *
 * @example
 * ```ts
 * import { PooledBudget } from "@care-atlas/domain";
 * PooledBudget.parse({
 *   id: "pbg_0000000001",
 *   name: "Synthetic Better Care Fund",
 *   hostId: "org_0000000001",
 *   partnerIds: ["org_0000000002"],
 *   years: [{
 *     financialYear: "2023/24",
 *     totalPence: 300,
 *     contributions: [
 *       { organisationId: "org_0000000001", amountPence: 100 },
 *       { organisationId: "org_0000000002", amountPence: 200 },
 *     ],
 *   }],
 *   valid: { from: "2023-04-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const PooledBudget = z
  .object({
    id: PooledBudgetId.describe("The pooled budget's id (pbg_…)."),
    name: Name.describe("The pooled budget's name."),
    placeId: PlaceId.optional()
      .register(fieldMeta, { label: "Place" })
      .describe("The place the budget serves."),
    hostId: OrganisationId.describe("The organisation that hosts the budget."),
    partnerIds: z
      .array(OrganisationId)
      .default([])
      .register(fieldMeta, { label: "Partners" })
      .describe("The partner organisations that pool into it."),
    governedById: GovernanceBodyId.optional()
      .register(fieldMeta, { label: "Governed by" })
      .describe("The board or executive that governs the budget."),
    years: z
      .array(PooledBudgetYear)
      .default([])
      .register(fieldMeta, { label: "Years" })
      .describe("The budget's total and contributions per financial year."),
    strategyLinks: z
      .array(StrategyElementId)
      .default([])
      .register(fieldMeta, { label: "Strategy links" })
      .describe("The strategy elements (outcomes, commitments) it serves."),
    ...recordFields,
  })
  .meta({
    id: "PooledBudget",
    description: "A pooled budget with its host, partners and yearly contributions.",
  })
  .register(fieldMeta, { fields: { hostId: { label: "Host organisation" } } });
export type PooledBudget = z.infer<typeof PooledBudget>;
