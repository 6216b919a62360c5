/**
 * @module Money
 * Amounts in whole pence (integers, so sums are exact) and financial years (April–March).
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";

/**
 * A non-negative amount of money in whole pence.
 *
 * @example
 * ```ts
 * import { Pence } from "@care-atlas/domain";
 * Pence.parse(120_000_000_000); // £1.2bn
 * ```
 */
export const Pence = z
  .number()
  .int({ error: "must be a whole number of pence" })
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ id: "Pence", description: "An amount of money in whole pence." });
export type Pence = z.infer<typeof Pence>;

/**
 * A UK public-sector financial year, `YYYY/YY`, running 1 April to 31 March.
 *
 * @example
 * ```ts
 * import { FinancialYear } from "@care-atlas/domain";
 * FinancialYear.parse("2016/17");
 * FinancialYear.safeParse("2016/18").success; // false
 * ```
 */
export const FinancialYear = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, { error: "must be a financial year such as 2016/17" })
  .refine((year) => (Number(year.slice(0, 4)) + 1) % 100 === Number(year.slice(5)), {
    error: "the second year must follow the first, as in 2016/17",
  })
  .meta({
    id: "FinancialYear",
    description: "A financial year, 1 April to 31 March, e.g. 2016/17.",
  })
  .register(fieldMeta, { label: "Financial year" });
export type FinancialYear = z.infer<typeof FinancialYear>;

/**
 * Formats pence as pounds sterling.
 *
 * @example
 * ```ts
 * import { formatPence } from "@care-atlas/domain";
 * formatPence(123_456); // "£1,234.56"
 * ```
 */
export const formatPence = (pence: number): string =>
  `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
