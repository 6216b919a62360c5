/**
 * @module Provenance
 * Where every record comes from: the published sources (publisher, dataset, licence, data
 * date) and, where a value was derived rather than published, how.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { IsoDate } from "./Period.js";

/** A short, stable key naming a source, e.g. `ods-epraccur-2025`. */
export const SourceKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,63}$/, {
    error: "must be a source key: lower-case letters, digits, '.', '-'",
  })
  .meta({ id: "SourceKey", description: "A short, stable key naming a source in the register." })
  .register(fieldMeta, { label: "Source" });
export type SourceKey = z.infer<typeof SourceKey>;

/**
 * A published source: who published it, what it is, its licence and the date of its data.
 *
 * @example
 * ```ts
 * import { Source } from "@care-atlas/domain";
 * Source.parse({
 *   key: "ods-etr",
 *   publisher: "NHS England",
 *   dataset: "ODS NHS trusts (etr.csv)",
 *   licence: "OGL-3.0",
 *   dataDate: "2025-12-01",
 *   attribution: "Contains public sector information from NHS England licensed under the Open Government Licence v3.0.",
 * });
 * ```
 */
export const Source = z
  .object({
    key: SourceKey,
    publisher: z.string().min(1).describe("Who publishes the source, e.g. 'NHS England'."),
    dataset: z.string().min(1).describe("The dataset, e.g. 'ODS GP practices (epraccur.csv)'."),
    licence: z
      .string()
      .min(1)
      .describe("An SPDX-style licence id, e.g. OGL-UK-3.0, or a statement."),
    dataDate: IsoDate.nullable().describe("The date the data describes, when the source says."),
    url: z.url().optional().describe("Where the source is published."),
    attribution: z
      .string()
      .min(1)
      .optional()
      .describe("The attribution line the licence requires."),
    note: z.string().optional().describe("Anything a reader of the source should know."),
    file: z
      .object({
        name: z.string().min(1).describe("The file's name as it was imported, e.g. etr.csv."),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/, { error: "must be a SHA-256 digest: 64 hex digits" })
          .describe("The SHA-256 of the file's bytes."),
      })
      .optional()
      .describe("The file itself, when the source was imported from one."),
  })
  .meta({ id: "Source", description: "A published source of register data." });
export type Source = z.infer<typeof Source>;

/**
 * Where a record comes from: one or more source keys and, where the value was derived
 * rather than published, how it was derived.
 *
 * @example
 * ```ts
 * import { Provenance } from "@care-atlas/domain";
 * Provenance.parse({
 *   sources: ["ods-epcn-2023-01"],
 *   derivation: "neighbourhood footprint derived from PCN membership, ePCN January 2023",
 * });
 * ```
 */
export const Provenance = z
  .object({
    sources: z
      .array(SourceKey)
      .min(1, { error: "at least one source is required" })
      .register(fieldMeta, { label: "Sources" })
      .describe("The keys of the sources the record comes from."),
    derivation: z
      .string()
      .min(1)
      .optional()
      .describe("How the value was derived, if it was not published as is.")
      .register(fieldMeta, { label: "Derivation", multiline: true }),
  })
  .meta({ id: "Provenance", description: "The sources of a record and how it was derived." })
  .register(fieldMeta, { label: "Provenance" });
export type Provenance = z.infer<typeof Provenance>;
