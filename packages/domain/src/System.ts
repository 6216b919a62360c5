/**
 * @module System
 * An integrated care system: the top level (e.g. Greater Manchester).
 */
import { z } from "zod";
import { ExternalIdentifier } from "./ExternalIdentifier.js";
import { fieldMeta } from "./FieldMeta.js";
import { OrganisationId, SystemId } from "./Id.js";
import { Name, recordFields } from "./internal/record.js";

/**
 * A version of an integrated care system.
 *
 * @example
 * ```ts
 * import { System } from "@care-atlas/domain";
 * System.parse({
 *   id: "sys_0000000001",
 *   name: "Synthetic Integrated Care System",
 *   codes: [],
 *   valid: { from: "2022-07-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * });
 * ```
 */
export const System = z
  .object({
    id: SystemId.describe("The system's id (sys_…), stable for ever."),
    name: Name.describe("The system's name, e.g. 'Greater Manchester'."),
    codes: z
      .array(ExternalIdentifier)
      .default([])
      .register(fieldMeta, { label: "Codes" })
      .describe("Its codes: the ONS GSS code of its ICB area (E54…), with their periods."),
    icbId: OrganisationId.optional()
      .describe("The integrated care board that allocates NHS resources.")
      .register(fieldMeta, { label: "Integrated care board" }),
    description: z
      .string()
      .optional()
      .register(fieldMeta, { label: "Description", multiline: true })
      .describe("What the system covers, in a sentence."),
    ...recordFields,
  })
  .meta({ id: "System", description: "An integrated care system, the top level of the register." });
export type System = z.infer<typeof System>;
