/**
 * @module schemas
 * The response and request shapes every resource shares, built from its spec: a page of
 * versions, one version with its revision (and the spec's extra fields), the result of a
 * write, the body of a write, and the `{id}` path parameter.
 */
import { type EntityKind, Finding, idOf } from "@care-atlas/domain";
import { z } from "zod";
import { DataVersion } from "../shared/openapi.js";
import { codedKinds, idOrCode } from "../shared/refs.js";
import type { ResourceSpec } from "./ResourceSpec.js";

/** The parts of a spec the schemas read. */
type Shape<K extends EntityKind, X extends z.ZodRawShape> = Pick<
  ResourceSpec<K, z.ZodRawShape, X>,
  "kind" | "name" | "noun" | "nouns" | "schema" | "expand"
>;

/** A page of a resource's versions, each with the references its spec's `links` add. */
export const pageSchema = <K extends EntityKind, L>(
  spec: Pick<
    ResourceSpec<K, z.ZodRawShape, Record<never, never>, L>,
    "name" | "nouns" | "schema" | "links"
  >,
) =>
  z
    .object({
      data: z.array(spec.links.schema).describe(`The ${spec.nouns} of the page, by id.`),
      nextCursor: z
        .string()
        .nullable()
        .describe("Pass as `cursor` for the next page; null on the last page."),
      dataVersion: z
        .number()
        .int()
        .nonnegative()
        .describe("The data version (last change seq) the page was read at."),
    })
    .meta({ id: `${spec.name}Page`, description: `A page of ${spec.nouns}.` });

/**
 * One version of a resource on a date, with its revision, and the spec's extra fields
 * beside them (`allOf` the two objects; the document drops the second when it is empty).
 */
export const itemSchema = <K extends EntityKind, X extends z.ZodRawShape>(spec: Shape<K, X>) =>
  z
    .object({
      data: spec.schema,
      revision: z
        .number()
        .int()
        .positive()
        .nullable()
        .describe("The entity's revision: send it as If-Match to update it; null at a past asOf."),
      dataVersion: z
        .number()
        .int()
        .nonnegative()
        .describe("The data version (last change seq) the answer was read at."),
    })
    .and(z.object(spec.expand.shape))
    .meta({ id: `${spec.name}Item`, description: `One ${spec.noun} on a date.` });

/** What a write of a resource answers. */
export const writeResultSchema = <K extends EntityKind, X extends z.ZodRawShape>(
  spec: Shape<K, X>,
) =>
  z
    .object({
      data: z.array(spec.schema).describe("The entity's valid-time history after the write."),
      revision: z.number().int().positive().describe("The revision after the write."),
      dataVersion: DataVersion,
      warnings: z.array(Finding).describe("Rule warnings the change introduced."),
    })
    .meta({ id: `${spec.name}WriteResult`, description: `The ${spec.noun} after a write.` });

/** The `{id}` path parameter of a resource's writes: its id. */
export const idParams = (kind: EntityKind) =>
  z.object({
    id: idOf(kind).meta({ description: "The entity's id.", param: { name: "id", in: "path" } }),
  });

/**
 * The `{id}` path parameter of a resource's read: its id, or for the kinds that hold codes
 * (systems, places, organisations) a code it holds on the date.
 */
export const readIdParams = (kind: EntityKind) =>
  codedKinds.has(kind)
    ? z.object({
        id: idOrCode([kind]).meta({
          description: `The entity's id, or a code it holds on the date (${kind === "organisation" ? "ODS, e.g. P91603, U42898, 02A" : "GSS, e.g. E08000009"}).`,
          param: { name: "id", in: "path" },
          example:
            kind === "organisation" ? "P91603" : kind === "place" ? "E08000009" : "E54000057",
        }),
      })
    : idParams(kind);
