/**
 * @module postgresJs
 * The {@link Sql} interface over a PostgreSQL server through postgres.js, with a pool of
 * connections. Values come back as postgres.js parses them (int8 as a string, jsonb as
 * JSON); the store converts what it reads explicitly. Notifications arrive on one
 * connection of their own, which is made again (and every channel listened to again) when
 * it is lost, e.g. while the server restarts.
 */
import { once } from "node:events";
import { finished } from "node:stream/promises";
import postgres from "postgres";
import type { Queryable, Sql } from "./Sql.js";

type Connection = postgres.Sql | postgres.TransactionSql;

const queryable = (sql: Connection): Queryable => ({
  async query<T extends object>(text: string, params: ReadonlyArray<unknown> = []) {
    // postgres.js types its parameters narrowly; every parameter the store sends is a
    // string, a number, a boolean or null, cast in the SQL text.
    const rows = await sql.unsafe<T[]>(text, [...params] as never[]);
    return [...rows];
  },
  async exec(text: string) {
    // Without parameters postgres.js uses the simple protocol, which runs a whole script.
    await sql.unsafe(text);
  },
  async copyIn(table: string, columns: ReadonlyArray<string>, chunks: Iterable<string>) {
    const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
    const done = finished(stream);
    try {
      for (const chunk of chunks) {
        if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), done]);
      }
    } catch (error) {
      // The rows could not be made (or the server refused them): abandon the COPY.
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
      await done.catch(() => undefined);
      throw error;
    }
    stream.end();
    await done;
  },
});

/** Options for a server connection pool. */
export interface PostgresJsOptions {
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
  /** Fail now when the server does not answer (default true). */
  readonly checkNow?: boolean;
  /** `application_name` of the sessions (default `care-atlas-store`). */
  readonly applicationName?: string;
}

/** How long to wait for a connection before the query fails, in seconds. */
const connectTimeoutSeconds = 5;

/** How often a lost notification connection is tried again, in ms. */
const relistenEveryMs = 250;

/**
 * Seconds to wait before connecting again after the `attempt`-th failure in a row: 50 ms
 * doubling to at most half a second. postgres.js's own grows to 20 s (3^n / 100), so a
 * server that restarted would be found again only seconds after it came back.
 */
export const reconnectBackoff = (attempt: number): number =>
  Math.min(0.05 * 2 ** Math.max(0, attempt - 1), 0.5);

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

interface Subscriber {
  readonly onPayload: (payload: string) => void;
  readonly onReconnect: (() => void) | undefined;
}

/**
 * Notifications on a connection of their own. postgres.js makes a lost connection again on
 * the next query; this sends `LISTEN` again for every channel as soon as the server
 * answers, retrying every {@link relistenEveryMs} ms, then tells the subscribers.
 */
const notificationConnection = (url: string, applicationName: string) => {
  const channels = new Map<string, Set<Subscriber>>();
  let closed = false;
  let relistening = false;
  let retry: NodeJS.Timeout | undefined;
  const relisten = async (): Promise<void> => {
    if (relistening || closed) return;
    relistening = true;
    clearTimeout(retry);
    try {
      for (;;) {
        if (closed || channels.size === 0) return;
        try {
          for (const channel of channels.keys()) {
            await connection.unsafe(`listen ${quoteIdentifier(channel)}`);
          }
          break;
        } catch {
          await new Promise((done) => {
            retry = setTimeout(done, relistenEveryMs);
          });
        }
      }
    } finally {
      relistening = false;
    }
    for (const subscribers of channels.values()) {
      for (const subscriber of subscribers) subscriber.onReconnect?.();
    }
  };
  const options: postgres.Options<Record<string, postgres.PostgresType>> = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    connect_timeout: connectTimeoutSeconds,
    backoff: reconnectBackoff,
    fetch_types: false,
    onnotice: () => {},
    connection: { application_name: `${applicationName}-listen` },
    onclose: () => {
      if (!closed) setTimeout(() => void relisten(), 0);
    },
  };
  // postgres.js delivers every notification of a connection to `onnotify` (its own
  // `listen` is built on it), though its types leave the option out.
  const connection = postgres(
    url,
    Object.assign(options, {
      onnotify: (channel: string, payload: string) => {
        for (const subscriber of channels.get(channel) ?? []) subscriber.onPayload(payload);
      },
    }),
  );
  return {
    listen: async (
      channel: string,
      onPayload: (payload: string) => void,
      onReconnect?: () => void,
    ) => {
      const subscriber: Subscriber = { onPayload, onReconnect };
      let subscribers = channels.get(channel);
      if (subscribers === undefined) {
        subscribers = new Set();
        channels.set(channel, subscribers);
        try {
          await connection.unsafe(`listen ${quoteIdentifier(channel)}`);
        } catch (error) {
          channels.delete(channel);
          throw error;
        }
      }
      subscribers.add(subscriber);
      return async () => {
        const current = channels.get(channel);
        if (current === undefined) return;
        current.delete(subscriber);
        if (current.size > 0) return;
        channels.delete(channel);
        await connection.unsafe(`unlisten ${quoteIdentifier(channel)}`).catch(() => undefined);
      };
    },
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await connection.end({ timeout: 1 });
    },
  };
};

/** Connects to a PostgreSQL server (`postgres://user@host:port/database`). */
export const openPostgresJs = async (
  url: string,
  options: PostgresJsOptions = {},
): Promise<Sql> => {
  const applicationName = options.applicationName ?? "care-atlas-store";
  const sql = postgres(url, {
    max: options.poolSize ?? 10,
    connect_timeout: connectTimeoutSeconds,
    backoff: reconnectBackoff,
    onnotice: () => {},
    // Identify the store's sessions in pg_stat_activity.
    connection: { application_name: applicationName },
  });
  // Fail now, with the server's message, rather than on the first query.
  if (options.checkNow !== false) await sql.unsafe("select 1");
  let notifications: ReturnType<typeof notificationConnection> | undefined;
  return {
    backend: "postgres",
    ...queryable(sql),
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) =>
      (await sql.begin((tx) => fn(queryable(tx)))) as T,
    listen: (channel, onPayload, onReconnect) => {
      notifications ??= notificationConnection(url, applicationName);
      return notifications.listen(channel, onPayload, onReconnect);
    },
    close: async () => {
      await notifications?.close();
      await sql.end({ timeout: 5 });
    },
  };
};
