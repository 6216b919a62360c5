/**
 * @module NeighbourhoodScheme
 * A way of dividing places into neighbourhoods. Several schemes can coexist (an official
 * council definition beside one derived from PCNs), so every neighbourhood names its scheme
 * and rules such as "no LSOA in two neighbourhoods" apply within one scheme.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { NeighbourhoodSchemeId, PlaceId, SystemId } from "./Id.js";
import { Name, recordFields } from "./internal/record.js";

/** How a scheme's neighbourhoods are defined. */
export const FootprintBasis = z
  .enum(["geographic", "registered-population", "mixed"])
  .meta({
    id: "FootprintBasis",
    description:
      "geographic: a set of LSOAs; registered-population: the lists of GP practices / PCNs; mixed: both.",
  })
  .register(fieldMeta, { label: "Basis", hint: false });
export type FootprintBasis = z.infer<typeof FootprintBasis>;

/** How authoritative a scheme is. */
export const SchemeStatus = z
  .enum(["official", "derived", "proposed"])
  .meta({
    id: "SchemeStatus",
    description:
      "official: published by the owning body; derived: computed from other data; proposed.",
  })
  .register(fieldMeta, { label: "Status", hint: false });
export type SchemeStatus = z.infer<typeof SchemeStatus>;

/**
 * A version of a neighbourhood scheme.
 *
 * @example
 * ```ts
 * import { NeighbourhoodScheme } from "@care-atlas/domain";
 * NeighbourhoodScheme.parse({
 *   id: "nsc_0000000001",
 *   name: "Synthetic PCN footprints",
 *   systemId: "sys_0000000001",
 *   basis: "registered-population",
 *   status: "derived",
 *   valid: { from: "2023-01-01", to: null },
 *   provenance: { sources: ["synthetic"], derivation: "one neighbourhood per PCN" },
 * });
 * ```
 */
export const NeighbourhoodScheme = z
  .object({
    id: NeighbourhoodSchemeId.describe("The scheme's id (nsc_…)."),
    name: Name.describe("The scheme's name."),
    systemId: SystemId.describe("The system whose neighbourhoods the scheme defines."),
    placeId: PlaceId.optional()
      .describe("Set when the scheme covers one place only.")
      .register(fieldMeta, { label: "Place" }),
    basis: FootprintBasis,
    status: SchemeStatus,
    description: z
      .string()
      .optional()
      .register(fieldMeta, { label: "Description", multiline: true })
      .describe("What the scheme is and where its definitions come from."),
    ...recordFields,
  })
  .meta({
    id: "NeighbourhoodScheme",
    description: "A way of dividing places into neighbourhoods.",
  })
  .register(fieldMeta, { fields: { systemId: { label: "System" } } });
export type NeighbourhoodScheme = z.infer<typeof NeighbourhoodScheme>;
