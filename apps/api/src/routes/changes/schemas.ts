/**
 * @module changes/schemas
 * A change-log entry as the feed serves it, the feed's query (the same names as the lists:
 * `cursor`, `limit`; filters `kind`, `id`, `since`, `afterVersion`), and its cursors: a
 * position in the log (`seq`), tied like every cursor to the query it pages.
 */
import { EntityId, entityKinds, entitySchemas } from "@care-atlas/domain";
import { ActorKind, type ChangeEntry } from "@care-atlas/services";
import { z } from "zod";
import { ProblemError } from "../../problem.js";
import { cursorPattern, openCursor, sealCursor } from "../shared/cursor.js";
import { wholeNumber } from "../shared/query.js";

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

/** An entity kind. */
export const EntityKindName = z
  .enum(entityKinds)
  .meta({ id: "EntityKind", description: "The kind of an entity (its id's prefix names it)." });

export const Change = z
  .object({
    seq: z.number().int().positive().describe("The change's sequence number (recorded time)."),
    recordedAt: z.string().describe("When it was recorded, ISO 8601."),
    actorKind: ActorKind,
    actor: z
      .string()
      .optional()
      .describe(
        "Who made it: an API key (`key:<prefix>:<name>`) or an account. Only for callers whose key has the `audit` scope.",
      ),
    reason: z
      .string()
      .optional()
      .describe(
        "Why it was made, as its author wrote it. Only for callers whose key has the `audit` scope.",
      ),
    source: z
      .string()
      .nullable()
      .describe("Where its information came from (a source key or reference), if given."),
    operation: z.string().describe("create, update, end, succession, import…"),
    kind: EntityKindName,
    id: z.string().describe("The id of the entity changed."),
    revision: z.number().int().nonnegative().describe("The entity's revision after the change."),
    before: z.array(EntityVersion).describe("The entity's valid-time history before."),
    after: z
      .array(EntityVersion)
      .describe("The entity's valid-time history after (empty: deleted)."),
  })
  .meta({
    id: "Change",
    description:
      "One entity changed by one write. Who made it and why are shown only to callers with the `audit` scope; everyone sees what kind of actor it was.",
  });
export type Change = z.output<typeof Change>;

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
    actorKind: ActorKind,
    actor: z
      .string()
      .optional()
      .describe(
        "Who made it: an API key (`key:<prefix>:<name>`) or an account. Only for callers whose key has the `audit` scope.",
      ),
    reason: z
      .string()
      .optional()
      .describe(
        'Why, e.g. "import of ONSPD_FEB_2025_UK.csv". Only for callers whose key has the `audit` scope.',
      ),
    source: z.string().nullable().describe("The source key of the imported file."),
    operation: z.string().describe("What wrote it: `import` (of a file or a snapshot)."),
    kind: z.literal("reference").describe("Reference data, not an entity."),
    reference: z
      .object({
        postcodes: ReferenceCount.optional().describe("Postcode records."),
        lsoas: ReferenceCount.optional().describe("LSOAs."),
        assignments: ReferenceCount.optional().describe("LSOA → ward / commissioner assignments."),
        sources: ReferenceCount.optional().describe("Sources (the files imported)."),
      })
      .describe("The reference datasets the write changed, with what it did to each."),
  })
  .meta({
    id: "ReferenceChange",
    description:
      "The reference data one write changed (postcodes, LSOAs, LSOA assignments, sources), counted: one entry per import, after the write's entity changes. Read the data itself with the lookups, at an asOf of this entry or later.",
  });
export type ReferenceChange = z.output<typeof ReferenceChange>;

/** An entry of the change feed: an entity changed, or a write's reference data. */
export const FeedEntry = z
  .union([Change, ReferenceChange])
  .meta({ id: "FeedEntry", description: "An entity's change, or the reference data of a write." });
export type FeedEntry = z.output<typeof FeedEntry>;

/**
 * A feed entry as a caller may see it: the actor and the reason only with the audit scope
 * (an entity's change and a write's reference data alike).
 */
export const visibleChange = (change: ChangeEntry, audit: boolean): FeedEntry => {
  const { actor, reason, ...rest } = change;
  return audit ? { ...rest, actor, reason } : rest;
};

/** The position after change `seq`. */
const positionOf = (seq: number): string => Buffer.from(`seq:${seq}`, "utf8").toString("base64url");

/** The feed cursor after change `seq`, for the query `digest` stands for. */
export const encodeChangeCursor = (seq: number, digest: string): string =>
  sealCursor(positionOf(seq), digest);

/**
 * The seq a feed cursor stands for, when it was given for the query `digest` stands for
 * (400 otherwise, naming `where`).
 */
export const decodeChangeCursor = (cursor: string, digest: string, where: string): number => {
  const text = Buffer.from(openCursor(cursor, digest), "base64url").toString("utf8");
  const match = /^seq:(\d{1,15})$/.exec(text);
  if (match?.[1] === undefined) {
    throw new ProblemError("invalid-request", {
      detail: `${where}: must be a cursor from this feed`,
      errors: [{ path: where, message: "must be a cursor from this feed" }],
    });
  }
  return Number(match[1]);
};

/** A feed cursor, as sent. */
export const ChangeCursor = z
  .string()
  .max(210)
  .regex(cursorPattern, { error: "must be a cursor from this feed" })
  .meta({
    description:
      "Changes after this cursor (`nextCursor` of a page, or an event id), sent with the same filters as the page it came from.",
  });

const kindNames = new Set<string>(entityKinds);

/** The feed's filters: the same on the pages and the stream. */
export const ChangeFilters = z.object({
  kind: z
    .string()
    .max(300)
    .refine((text) => text.split(",").every((kind) => kindNames.has(kind)), {
      error: `must be entity kinds separated by commas: ${entityKinds.join(", ")}`,
    })
    .optional()
    .meta({
      description: "Only changes to entities of these kinds (comma-separated).",
      example: "organisation,relationship",
    }),
  id: EntityId.optional().meta({ description: "Only changes to this entity." }),
  since: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-11-30T00:00:00Z" })
    .optional()
    .meta({
      description: "Only changes recorded at or after this time, ISO 8601.",
      example: "2026-11-30T00:00:00Z",
    }),
  afterVersion: wholeNumber(0, Number.MAX_SAFE_INTEGER, "must be a data version (a whole number)")
    .optional()
    .meta({
      description:
        "Only changes after this data version: the `dataVersion` of a read, to follow the feed from the state it answered.",
      example: 1200,
    }),
});
export type ChangeFilters = z.output<typeof ChangeFilters>;

/** The services' options of the feed's filters. */
export const filterOptions = (filters: ChangeFilters) => ({
  ...(filters.kind === undefined
    ? {}
    : { kinds: entityKinds.filter((kind) => filters.kind?.split(",").includes(kind)) }),
  ...(filters.id === undefined ? {} : { id: filters.id }),
  ...(filters.since === undefined ? {} : { since: new Date(filters.since) }),
});
