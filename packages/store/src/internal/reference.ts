/**
 * Reference data on the recorded clock: postcodes (plain columns, `postcode_record`) and
 * LSOAs, LSOA assignments and sources (`reference_record`, the record as JSON), written in
 * the transaction of `apply` — each record replaces the current one of its key when it
 * differs — and read back, validated, as of any seq.
 */

import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assignmentKey, Lsoa, LsoaAssignment, PostcodeRecord, Source } from "@care-atlas/domain";
import { z } from "zod";
import type { Queryable, Sql } from "../driver/Sql.js";
import { PostcodeTable, PostcodeTableBuilder } from "../PostcodeTable.js";
import type { ReferenceAt, ReferenceCount, ReferenceData, ReferenceDataset } from "../Store.js";
import { StoreInvalidInput } from "../StoreError.js";
import { toInt } from "./codec.js";

/** Postcodes sent to the database per chunk of COPY text. */
export const postcodeBatch = 50_000;

const parseAll = <S extends z.ZodType>(schema: S, what: string, items: ReadonlyArray<unknown>) => {
  const result = z.array(schema).safeParse(items);
  if (!result.success) throw new StoreInvalidInput(`${what}: ${result.error.message}`);
  return result.data;
};

/** The JSON-kept reference data of a write, checked with the domain's schemas. */
export interface ParsedRecords {
  readonly lsoas: ReadonlyArray<Lsoa>;
  readonly assignments: ReadonlyArray<LsoaAssignment>;
  readonly sources: ReadonlyArray<Source>;
}

/**
 * Parses the records kept as JSON; throws StoreInvalidInput naming the list that is
 * malformed or a key given twice. Postcodes are parsed as they are written.
 */
export const parseRecords = (data: ReferenceData): ParsedRecords => {
  const parsed = {
    lsoas: parseAll(Lsoa, "lsoas", data.lsoas ?? []),
    assignments: parseAll(LsoaAssignment, "assignments", data.assignments ?? []),
    sources: parseAll(Source, "sources", data.sources ?? []),
  };
  const twice = (what: string, keys: ReadonlyArray<string>) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) throw new StoreInvalidInput(`${what}: ${key} appears twice in one change`);
      seen.add(key);
    }
  };
  twice(
    "lsoas",
    parsed.lsoas.map((l) => l.code),
  );
  twice("assignments", parsed.assignments.map(assignmentKey));
  twice(
    "sources",
    parsed.sources.map((s) => s.key),
  );
  return parsed;
};

const monthDate = (month: string | null): string | null => (month === null ? null : `${month}-01`);

/** The columns of `postcode_record` a write copies in, in order. */
const postcodeColumns = [
  "postcode",
  "lsoa_code",
  "introduced",
  "terminated",
  "lat",
  "lon",
  "ward_code",
  "district_code",
  "source",
] as const;

/** A field in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
const copyField = (value: string | number | null | undefined): string =>
  value === null || value === undefined
    ? "\\N"
    : typeof value === "number"
      ? String(value)
      : /[\\\t\n\r]/.test(value)
        ? value.replace(/[\\\t\n\r]/g, (c) =>
            c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
          )
        : value;

/** A postcode record as a row of COPY text, in {@link postcodeColumns}' order. */
const postcodeLine = (record: PostcodeRecord): string =>
  `${[
    record.postcode,
    record.lsoaCode,
    monthDate(record.introduced),
    monthDate(record.terminated),
    record.point?.lat,
    record.point?.lon,
    record.wardCode,
    record.districtCode,
    record.source,
  ]
    .map(copyField)
    .join("\t")}\n`;

const countOf = async (tx: Queryable, text: string, params: unknown[]): Promise<number> => {
  const [row] = await tx.query<{ n: unknown }>(text, params);
  return toInt(row?.n ?? 0);
};

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && "code" in error && error.code === "23505";

/**
 * Writes the postcodes through a temporary table, copied in (COPY) a batch at a time;
 * returns what changed.
 */
const writePostcodes = async (
  tx: Queryable,
  postcodes: Iterable<PostcodeRecord>,
  seq: number,
  written?: PostcodeTableBuilder,
): Promise<ReferenceCount> => {
  await tx.query(
    `create temporary table care_atlas_incoming_postcode (
       postcode text not null, lsoa_code text not null, introduced date, terminated date,
       lat double precision, lon double precision, ward_code text, district_code text,
       source text) on commit drop`,
  );
  let index = 0;
  // The records as COPY text, a batch of rows per chunk, each parsed as it is reached.
  const chunks = function* (): Generator<string> {
    let lines: string[] = [];
    for (const record of postcodes) {
      const parsed = PostcodeRecord.safeParse(record);
      if (!parsed.success) {
        throw new StoreInvalidInput(`postcodes: item ${index}: ${parsed.error.message}`);
      }
      lines.push(postcodeLine(parsed.data));
      written?.add(parsed.data);
      index++;
      if (lines.length >= postcodeBatch) {
        yield lines.join("");
        lines = [];
      }
    }
    if (lines.length > 0) yield lines.join("");
  };
  await tx.copyIn("care_atlas_incoming_postcode", postcodeColumns, chunks());
  if (index === 0) return { created: 0, changed: 0 };
  // Indexed once loaded (cheaper than row by row); a postcode given twice fails here, not
  // in the COPY (postgres.js does not pass on an error the server sends at a COPY's end).
  try {
    await tx.query(
      "create unique index care_atlas_incoming_postcode_key on care_atlas_incoming_postcode (postcode)",
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreInvalidInput("postcodes: a postcode appears twice in one change");
    }
    throw error;
  }
  await tx.query("analyze care_atlas_incoming_postcode");
  const changed = await countOf(
    tx,
    `with closed as (
       update postcode_record p set to_seq = $1::bigint
         from care_atlas_incoming_postcode i
        where p.postcode = i.postcode and p.to_seq is null
          and (p.lsoa_code, p.introduced, p.terminated, p.lat, p.lon, p.ward_code,
               p.district_code, p.source)
              is distinct from
              (i.lsoa_code, i.introduced, i.terminated, i.lat, i.lon, i.ward_code,
               i.district_code, i.source)
        returning 1)
     select count(*) as n from closed`,
    [seq],
  );
  const inserted = await countOf(
    tx,
    `with added as (
       insert into postcode_record (postcode, lsoa_code, introduced, terminated, lat, lon,
                                    ward_code, district_code, source, from_seq)
       select i.postcode, i.lsoa_code, i.introduced, i.terminated, i.lat, i.lon, i.ward_code,
              i.district_code, i.source, $1::bigint
         from care_atlas_incoming_postcode i
        where not exists (select 1 from postcode_record p
                           where p.postcode = i.postcode and p.to_seq is null)
       returning 1)
     select count(*) as n from added`,
    [seq],
  );
  await tx.query("drop table care_atlas_incoming_postcode");
  return { created: inserted - changed, changed };
};

type JsonDataset = "lsoa" | "assignment" | "source";

/** Writes JSON-kept records of one dataset; returns what changed. */
const writeRecords = async (
  tx: Queryable,
  dataset: JsonDataset,
  records: ReadonlyArray<{ key: string; data: unknown }>,
  seq: number,
): Promise<ReferenceCount> => {
  if (records.length === 0) return { created: 0, changed: 0 };
  const incoming = JSON.stringify(records);
  const changed = await countOf(
    tx,
    `with incoming as (
       select r ->> 'key' as key, r -> 'data' as data
         from jsonb_array_elements($1::text::jsonb) as r),
     closed as (
       update reference_record c set to_seq = $2::bigint
         from incoming i
        where c.dataset = $3::text and c.key = i.key and c.to_seq is null and c.data <> i.data
        returning 1)
     select count(*) as n from closed`,
    [incoming, seq, dataset],
  );
  const inserted = await countOf(
    tx,
    `with incoming as (
       select r ->> 'key' as key, r -> 'data' as data
         from jsonb_array_elements($1::text::jsonb) as r),
     added as (
       insert into reference_record (dataset, key, data, from_seq)
       select $3::text, i.key, i.data, $2::bigint from incoming i
        where not exists (select 1 from reference_record c
                           where c.dataset = $3::text and c.key = i.key and c.to_seq is null)
       returning 1)
     select count(*) as n from added`,
    [incoming, seq, dataset],
  );
  return { created: inserted - changed, changed };
};

/**
 * Writes a change's reference data in the caller's transaction, every row carrying `seq`;
 * returns the counts of the datasets that changed (empty when nothing differed).
 */
export const writeReference = async (
  tx: Queryable,
  data: ReferenceData,
  parsed: ParsedRecords,
  seq: number,
  /** Collects the postcodes written (each as given; the unchanged ones too). */
  written?: PostcodeTableBuilder,
): Promise<Partial<Record<ReferenceDataset, ReferenceCount>>> => {
  const counts: Partial<Record<ReferenceDataset, ReferenceCount>> = {};
  const keep = (dataset: ReferenceDataset, count: ReferenceCount) => {
    if (count.created + count.changed > 0) counts[dataset] = count;
  };
  keep(
    "lsoas",
    await writeRecords(
      tx,
      "lsoa",
      parsed.lsoas.map((l) => ({ key: l.code, data: l })),
      seq,
    ),
  );
  keep(
    "assignments",
    await writeRecords(
      tx,
      "assignment",
      parsed.assignments.map((a) => ({ key: assignmentKey(a), data: a })),
      seq,
    ),
  );
  keep(
    "sources",
    await writeRecords(
      tx,
      "source",
      parsed.sources.map((s) => ({ key: s.key, data: s })),
      seq,
    ),
  );
  if (data.postcodes !== undefined)
    keep("postcodes", await writePostcodes(tx, data.postcodes, seq, written));
  return counts;
};

/** `recorded at seq`, or current when `seq` is undefined. */
const recordedAt = (seq: number | undefined, params: unknown[]): string => {
  if (seq === undefined) return "to_seq is null";
  params.push(seq);
  const n = params.length;
  return `from_seq <= $${n}::bigint and (to_seq is null or to_seq > $${n}::bigint)`;
};

const json = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value);

const readRecords = async <S extends z.ZodType>(
  db: Queryable,
  schema: S,
  dataset: JsonDataset,
  seq: number | undefined,
): Promise<z.infer<S>[]> => {
  const params: unknown[] = [dataset];
  const rows = await db.query<{ data: unknown }>(
    `select data from reference_record where dataset = $1::text and ${recordedAt(seq, params)}
      order by key collate "C"`,
    params,
  );
  return rows.map((row) => schema.parse(json(row.data)) as z.infer<S>);
};

/** Postcodes read from `postcode_record` per statement when building a table. */
export const postcodeReadBatch = 100_000;

interface PostcodeColumns {
  postcode: string;
  lsoa_code: string;
  introduced: string | null;
  terminated: string | null;
  lat: unknown;
  lon: unknown;
  ward_code: string | null;
  district_code: string | null;
  source: string | null;
}

const toNumber = (value: unknown): number => (typeof value === "number" ? value : Number(value));

/**
 * The postcodes as recorded at `seq` (current when undefined) as a table, read through a
 * cursor in postcode order, a batch at a time (each row was checked by the columns'
 * constraints when it was written). Run it in a transaction.
 */
const readPostcodeRows = async (db: Queryable, seq: number | undefined): Promise<PostcodeTable> => {
  if (seq !== undefined && !Number.isSafeInteger(seq)) throw new StoreInvalidInput(`seq ${seq}`);
  const recorded =
    seq === undefined
      ? "to_seq is null"
      : `from_seq <= ${seq} and (to_seq is null or to_seq > ${seq})`;
  const builder = new PostcodeTableBuilder();
  await db.query(
    `declare care_atlas_postcode_rows no scroll cursor for
       select postcode, lsoa_code, to_char(introduced, 'YYYY-MM') as introduced,
              to_char(terminated, 'YYYY-MM') as terminated, lat, lon, ward_code, district_code,
              source
         from postcode_record where ${recorded} order by postcode collate "C"`,
  );
  for (;;) {
    const rows = await db.query<PostcodeColumns>(
      `fetch forward ${postcodeReadBatch} from care_atlas_postcode_rows`,
    );
    for (const row of rows) {
      builder.add({
        postcode: row.postcode,
        lsoaCode: row.lsoa_code,
        introduced: row.introduced as PostcodeRecord["introduced"],
        terminated: row.terminated as PostcodeRecord["terminated"],
        ...(row.lat === null || row.lon === null
          ? {}
          : { point: { lat: toNumber(row.lat), lon: toNumber(row.lon) } }),
        ...(row.ward_code === null ? {} : { wardCode: row.ward_code }),
        ...(row.district_code === null ? {} : { districtCode: row.district_code }),
        ...(row.source === null ? {} : { source: row.source }),
      });
    }
    if (rows.length < postcodeReadBatch) break;
  }
  await db.query("close care_atlas_postcode_rows");
  return builder.build();
};

/** Bytes of a snapshot per `postcode_snapshot` row. */
export const snapshotPartBytes = 8 * 1024 * 1024;

const bytesOfRow = (value: unknown): Uint8Array => {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string" && value.startsWith("\\x")) {
    return Buffer.from(value.slice(2), "hex");
  }
  throw new Error("postcode_snapshot.bytes is not bytea");
};

/** The file name of the snapshot of `refSeq` in a PGlite data directory. */
export const snapshotFileName = (refSeq: number): string => `care_atlas_postcodes.${refSeq}.bin`;

const snapshotFilePattern = /^care_atlas_postcodes\.\d+\.bin$/;

/**
 * Where a store keeps its postcodes' snapshot: in `postcode_snapshot` (a server), or as a
 * file in its PGlite data directory, read without going through PGlite's bytea (which
 * costs seconds for a hundred megabytes).
 */
export type SnapshotPlace =
  | { readonly kind: "table" }
  | { readonly kind: "file"; readonly dir: string };

const loadSnapshotFile = (dir: string, refSeq: number): PostcodeTable | undefined => {
  const path = join(dir, snapshotFileName(refSeq));
  if (!existsSync(path)) return undefined;
  try {
    return PostcodeTable.fromBytes(readFileSync(path));
  } catch {
    return undefined;
  }
};

const saveSnapshotFile = (dir: string, refSeq: number, table: PostcodeTable): void => {
  const name = snapshotFileName(refSeq);
  const path = join(dir, name);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, table.toBytes());
  renameSync(temporary, path);
  for (const other of readdirSync(dir)) {
    if (other !== name && snapshotFilePattern.test(other))
      rmSync(join(dir, other), { force: true });
  }
};

/**
 * The saved table of the reference data of `refSeq`, or `undefined` when none is saved (or
 * it does not read back as the table it says it is). Its parts are read one at a time into
 * one buffer, which the table's columns then view without another copy.
 */
export const loadPostcodeSnapshot = async (
  db: Queryable,
  refSeq: number,
  place: SnapshotPlace = { kind: "table" },
): Promise<PostcodeTable | undefined> => {
  if (place.kind === "file") return loadSnapshotFile(place.dir, refSeq);
  const parts = await db.query<{ part: unknown; size: unknown; postcodes: unknown }>(
    `select part, length(bytes) as size, postcodes from postcode_snapshot
      where ref_seq = $1::bigint order by part`,
    [refSeq],
  );
  if (parts.length === 0 || parts.some((row, i) => toInt(row.part) !== i)) return undefined;
  const image = new Uint8Array(parts.reduce((n, row) => n + toInt(row.size), 0));
  let at = 0;
  for (let part = 0; part < parts.length; part++) {
    const [row] = await db.query<{ bytes: unknown }>(
      "select bytes from postcode_snapshot where ref_seq = $1::bigint and part = $2::int",
      [refSeq, part],
    );
    const bytes = bytesOfRow(row?.bytes);
    if (at + bytes.byteLength > image.byteLength) return undefined;
    image.set(bytes, at);
    at += bytes.byteLength;
  }
  try {
    const table = PostcodeTable.fromBytes(image);
    return table.size === toInt(parts[0]?.postcodes ?? -1) ? table : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Saves `table` as the snapshot of the reference data of `refSeq`, in one transaction,
 * replacing every one saved before: of older reference data, or of `refSeq` in an image
 * this version cannot read (only then does a start read the rows and save again).
 */
export const savePostcodeSnapshot = async (
  db: Sql,
  refSeq: number,
  table: PostcodeTable,
  place: SnapshotPlace = { kind: "table" },
): Promise<void> => {
  if (place.kind === "file") {
    saveSnapshotFile(place.dir, refSeq, table);
    return;
  }
  const image = table.toBytes();
  await db.transaction(async (tx) => {
    await tx.query("delete from postcode_snapshot");
    for (let part = 0; part * snapshotPartBytes < image.byteLength || part === 0; part++) {
      const bytes = image.subarray(part * snapshotPartBytes, (part + 1) * snapshotPartBytes);
      await tx.query(
        `insert into postcode_snapshot (ref_seq, part, bytes, postcodes)
         values ($1::bigint, $2::int, $3::bytea, $4::bigint)`,
        [refSeq, part, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), table.size],
      );
    }
  });
};

export const lastReferenceSeq = async (db: Queryable, seq?: number): Promise<number> => {
  const params: unknown[] = seq === undefined ? [] : [seq];
  const bound = seq === undefined ? "" : "and seq <= $1::bigint";
  const [row] = await db.query<{ seq: unknown }>(
    `select coalesce(max(seq), 0) as seq from change_log where reference is not null ${bound}`,
    params,
  );
  return toInt(row?.seq ?? 0);
};

/** Where a read's postcodes came from. */
export type PostcodesFrom = "memory" | "snapshot" | "rows";

/**
 * Every reference dataset as recorded at `seq` (current when undefined), in one
 * transaction: the postcodes `held` in memory when they are of that state of the reference
 * data, else from their snapshot when one is saved, else from their rows (`from` says
 * which).
 */
export const referenceAt = async (
  db: Queryable,
  seq?: number,
  held?: { readonly refSeq: number; readonly table: PostcodeTable },
  place?: SnapshotPlace,
): Promise<ReferenceAt & { readonly from: PostcodesFrom }> => {
  const refSeq = await lastReferenceSeq(db, seq);
  const inMemory = held !== undefined && held.refSeq === refSeq ? held.table : undefined;
  const saved = inMemory ?? (await loadPostcodeSnapshot(db, refSeq, place));
  return {
    seq: refSeq,
    lsoas: await readRecords(db, Lsoa, "lsoa", seq),
    postcodes: saved ?? (await readPostcodeRows(db, seq)),
    assignments: await readRecords(db, LsoaAssignment, "assignment", seq),
    sources: await readRecords(db, Source, "source", seq),
    from: inMemory !== undefined ? "memory" : saved !== undefined ? "snapshot" : "rows",
  };
};

export const lsoas = (db: Queryable): Promise<Lsoa[]> => readRecords(db, Lsoa, "lsoa", undefined);

export const postcodes = async (db: Sql): Promise<PostcodeRecord[]> => [
  ...(await db.transaction((tx) => readPostcodeRows(tx, undefined))),
];

export const assignments = (db: Queryable): Promise<LsoaAssignment[]> =>
  readRecords(db, LsoaAssignment, "assignment", undefined);

export const sources = (db: Queryable): Promise<Source[]> =>
  readRecords(db, Source, "source", undefined);
