/**
 * The write path: one transaction that checks revisions, closes the rows that differ,
 * inserts the new ones and logs one change per entity. See `Store.apply`.
 */
import {
  type Entity,
  type EntityKind,
  entityKinds,
  entitySchemas,
  kindOfId,
  overlaps,
} from "@care-atlas/domain";
import type { Queryable, Sql } from "../driver/Sql.js";
import { type PostcodeTable, PostcodeTableBuilder } from "../PostcodeTable.js";
import type { Change, ChangeInput, LogEntry, ReferenceChange } from "../Store.js";
import { StoreConflict, StoreInvalidInput, StoreMoved } from "../StoreError.js";
import { byValidFrom, canonicalJson, parseEntity, toInt, toKind } from "./codec.js";
import { lastReferenceSeq, parseRecords, writeReference } from "./reference.js";

/** The advisory lock every write transaction takes first: writes are serialised. */
export const writeLockKey = 7220531001;

/** The NOTIFY channel; the payload is the last seq of the committed write. */
export const changesChannel = "care_atlas_changes";

/** Test-only hooks into the write path. */
export interface ApplyHooks {
  /** Called after each statement of the write transaction, with its name. */
  readonly afterStatement?: (name: string) => void | Promise<void>;
}

interface PreparedEntity {
  readonly kind: EntityKind;
  readonly id: string;
  readonly expectedRevision: number | null;
  /** Parsed and sorted by valid.from. */
  readonly versions: Entity[];
}

const fail = (message: string): never => {
  throw new StoreInvalidInput(message);
};

const nonEmpty = (field: string, value: unknown): string =>
  typeof value === "string" && value.trim() !== ""
    ? value
    : fail(`${field} must be a non-empty string`);

/** Validates a change before it reaches the database. */
export const prepare = (change: ChangeInput): PreparedEntity[] => {
  nonEmpty("actor", change.actor);
  nonEmpty("reason", change.reason);
  nonEmpty("operation", change.operation);
  if (change.source !== undefined) nonEmpty("source", change.source);
  if (
    change.expectedSeq !== undefined &&
    !(Number.isSafeInteger(change.expectedSeq) && change.expectedSeq >= 0)
  ) {
    fail("expectedSeq must be a non-negative integer");
  }
  const seen = new Set<string>();
  return change.entities.map(({ kind, id, expectedRevision, versions }) => {
    if (!(entityKinds as ReadonlyArray<string>).includes(kind)) fail(`unknown kind ${kind}`);
    if (kindOfId(id) !== kind) fail(`${id} is not a ${kind} id`);
    if (seen.has(id)) fail(`${id} appears twice in one change`);
    seen.add(id);
    if (
      expectedRevision !== null &&
      !(Number.isSafeInteger(expectedRevision) && expectedRevision > 0)
    ) {
      fail(`${id}: expectedRevision must be a positive integer or null`);
    }
    const parsed = versions.map((version, index) => {
      const result = entitySchemas[kind].safeParse(version);
      if (!result.success) {
        return fail(`${id}: version ${index} is not a valid ${kind}: ${result.error.message}`);
      }
      const entity = result.data as Entity;
      if (entity.id !== id) fail(`${id}: version ${index} has id ${entity.id}`);
      return entity;
    });
    parsed.sort(byValidFrom);
    for (let i = 1; i < parsed.length; i++) {
      const previous = parsed[i - 1];
      const next = parsed[i];
      if (previous && next && overlaps(previous.valid, next.valid)) {
        fail(`${id}: versions from ${previous.valid.from} and ${next.valid.from} overlap`);
      }
    }
    return { kind, id, expectedRevision, versions: parsed };
  });
};

interface EntityRow {
  id: string;
  kind: string;
  revision: unknown;
}

interface VersionRow {
  row_id: unknown;
  entity_id: string;
  kind: string;
  data: unknown;
}

interface Plan {
  readonly entity: PreparedEntity;
  readonly revision: number;
  readonly before: Entity[];
  readonly close: number[];
  readonly insert: Entity[];
}

/** The timestamp format the store hands out: UTC, milliseconds, `Z`. */
export const isoTimestampSql = (column: string): string =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What a write did: the log rows written, and how many current entity rows it closed. */
export interface Applied {
  readonly changes: LogEntry[];
  readonly closedRows: number;
  /**
   * When the change wrote postcodes: the seq of the last reference change before it, and
   * the postcodes it wrote (the register's postcodes now are those of `before` with these
   * put in place).
   */
  readonly postcodes?: { readonly before: number; readonly written: PostcodeTable };
}

const nothing: Applied = { changes: [], closedRows: 0 };

/**
 * Applies a prepared change in one transaction. Returns the changes made (none when every
 * history was already as given).
 */
export const applyChange = async (
  sql: Sql,
  change: ChangeInput,
  hooks: ApplyHooks = {},
): Promise<Applied> => {
  const entities = prepare(change);
  const reference = change.reference;
  const records = reference === undefined ? undefined : parseRecords(reference);
  if (entities.length === 0 && reference === undefined) return nothing;
  const ids = entities.map((e) => e.id);
  const step = async (name: string) => {
    await hooks.afterStatement?.(name);
  };

  return sql.transaction(async (tx: Queryable) => {
    // Read committed, whatever the server's default: after waiting for the lock, each
    // statement must see the writes committed while we waited.
    await tx.query("set transaction isolation level read committed");
    await tx.query("select pg_advisory_xact_lock($1::bigint)", [writeLockKey]);
    await step("lock");

    const [last] = await tx.query<{ seq: unknown; recorded_at: string }>(
      `select seq, ${isoTimestampSql("recorded_at")} as recorded_at
         from change_log order by seq desc limit 1`,
    );
    await step("last-seq");
    // Under the lock nobody else can commit: if the register is where the caller checked
    // the change, it stays there until this transaction commits.
    const lastSeq = last ? toInt(last.seq) : 0;
    if (change.expectedSeq !== undefined && lastSeq !== change.expectedSeq) {
      throw new StoreMoved(change.expectedSeq, lastSeq);
    }

    const existing = new Map<string, { kind: string; revision: number }>();
    for (const row of await tx.query<EntityRow>(
      `select id, kind, revision from entity
        where id in (select jsonb_array_elements_text($1::text::jsonb)) order by id for update`,
      [JSON.stringify(ids)],
    )) {
      existing.set(row.id, { kind: row.kind, revision: toInt(row.revision) });
    }
    await step("lock-entities");

    for (const entity of entities) {
      const found = existing.get(entity.id);
      if (found && found.kind !== entity.kind) {
        throw new StoreInvalidInput(`${entity.id} is a ${found.kind}, not a ${entity.kind}`);
      }
      const actual = found?.revision ?? null;
      if (actual !== entity.expectedRevision) {
        throw new StoreConflict(entity.id, entity.expectedRevision, actual);
      }
    }

    const currentRows = new Map<string, VersionRow[]>();
    for (const row of await tx.query<VersionRow>(
      `select row_id, entity_id, kind, data from entity_version
        where entity_id in (select jsonb_array_elements_text($1::text::jsonb)) and to_seq is null`,
      [JSON.stringify(ids)],
    )) {
      const list = currentRows.get(row.entity_id) ?? [];
      list.push(row);
      currentRows.set(row.entity_id, list);
    }
    await step("read-current");

    const plans: Plan[] = [];
    for (const entity of entities) {
      const rows = (currentRows.get(entity.id) ?? []).map((row) => ({
        rowId: toInt(row.row_id),
        data: parseEntity(toKind(row.kind), row.data),
      }));
      const wanted = new Map(entity.versions.map((v) => [canonicalJson(v), v]));
      const kept = new Set<string>();
      const close: number[] = [];
      for (const row of rows) {
        const key = canonicalJson(row.data);
        if (wanted.has(key) && !kept.has(key)) kept.add(key);
        else close.push(row.rowId);
      }
      const insert = [...wanted].filter(([key]) => !kept.has(key)).map(([, v]) => v);
      if (close.length === 0 && insert.length === 0) continue; // unchanged: not logged
      plans.push({
        entity,
        revision: (existing.get(entity.id)?.revision ?? 0) + 1,
        before: rows.map((r) => r.data).sort(byValidFrom),
        close,
        insert,
      });
    }
    if (plans.length === 0 && reference === undefined) return nothing;

    // Every row this transaction writes carries its first seq; its log rows take
    // first … first + n - 1 and share one recorded_at, strictly after the previous one.
    const first = lastSeq + 1;
    const [clock] = await tx.query<{ recorded_at: string }>(
      `select ${isoTimestampSql("t")} as recorded_at from (
         select greatest(date_trunc('milliseconds', clock_timestamp()),
                         $1::text::timestamptz + interval '1 millisecond') as t) as clock`,
      [last?.recorded_at ?? "-infinity"],
    );
    const recordedAt = clock?.recorded_at ?? fail("no clock");
    await step("clock");

    await tx.query(
      `insert into entity (id, kind, revision)
       select id, kind, revision from jsonb_to_recordset($1::text::jsonb)
         as r(id text, kind text, revision integer)
       on conflict (id) do update set revision = excluded.revision`,
      [
        JSON.stringify(
          plans.map((p) => ({ id: p.entity.id, kind: p.entity.kind, revision: p.revision })),
        ),
      ],
    );
    await step("entity");

    const changes: Change[] = plans.map((plan, index) => ({
      seq: first + index,
      recordedAt,
      actor: change.actor,
      reason: change.reason,
      source: change.source ?? null,
      operation: change.operation,
      kind: plan.entity.kind,
      id: plan.entity.id,
      revision: plan.revision,
      before: plan.before,
      after: plan.entity.versions,
    }));
    await tx.query(
      `insert into change_log (seq, recorded_at, actor, reason, source, operation,
                               entity_kind, entity_id, revision, before, after)
       select seq, $2::text::timestamptz, $3::text, $4::text, $5::text, $6::text,
              kind, id, revision, before, after
         from jsonb_to_recordset($1::text::jsonb)
           as r(seq bigint, kind text, id text, revision integer, before jsonb, after jsonb)`,
      [
        JSON.stringify(
          changes.map((c) => ({
            seq: c.seq,
            kind: c.kind,
            id: c.id,
            revision: c.revision,
            before: c.before,
            after: c.after,
          })),
        ),
        recordedAt,
        change.actor,
        change.reason,
        change.source ?? null,
        change.operation,
      ],
    );
    await step("change-log");

    const close = plans.flatMap((p) => p.close);
    if (close.length > 0) {
      await tx.query(
        `update entity_version set to_seq = $1::bigint
          where row_id in (select (jsonb_array_elements_text($2::text::jsonb))::bigint)`,
        [first, JSON.stringify(close)],
      );
      await step("close-versions");
    }

    const insert = plans.flatMap((p) => p.insert.map((data) => ({ kind: p.entity.kind, data })));
    if (insert.length > 0) {
      await tx.query(
        `insert into entity_version (entity_id, kind, valid, from_seq, data)
         select r.data ->> 'id', r.kind,
                daterange((r.data #>> '{valid,from}')::date, (r.data #>> '{valid,to}')::date, '[)'),
                $1::bigint, r.data
           from jsonb_to_recordset($2::text::jsonb) as r(kind text, data jsonb)`,
        [first, JSON.stringify(insert)],
      );
      await step("insert-versions");
    }

    const logged: LogEntry[] = [...changes];
    let writtenPostcodes: Applied["postcodes"];
    if (reference !== undefined && records !== undefined) {
      // Reference rows carry the write's first seq, like its entity rows; the log row that
      // counts them comes after the entity changes.
      const before = reference.postcodes === undefined ? 0 : await lastReferenceSeq(tx);
      const written = reference.postcodes === undefined ? undefined : new PostcodeTableBuilder();
      const counts = await writeReference(tx, reference, records, first, written);
      await step("reference");
      if (Object.keys(counts).length > 0) {
        const entry: ReferenceChange = {
          seq: first + changes.length,
          recordedAt,
          actor: change.actor,
          reason: change.reason,
          source: change.source ?? null,
          operation: change.operation,
          kind: "reference",
          reference: counts,
        };
        await tx.query(
          `insert into change_log (seq, recorded_at, actor, reason, source, operation,
                                   entity_kind, entity_id, revision, before, after, reference)
           values ($1::bigint, $2::text::timestamptz, $3::text, $4::text, $5::text, $6::text,
                   null, null, null, '[]'::jsonb, '[]'::jsonb, $7::text::jsonb)`,
          [
            entry.seq,
            recordedAt,
            change.actor,
            change.reason,
            change.source ?? null,
            change.operation,
            JSON.stringify(counts),
          ],
        );
        await step("reference-log");
        logged.push(entry);
        if (written !== undefined && counts.postcodes !== undefined) {
          writtenPostcodes = { before, written: written.build() };
        }
      }
    }
    if (logged.length === 0) return nothing;

    const committedSeq = first + logged.length - 1;
    await tx.query("select pg_notify($1::text, $2::text)", [changesChannel, String(committedSeq)]);
    await step("notify");
    return {
      changes: logged,
      closedRows: close.length,
      ...(writtenPostcodes === undefined ? {} : { postcodes: writtenPostcodes }),
    };
  });
};
