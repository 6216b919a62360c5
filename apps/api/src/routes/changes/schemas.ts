/**
 * @module changes/schemas
 * A change-log entry, and the opaque cursor of the feed.
 */
import { entityKinds, entitySchemas } from "@care-atlas/domain";
import { z } from "zod";

/** Any entity version. */
export const EntityVersion = z
  .union([
    entitySchemas.system,
    entitySchemas.place,
    entitySchemas.neighbourhoodScheme,
    entitySchemas.neighbourhood,
    entitySchemas.organisation,
    entitySchemas.relationship,
    entitySchemas.succession,
    entitySchemas.governanceBody,
    entitySchemas.collaborative,
    entitySchemas.team,
    entitySchemas.pooledBudget,
    entitySchemas.decision,
    entitySchemas.strategyElement,
  ])
  .meta({ id: "EntityVersion", description: "A version of any entity." });

export const Change = z
  .object({
    seq: z.number().int().positive().describe("The change's sequence number (recorded time)."),
    recordedAt: z.string().describe("When it was recorded, ISO 8601."),
    actor: z.string().describe("Who made it: an API key (key:<prefix>:<name>) or an account."),
    reason: z.string(),
    source: z.string().nullable(),
    operation: z.string().describe("create, update, end, succession, import…"),
    kind: z.literal(entityKinds),
    id: z.string(),
    revision: z.number().int().nonnegative().describe("The entity's revision after the change."),
    before: z.array(EntityVersion).describe("The entity's valid-time history before."),
    after: z
      .array(EntityVersion)
      .describe("The entity's valid-time history after (empty: deleted)."),
  })
  .meta({ id: "Change", description: "One entity changed by one write." });

const ReferenceCount = z
  .object({
    created: z.number().int().nonnegative().describe("Records new to the register."),
    changed: z.number().int().nonnegative().describe("Records that replaced the register's."),
  })
  .meta({ id: "ReferenceCount", description: "What a write did to one reference dataset." });

/** One write's reference data: one entry per import, not one per postcode. */
export const ReferenceChange = z
  .object({
    seq: z.number().int().positive().describe("The entry's sequence number (recorded time)."),
    recordedAt: z.string().describe("When it was recorded, ISO 8601 (the write's time)."),
    actor: z.string().describe("Who made it: an API key (key:<prefix>:<name>) or an account."),
    reason: z.string().describe('Why, e.g. "import of ONSPD_FEB_2025_UK.csv".'),
    source: z.string().nullable().describe("The source key of the imported file."),
    operation: z.string().describe("import"),
    kind: z.literal("reference").describe("Reference data, not an entity."),
    reference: z
      .object({
        postcodes: ReferenceCount.optional(),
        lsoas: ReferenceCount.optional(),
        assignments: ReferenceCount.optional().describe("LSOA → ward / commissioner assignments."),
        sources: ReferenceCount.optional(),
      })
      .describe("The reference datasets the write changed, with what it did to each."),
  })
  .meta({
    id: "ReferenceChange",
    description:
      "The reference data one write changed (postcodes, LSOAs, LSOA assignments, sources), counted: one entry per import, after the write's entity changes. Read the data itself with the lookups, at an asOf of this entry or later.",
  });

/** An entry of the change feed: an entity changed, or a write's reference data. */
export const FeedEntry = z
  .union([Change, ReferenceChange])
  .meta({ id: "FeedEntry", description: "An entity's change, or the reference data of a write." });

/** The cursor after change `seq`: opaque to clients, stable for ever. */
export const encodeChangeCursor = (seq: number): string =>
  Buffer.from(`seq:${seq}`, "utf8").toString("base64url");

/** The seq a cursor stands for, or undefined when it is not one of ours. */
export const decodeChangeCursor = (cursor: string): number | undefined => {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^seq:(\d{1,15})$/.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

export const ChangeCursor = z
  .string()
  .max(100)
  .refine((text) => decodeChangeCursor(text) !== undefined, {
    error: "must be a cursor from this feed",
  })
  .meta({ description: "Changes after this cursor (`nextCursor` of a page, or an event id)." });
