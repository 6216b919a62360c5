/**
 * Reference data: LSOAs, postcodes and sources, upserted by key in one transaction and
 * read back validated.
 */
import { Lsoa, PostcodeLocation, Source } from "@care-atlas/domain";
import { z } from "zod";
import type { Queryable, Sql } from "../driver/Sql.js";
import type { ReferenceData } from "../Store.js";
import { StoreInvalidInput } from "../StoreError.js";

const parseAll = <S extends z.ZodType>(schema: S, what: string, items: ReadonlyArray<unknown>) => {
  const result = z.array(schema).safeParse(items);
  if (!result.success) throw new StoreInvalidInput(`${what}: ${result.error.message}`);
  return result.data;
};

/** Reference data checked with the domain's schemas. */
export interface ParsedReference {
  readonly lsoas: ReadonlyArray<Lsoa>;
  readonly postcodes: ReadonlyArray<PostcodeLocation>;
  readonly sources: ReadonlyArray<Source>;
}

/** Parses reference data; throws StoreInvalidInput naming the list that is malformed. */
export const parseReference = (data: ReferenceData): ParsedReference => ({
  lsoas: parseAll(Lsoa, "lsoas", data.lsoas ?? []),
  postcodes: parseAll(PostcodeLocation, "postcodes", data.postcodes ?? []),
  sources: parseAll(Source, "sources", data.sources ?? []),
});

export const importReference = async (sql: Sql, data: ReferenceData): Promise<void> => {
  const parsed = parseReference(data);
  await sql.transaction((tx) => writeReference(tx, parsed));
};

/** Upserts parsed reference data in the caller's transaction. */
export const writeReference = async (
  tx: Queryable,
  { lsoas, postcodes, sources }: ParsedReference,
): Promise<void> => {
  // LSOAs first: postcodes refer to them.
  if (lsoas.length > 0) {
    await tx.query(
      `insert into lsoa (code, data)
         select d ->> 'code', d from jsonb_array_elements($1::text::jsonb) as d
         on conflict (code) do update set data = excluded.data`,
      [JSON.stringify(lsoas)],
    );
  }
  if (postcodes.length > 0) {
    await tx.query(
      `insert into postcode (postcode, lsoa_code, data)
         select d ->> 'postcode', d ->> 'lsoaCode', d from jsonb_array_elements($1::text::jsonb) as d
         on conflict (postcode) do update set lsoa_code = excluded.lsoa_code, data = excluded.data`,
      [JSON.stringify(postcodes)],
    );
  }
  if (sources.length > 0) {
    await tx.query(
      `insert into source (key, data)
         select d ->> 'key', d from jsonb_array_elements($1::text::jsonb) as d
         on conflict (key) do update set data = excluded.data`,
      [JSON.stringify(sources)],
    );
  }
};

const readAll = async <S extends z.ZodType>(db: Queryable, schema: S, text: string) => {
  const rows = await db.query<{ data: unknown }>(text);
  return rows.map((row) =>
    schema.parse(typeof row.data === "string" ? JSON.parse(row.data) : row.data),
  ) as z.infer<S>[];
};

export const lsoas = (db: Queryable): Promise<Lsoa[]> =>
  readAll(db, Lsoa, "select data from lsoa order by code");

export const postcodes = (db: Queryable): Promise<PostcodeLocation[]> =>
  readAll(db, PostcodeLocation, "select data from postcode order by postcode");

export const sources = (db: Queryable): Promise<Source[]> =>
  readAll(db, Source, "select data from source order by key");
