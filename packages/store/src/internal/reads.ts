/**
 * The read path. Every statement is one snapshot; `current` runs several in one
 * REPEATABLE READ transaction so that they agree.
 */
import type { Entity, EntityKind } from "@care-atlas/domain";
import type { Queryable, Sql } from "../driver/Sql.js";
import type {
  Change,
  ChangeFilter,
  EntityHistory,
  LogEntry,
  ReferenceChange,
  ReferenceCount,
  ReferenceDataset,
  StoredVersion,
} from "../Store.js";
import { StoreInvalidInput } from "../StoreError.js";
import { isoTimestampSql } from "./apply.js";
import { byValidFrom, parseEntities, parseEntity, toInt, toIntOrNull, toKind } from "./codec.js";

const seqParam = (seq: number): number => {
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new StoreInvalidInput(`seq must be a non-negative integer, got ${seq}`);
  }
  return seq;
};

export const lastSeq = async (db: Queryable): Promise<number> => {
  const [row] = await db.query<{ seq: unknown }>(
    "select coalesce(max(seq), 0) as seq from change_log",
  );
  return toInt(row?.seq ?? 0);
};

export const seqAt = async (db: Queryable, asOf: Date): Promise<number> => {
  if (Number.isNaN(asOf.getTime())) throw new StoreInvalidInput("asOf is not a valid date");
  const [row] = await db.query<{ seq: unknown }>(
    "select coalesce(max(seq), 0) as seq from change_log where recorded_at <= $1::text::timestamptz",
    [asOf.toISOString()],
  );
  return toInt(row?.seq ?? 0);
};

interface EntityRow {
  id: string;
  kind: string;
  revision: unknown;
}

interface DataRow {
  entity_id: string;
  kind: string;
  data: unknown;
}

const histories = (entities: EntityRow[], versions: DataRow[]): EntityHistory[] => {
  const byId = new Map<string, Entity[]>();
  for (const row of versions) {
    const list = byId.get(row.entity_id) ?? [];
    list.push(parseEntity(toKind(row.kind), row.data));
    byId.set(row.entity_id, list);
  }
  return entities.map((row) => ({
    kind: toKind(row.kind),
    id: row.id,
    revision: toInt(row.revision),
    versions: (byId.get(row.id) ?? []).sort(byValidFrom),
  }));
};

export const current = (sql: Sql): Promise<{ seq: number; histories: EntityHistory[] }> =>
  sql.transaction(async (tx) => {
    await tx.query("set transaction isolation level repeatable read, read only");
    const seq = await lastSeq(tx);
    const entities = await tx.query<EntityRow>(
      `select id, kind, revision from entity order by id collate "C"`,
    );
    const versions = await tx.query<DataRow>(
      "select entity_id, kind, data from entity_version where to_seq is null",
    );
    return { seq, histories: histories(entities, versions) };
  });

export const entity = async (db: Queryable, id: string): Promise<EntityHistory | undefined> => {
  const entities = await db.query<EntityRow>(
    "select id, kind, revision from entity where id = $1::text",
    [id],
  );
  if (entities.length === 0) return undefined;
  const versions = await db.query<DataRow>(
    "select entity_id, kind, data from entity_version where entity_id = $1::text and to_seq is null",
    [id],
  );
  return histories(entities, versions)[0];
};

export const historyAsOf = async (
  db: Queryable,
  seq: number,
  filter: { kind?: EntityKind; id?: string } = {},
): Promise<Entity[]> => {
  const conditions = ["recorded @> $1::bigint"];
  const params: unknown[] = [seqParam(seq)];
  if (filter.id !== undefined) {
    params.push(filter.id);
    conditions.push(`entity_id = $${params.length}::text`);
  }
  if (filter.kind !== undefined) {
    params.push(toKind(filter.kind));
    conditions.push(`kind = $${params.length}::text`);
  }
  const rows = await db.query<DataRow>(
    `select entity_id, kind, data from entity_version where ${conditions.join(" and ")}
      order by entity_id collate "C", lower(valid)`,
    params,
  );
  return rows.map((row) => parseEntity(toKind(row.kind), row.data));
};

export const recordedVersions = async (db: Queryable, id: string): Promise<StoredVersion[]> => {
  const rows = await db.query<DataRow & { from_seq: unknown; to_seq: unknown }>(
    `select entity_id, kind, data, from_seq, to_seq from entity_version
      where entity_id = $1::text order by from_seq, lower(valid)`,
    [id],
  );
  return rows.map((row) => ({
    kind: toKind(row.kind),
    id: row.entity_id,
    data: parseEntity(toKind(row.kind), row.data),
    recordedFrom: toInt(row.from_seq),
    recordedTo: toIntOrNull(row.to_seq),
  }));
};

interface ChangeRow {
  seq: unknown;
  recorded_at: string;
  actor: string;
  reason: string;
  source: string | null;
  operation: string;
  entity_kind: string | null;
  entity_id: string | null;
  revision: unknown;
  before: unknown;
  after: unknown;
  reference: unknown;
}

const referenceDatasets: ReadonlyArray<ReferenceDataset> = [
  "postcodes",
  "lsoas",
  "assignments",
  "sources",
];

/** The counts of a reference log row, read back checked. */
const referenceCounts = (value: unknown): Partial<Record<ReferenceDataset, ReferenceCount>> => {
  const data = typeof value === "string" ? JSON.parse(value) : value;
  const counts: Partial<Record<ReferenceDataset, ReferenceCount>> = {};
  for (const dataset of referenceDatasets) {
    const count = (data as Record<string, { created?: unknown; changed?: unknown }>)[dataset];
    if (count !== undefined) {
      counts[dataset] = { created: toInt(count.created), changed: toInt(count.changed) };
    }
  }
  return counts;
};

const toEntry = (row: ChangeRow): LogEntry => {
  if (row.entity_kind === null || row.entity_id === null) {
    const entry: ReferenceChange = {
      seq: toInt(row.seq),
      recordedAt: row.recorded_at,
      actor: row.actor,
      reason: row.reason,
      source: row.source,
      operation: row.operation,
      kind: "reference",
      reference: referenceCounts(row.reference),
    };
    return entry;
  }
  return toChange(row as ChangeRow & { entity_kind: string; entity_id: string });
};

const toChange = (row: ChangeRow & { entity_kind: string; entity_id: string }): Change => {
  const kind = toKind(row.entity_kind);
  return {
    seq: toInt(row.seq),
    recordedAt: row.recorded_at,
    actor: row.actor,
    reason: row.reason,
    source: row.source,
    operation: row.operation,
    kind,
    id: row.entity_id,
    revision: toInt(row.revision),
    before: parseEntities(kind, row.before),
    after: parseEntities(kind, row.after),
  };
};

const changeColumns = `seq, ${isoTimestampSql("recorded_at")} as recorded_at, actor, reason,
  source, operation, entity_kind, entity_id, revision, before, after, reference`;

export const changes = async (
  db: Queryable,
  afterSeq: number,
  limit: number,
  filter: ChangeFilter = {},
): Promise<LogEntry[]> => {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new StoreInvalidInput(`limit must be a non-negative integer, got ${limit}`);
  }
  const params: unknown[] = [seqParam(afterSeq), limit];
  const where = ["seq > $1::bigint"];
  if (filter.kinds !== undefined) {
    // Kinds are names without commas (the domain's entity kinds).
    params.push(filter.kinds.join(","));
    where.push(`entity_kind = any(string_to_array($${params.length}::text, ','))`);
  }
  if (filter.id !== undefined) {
    params.push(filter.id);
    where.push(`entity_id = $${params.length}::text`);
  }
  if (filter.since !== undefined) {
    if (Number.isNaN(filter.since.getTime())) {
      throw new StoreInvalidInput("since must be a valid date");
    }
    params.push(filter.since.toISOString());
    where.push(`recorded_at >= $${params.length}::timestamptz`);
  }
  const rows = await db.query<ChangeRow>(
    `select ${changeColumns}
       from change_log where ${where.join(" and ")} order by seq limit $2::integer`,
    params,
  );
  return rows.map(toEntry);
};

/**
 * Every change-log row of one entity, oldest first. Served by the index of the unique
 * constraint `change_log_entity_revision_key (entity_id, revision)`; an entity's revisions
 * rise with its seqs, so revision order is seq order.
 */
export const changesOf = async (db: Queryable, id: string): Promise<Change[]> => {
  const rows = await db.query<ChangeRow>(
    `select ${changeColumns}
       from change_log where entity_id = $1::text order by revision`,
    [id],
  );
  return rows.map((row) => toChange(row as ChangeRow & { entity_kind: string; entity_id: string }));
};
