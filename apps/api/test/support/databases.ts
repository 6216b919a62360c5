/**
 * Databases for the multi-process tests: a fresh database on a PostgreSQL server (dropped
 * afterwards), and waiting for it to appear on a streaming standby of that server.
 */
import postgres from "postgres";

/** A database of its own on the server at `serverUrl`. */
export interface FreshDatabase {
  readonly name: string;
  readonly url: string;
  /** The same database's URL on another server (e.g. a standby of this one). */
  readonly on: (serverUrl: string) => string;
  readonly drop: () => Promise<void>;
}

const withDatabase = (serverUrl: string, name: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** Creates `care_atlas_<label>_<random>` on the server. */
export const freshDatabase = async (serverUrl: string, label: string): Promise<FreshDatabase> => {
  const name = `care_atlas_${label}_${crypto.getRandomValues(new Uint32Array(1))[0]}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  return {
    name,
    url: withDatabase(serverUrl, name),
    on: (other) => withDatabase(other, name),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await admin.end({ timeout: 5 });
    },
  };
};

/** Waits until `url` (a database on a standby) accepts connections and holds `table`. */
export const waitForReplica = async (url: string, table: string, ms = 30_000): Promise<void> => {
  const until = Date.now() + ms;
  for (;;) {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    try {
      await sql.unsafe(`select 1 from ${table} limit 1`);
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`${url} has no ${table} yet: ${String(error)}`);
    } finally {
      await sql.end({ timeout: 1 });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
