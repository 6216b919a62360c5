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
